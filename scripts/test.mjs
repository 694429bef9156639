// `npm test`: type-check, build, then every unit suite; ends with the totals alone on a line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const totals = { passed: 0, failed: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function stage(label, ok) {
  if (ok) totals.passed += 1; else totals.failed += 1;
  if (!ok) console.log(`${label}: FAILED`);
}

stage('typecheck', run('typecheck', npx, ['tsc', '--noEmit', '-p', '.']));
stage('lint', run('lint', npx, ['eslint', '.']));
stage('build', run('build', process.execPath, ['scripts/build.mjs']));

mkdirSync('test-results', { recursive: true });
const countsFile = join('test-results', 'unit-totals.json');
rmSync(countsFile, { force: true });
run('unit tests', npx, ['mocha'], { CASEWRIGHT_TOTALS: countsFile });
try {
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
} catch {
  totals.failed += 1;
  console.log('unit tests: no totals were written (mocha did not finish)');
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
