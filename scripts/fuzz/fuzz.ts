// `npm run fuzz`: 100,000 mutated cases (or FUZZ_RUNS) through the same property as the tests.
// A failure prints the seed and the shrunk counterexample, so it can be replayed.
import fc from 'fast-check';
import { mutatedCase } from '../../test/support/mutations';
import { checkRobust } from '../../test/support/robustness';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const started = Date.now();
console.log(`fuzzing ${runs} mutated cases, seed ${seed}`);
try {
  fc.assert(fc.property(mutatedCase(8), (text) => checkRobust(text)), { seed, numRuns: runs });
  console.log(`${runs} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: no failure`);
  console.log(`${runs} passed, 0 failed`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}
