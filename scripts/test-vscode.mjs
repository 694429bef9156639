// `npm run test:vscode`: the extension-host suite (test/e2e/vscode) inside VS Code. With a
// desktop VS Code given in VSCODE_EXECUTABLE, @vscode/test-electron runs it there; otherwise
// the suite runs in code-server's extension host (VS Code's desktop build cannot be
// downloaded here), through the e2e harness.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const executable = process.env.VSCODE_EXECUTABLE;

if (!executable) {
  const run = spawnSync(process.execPath, ['scripts/e2e.mjs', '--only=extension-host'], { cwd: REPO, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const { runTests } = await import('@vscode/test-electron');
for (const [label, command, args] of [['build', process.execPath, ['scripts/build.mjs']], ['suite', process.execPath, ['test/e2e/vscode/build.mjs']]]) {
  if (spawnSync(command, args, { cwd: REPO, stdio: 'inherit' }).status !== 0) {
    console.error(`${label} failed`);
    process.exit(1);
  }
}
const workspace = mkdtempSync(path.join(tmpdir(), 'casewright-vscode-'));
for (const file of readdirSync(path.join(REPO, 'samples')).filter((f) => f.endsWith('.case'))) cpSync(path.join(REPO, 'samples', file), path.join(workspace, file));
cpSync(path.join(REPO, 'test', 'fixtures', 'e2e'), path.join(workspace, 'drafts'), { recursive: true });
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out', 'e2e', 'suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log('extension-host suite passed in the desktop VS Code');
} catch (error) {
  console.error(`extension-host suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
