// `npm run fuzz`: 100,000 mutated cases (or FUZZ_RUNS) through the same properties as the
// tests — the analysis never throws, and terminal output carries no raw control characters —
// then casewright.json of any shape (a tenth as many) and export output folders in any prior
// state (a hundredth: each touches the disk). A failure prints the seed and the shrunk
// counterexample, so it can be replayed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkConfigText, checkOutputFolder, checkTerminalSafe, hostileConfig, outputFolderState } from '../../test/support/hostile';
import { mutatedCase } from '../../test/support/mutations';
import { checkRobust } from '../../test/support/robustness';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`fuzzing ${runs} mutated cases, seed ${seed}`);
  fc.assert(fc.property(mutatedCase(8), (text) => {
    checkRobust(text);
    checkTerminalSafe(text);
  }), { seed, numRuns: runs });
  console.log(`${runs} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: no failure`);

  const configRuns = Math.max(1, Math.round(runs / 10));
  const folder = mkdtempSync(path.join(tmpdir(), 'casewright-fuzz-config-'));
  try {
    await fc.assert(fc.asyncProperty(hostileConfig, (text) => checkConfigText(text, folder)), { seed, numRuns: configRuns });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(`${configRuns} casewright.json files: no failure`);

  const folderRuns = Math.max(1, Math.round(runs / 100));
  await fc.assert(fc.asyncProperty(outputFolderState, (state) => checkOutputFolder(state)), { seed, numRuns: folderRuns });
  console.log(`${folderRuns} output folders: no failure`);
  console.log(`${runs + configRuns + folderRuns} passed, 0 failed`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.log(`0 passed, 1 failed`);
  process.exit(1);
});
