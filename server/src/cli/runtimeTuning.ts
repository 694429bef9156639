// V8 tuning for the CLI's one pass over a bank. A check runs every case once, so most of its
// time is spent before the optimizing compiler has caught up: on 3,000 cases the compiler's
// own work (large functions with everything inlined into them) kept the hot code slow for the
// first half of the run. Smaller inlining budgets get optimized code sooner; measured on
// `casewright check` over 3,000 cases: 0.59 s → 0.52 s (docs/performance.md). The language
// server sets it too: its workspace load is the same pass over every case.
import { setFlagsFromString } from 'node:v8';

/** The largest function (in bytecode bytes) the optimizing compiler inlines; V8's default is 460. */
const MAX_INLINED_BYTECODE_SIZE = 100;

export function tuneForBatchRun(): void {
  try {
    setFlagsFromString(`--max-inlined-bytecode-size=${MAX_INLINED_BYTECODE_SIZE}`);
  } catch {
    // A runtime without the flag runs with its defaults: slower, never wrong.
  }
}
