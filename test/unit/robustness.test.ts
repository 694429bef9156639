// A seeded share of the fuzzing that `npm run fuzz` runs at length (100,000 cases).
import fc from 'fast-check';
import { mutatedCase } from '../support/mutations';
import { checkRobust } from '../support/robustness';

describe('robustness on mutated samples (seeded share of npm run fuzz)', function () {
  this.timeout(120_000);
  it('parser, checks, engine, explain and renderer never throw; ranges stay inside', () => {
    fc.assert(fc.property(mutatedCase(), (text) => checkRobust(text)), { seed: 424242, numRuns: 300 });
  });
});
