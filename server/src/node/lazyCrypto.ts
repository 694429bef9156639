// node:crypto, loaded on first use: only render, export and the stats page need it, and loading
// it with the bundle cost every `check` ~9 ms of its start (a CPU profile of the CLI). `require`
// is resolved by the bundler like an import and runs on the first call only.
import type * as Crypto from 'node:crypto';

export function nodeCrypto(): typeof Crypto {
  return require('node:crypto') as typeof Crypto;
}
