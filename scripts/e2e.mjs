// `npm run test:e2e`: the packaged extension in a real VS Code (code-server 4.99.4 in Debian's
// chromium) and the server in Neovim. Installs the pinned host outside the repo, starts every
// process in its own process group on 127.0.0.1, kills them all, and prints the totals.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const E2E_HOME = process.env.E2E_HOME ?? path.join(homedir(), '.cache', 'casewright-e2e');
const HOST = path.join(E2E_HOME, 'host');
const CODE_SERVER = path.join(HOST, 'node_modules', '.bin', 'code-server');
const RESULTS = path.join(REPO, 'test-results', 'e2e');
const totals = { passed: 0, failed: 0 };
/** `--only=ui|extension-host|nvim` runs one stage (npm run test:vscode runs extension-host). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const wanted = (stage) => !only || only === stage;
const groups = [];

function log(message) {
  console.log(`[e2e] ${message}`);
}

function run(label, command, args, options = {}) {
  log(label);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO, ...options });
  return result.status === 0;
}

/** Runs a command whose output ends with "N passed, N failed" and adds that to the totals. */
function runCounted(label, command, args, env) {
  log(label);
  const result = spawnSync(command, args, { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  const match = /^(\d+) passed, (\d+) failed$/m.exec([...(result.stdout ?? '').matchAll(/^\d+ passed, \d+ failed$/gm)].pop()?.[0] ?? '');
  if (match) {
    totals.passed += Number(match[1]);
    totals.failed += Number(match[2]);
  } else {
    totals.failed += 1;
  }
  if (result.status !== 0 && (!match || Number(match[2]) === 0)) totals.failed += 1;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(base, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Starts code-server in its own process group; returns its base URL. */
async function startCodeServer(runDir, name, extensionsDir) {
  const port = await freePort();
  const dataDir = path.join(runDir, `${name}-data`);
  mkdirSync(path.join(dataDir, 'User'), { recursive: true });
  writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
    'workbench.colorTheme': 'Default Light Modern', 'editor.inlayHints.enabled': 'on', 'casewright.validate.delay': 50,
  }));
  const child = spawn(CODE_SERVER, ['--config', '/dev/null', '--user-data-dir', dataDir, '--extensions-dir', extensionsDir,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', path.join(runDir, 'workspace')], {
    detached: true, stdio: ['ignore', 'ignore', 'ignore'],
  });
  groups.push(child.pid);
  const base = `http://127.0.0.1:${port}`;
  if (!(await waitForHealth(base))) throw new Error(`code-server did not start on ${base}`);
  return base;
}

function killAll() {
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (!run('installing the pinned e2e host (skipped when present)', 'bash', ['test/e2e/install-host.sh'], { env: { ...process.env, E2E_HOME } })) {
    totals.failed += 1;
    return;
  }
  if (!run('packaging the extension', 'npm', ['run', 'package', '--silent'])) {
    totals.failed += 1;
    return;
  }
  run('building the development bundles back', process.execPath, ['scripts/build.mjs']);
  run('bundling the extension-host test suite', process.execPath, ['test/e2e/vscode/build.mjs']);

  mkdirSync(E2E_HOME, { recursive: true });
  const runDir = mkdtempSync(path.join(E2E_HOME, 'run-'));
  const workspace = path.join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const file of readdirSync(path.join(REPO, 'samples')).filter((f) => f.endsWith('.case'))) cpSync(path.join(REPO, 'samples', file), path.join(workspace, file));
  cpSync(path.join(REPO, 'samples', 'images'), path.join(workspace, 'images'), { recursive: true });
  cpSync(path.join(REPO, 'test', 'fixtures', 'e2e'), path.join(workspace, 'drafts'), { recursive: true });

  try {
    // 1. The .vsix installed into code-server, driven through the UI.
    if (wanted('ui')) await uiStage(runDir, workspace);
    // 2. The mocha suite against the vscode API, inside code-server's extension host, on the
    //    unpacked .vsix as the development extension (the same bits users install).
    if (wanted('extension-host')) await extensionHostStage(runDir, workspace);
    // 3. Neovim as a plain LSP client of dist/server.js.
    if (wanted('nvim')) runCounted('Neovim LSP client', 'bash', ['test/e2e/nvim/run.sh'], { E2E_WORKSPACE: workspace, RESULT_FILE: path.join(runDir, 'nvim-result.txt') });
  } finally {
    killAll();
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function uiStage(runDir, workspace) {
  const extensions = path.join(runDir, 'extensions');
  run('installing the .vsix into code-server', CODE_SERVER, ['--config', '/dev/null', '--extensions-dir', extensions, '--install-extension', path.join(REPO, 'casewright.vsix')], { stdio: 'ignore' });
  const uiBase = await startCodeServer(runDir, 'ui', extensions);
  runCounted('UI tests (Playwright in chromium)', process.execPath, [path.join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--timeout', '120000', '--reporter', path.join(REPO, 'test', 'support', 'totalsReporter.js'), 'test/e2e/ui/*.test.mjs'],
    { CS_BASE: uiBase, E2E_WORKSPACE: workspace, E2E_RESULTS: RESULTS, E2E_HOME, NODE_PATH: path.join(REPO, 'node_modules') });
  killAll();
}

async function extensionHostStage(runDir, workspace) {
  const devExtension = path.join(runDir, 'dev-extension');
  unpackVsix(path.join(REPO, 'casewright.vsix'), devExtension);
  const hostBase = await startCodeServer(runDir, 'host', path.join(runDir, 'no-extensions'));
  runCounted('extension-host tests (vscode API)', process.execPath, ['test/e2e/vscode/runInCodeServer.mjs'],
    { CS_BASE: hostBase, EXT_DEV: devExtension, EXT_TESTS: path.join(REPO, 'out', 'e2e', 'suite.js'), E2E_WORKSPACE: workspace, E2E_HOME });
  killAll();
}

function unpackVsix(vsix, target) {
  const staging = `${target}-zip`;
  mkdirSync(staging, { recursive: true });
  // The .vsix is a zip; `extension/` holds the extension itself.
  const unzip = spawnSync(process.execPath, [path.join(REPO, 'test', 'e2e', 'unzip.mjs'), vsix, staging], { stdio: 'inherit' });
  if (unzip.status !== 0) throw new Error('could not unpack the .vsix');
  cpSync(path.join(staging, 'extension'), target, { recursive: true });
}

process.on('SIGINT', () => { killAll(); process.exit(130); });
process.on('SIGTERM', () => { killAll(); process.exit(143); });
try {
  await main();
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
  totals.failed += 1;
} finally {
  killAll();
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
