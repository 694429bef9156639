// A seeded share of the hostile-input fuzzing that `npm run fuzz` runs at length: terminal
// output of mutated cases (control characters, long runs), casewright.json of any shape, and
// export output folders in any prior state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkConfigText, checkOutputFolder, checkTerminalSafe, hostileConfig, outputFolderState } from '../support/hostile';
import { mutatedCase } from '../support/mutations';

describe('hostile input (seeded share of npm run fuzz)', function () {
  this.timeout(120_000);

  it('stylish and github output of mutated cases hold no raw control character', () => {
    fc.assert(fc.property(mutatedCase(), (text) => checkTerminalSafe(text)), { seed: 1515, numRuns: 150 });
  });

  it('casewright.json of any shape: read without throwing, one bounded line when refused', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'casewright-config-'));
    try {
      await fc.assert(fc.asyncProperty(hostileConfig, (text) => checkConfigText(text, folder)), { seed: 1516, numRuns: 200 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('casewright.json that the full fuzz found: invalid JSON quoting a line end and a NUL is still one line', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'casewright-config-'));
    try {
      // npm run fuzz, seed 641530257: V8's JSON error quoted the raw text, line end included.
      for (const text of ['\n\u0000', '{\n\u001b[2J', '[\r\n\u0007']) await checkConfigText(text, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('an output folder in any prior state: refused untouched, or exactly the new files', async () => {
    await fc.assert(fc.asyncProperty(outputFolderState, (state) => checkOutputFolder(state)), { seed: 1517, numRuns: 120 });
    // npm run fuzz, seed 641530257: a link out named `cases`, then a file under it.
    await checkOutputFolder({ exists: true, entries: [{ kind: 'linkOutDir', name: 'cases' }, { kind: 'file', name: 'cases/index.html' }] });
  });
});
