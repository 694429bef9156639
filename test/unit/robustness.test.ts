// A seeded share of the fuzzing that `npm run fuzz` runs at length (100,000 cases).
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { mutatedCase } from '../support/mutations';
import { checkRobust } from '../support/robustness';

describe('robustness on mutated samples (seeded share of npm run fuzz)', function () {
  this.timeout(120_000);
  it('parser, checks, engine, explain and renderer never throw; ranges stay inside', () => {
    fc.assert(fc.property(mutatedCase(), (text) => checkRobust(text)), { seed: 424242, numRuns: 300 });
  });
});

describe('memory across a long run', function () {
  this.timeout(60_000);
  it('keeps nothing of a case once its analysis is dropped, however long its lines', () => {
    // Lookup tables remember what cases write (unit spellings, reference ranges): text from a
    // case must never stay alive in them. 300 cases of 200 KB each would hold 60 MB if it did.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const longUnit = (i: number) => analyzeCase(`case: big-${i}\ntitle: B\n[labs]\nhemoglobin: 7 ${String(i).padStart(6, '0')}${'x'.repeat(200_000)}\n`);
    // A short unit is a substring of a big file: remembering it must not keep the file.
    const bigFile = (i: number) => analyzeCase(`case: big-${i}\ntitle: B\n[history]\n${'y'.repeat(200_000)}\n[labs]\nhemoglobin: 7 u${String(i).padStart(19, '0')}\n`);
    longUnit(-1);
    bigFile(-1);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 150; i++) {
      longUnit(i);
      bigFile(i);
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    assert.ok(grown < 20, `the heap grew by ${grown.toFixed(1)} MB`);
  });
});
