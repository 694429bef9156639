// The XML and zip libraries, loaded when an export first asks for them. They are half of the
// bundle, and `check`, `explain` and the language server never export: evaluating them at start
// cost every run of the CLI about 30 ms (a CPU profile of `check`). `require` is resolved by the
// bundler like an import, and runs the library's code only on the first call.
import type * as Fflate from 'fflate';
import type * as Xmlbuilder2 from 'xmlbuilder2';

export function xmlbuilder2(): typeof Xmlbuilder2 {
  return require('xmlbuilder2') as typeof Xmlbuilder2;
}

export function fflate(): typeof Fflate {
  return require('fflate') as typeof Fflate;
}
