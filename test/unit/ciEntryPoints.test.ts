// The CI entry points as a runner calls them: the GitHub Action's script (environment
// variables, the output and summary files, exit codes) and the pre-commit hook's entry.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, REPO, runCli, tempBank } from '../support/runCli';
import { withHeader } from '../support/cases';

const SCRIPT = path.join(REPO, 'scripts', 'action', 'run.mjs');
const CLEAN = 'case: clean-01\ntitle: Clean\n';
const BROKEN = withHeader('level: hard\n');
const WARNING = 'case: warn-01\ntitle: Warning only\n\n[history]\nSeen on 12/03/2024.\n';

function runAction(dir: string, inputs: Record<string, string>) {
  const output = path.join(dir, 'github-output.txt');
  const summary = path.join(dir, 'step-summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CASEWRIGHT_CLI: CLI, RUNNER_TEMP: dir, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name}`] = value;
  const result = spawnSync(process.execPath, [SCRIPT], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

describe('GitHub Action script (scripts/action/run.mjs)', function () {
  // Each run starts the CLI three times; on a busy machine that takes seconds.
  this.timeout(120_000);
  it('a clean bank: exit 0, SARIF written and named in the outputs, statistics in the job summary', () => {
    const bank = tempBank({ 'cases/a.case': CLEAN });
    try {
      const run = runAction(bank.dir, { PATHS: 'cases' });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      const sarifFile = path.join(bank.dir, 'casewright.sarif');
      assert.equal(run.output, `sarif-file=${sarifFile}\n`);
      const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      assert.deepEqual(sarif.runs[0].results, []);
      assert.match(run.summary, /^## Case bank$/m);
      assert.match(run.summary, /^1 case\.$/m);
    } finally {
      bank.cleanup();
    }
  });

  it('errors: exit 1, one annotation per problem on stdout, the same problems in SARIF', () => {
    const bank = tempBank({ 'a.case': BROKEN, 'b.case': WARNING });
    try {
      const run = runAction(bank.dir, { PATHS: 'a.case\nb.case' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^::error file=a\.case,line=3,col=8,.*title=casewright\(unknown-value\)::/m);
      assert.match(run.stdout, /^::warning file=b\.case,line=5,.*title=casewright\(privacy-date\)::/m);
      const sarif = JSON.parse(readFileSync(path.join(bank.dir, 'casewright.sarif'), 'utf8'));
      assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort(), ['privacy-date', 'unknown-value']);
    } finally {
      bank.cleanup();
    }
  });

  it('max-warnings: warnings alone pass without it and fail above it', () => {
    const bank = tempBank({ 'b.case': WARNING });
    try {
      assert.equal(runAction(bank.dir, {}).status, 0);
      assert.equal(runAction(bank.dir, { MAX_WARNINGS: '0' }).status, 1);
      assert.equal(runAction(bank.dir, { MAX_WARNINGS: '1' }).status, 0);
      const bad = runAction(bank.dir, { MAX_WARNINGS: 'many' });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /max-warnings takes a whole number/);
    } finally {
      bank.cleanup();
    }
  });

  it('could not run (a config that is not JSON): exit 2, no outputs, no summary', () => {
    const bank = tempBank({ 'a.case': CLEAN, 'bad.json': '{' });
    try {
      const run = runAction(bank.dir, { CONFIG: 'bad.json' });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /invalid configuration/);
      assert.equal(run.output, '');
      assert.equal(run.summary, '');
    } finally {
      bank.cleanup();
    }
  });

  it('action.yml passes each input to the script under the name it reads', () => {
    const action = readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    for (const [input, variable] of [['paths', 'PATHS'], ['config', 'CONFIG'], ['max-warnings', 'MAX_WARNINGS']]) {
      assert.match(action, new RegExp(`^  ${input}:$`, 'm'), `input ${input}`);
      assert.match(action, new RegExp(`INPUT_${variable}: \\$\\{\\{ inputs\\.${input} \\}\\}`), `env for ${input}`);
    }
    assert.match(action, /run: node "\$\{\{ github\.action_path \}\}\/scripts\/action\/run\.mjs"/);
    assert.match(action, /value: \$\{\{ steps\.check\.outputs\.sarif-file \}\}/);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8');
  const field = (name: string) => new RegExp(`^ {2}${name}: (.*)$`, 'm').exec(hooks)?.[1];

  it('declares casewright-check on .case files, checking the whole bank', () => {
    assert.equal(/^- id: (.*)$/m.exec(hooks)?.[1], 'casewright-check');
    assert.equal(field('entry'), 'casewright check');
    assert.equal(field('language'), 'node');
    assert.ok(new RegExp(field('files')!).test('cases/itp-01.case'));
    assert.ok(!new RegExp(field('files')!).test('cases/notes.md'));
    assert.equal(field('pass_filenames'), 'false');
  });

  it('its entry, run in a bank as pre-commit runs it: exit 0 clean, 1 with errors', () => {
    const args = field('entry')!.split(' ').slice(1);
    const clean = tempBank({ 'a.case': CLEAN });
    const broken = tempBank({ 'a.case': CLEAN, 'b.case': BROKEN });
    try {
      assert.equal(runCli(args, clean.dir).status, 0);
      const run = runCli(args, broken.dir);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /unknown-value/);
    } finally {
      clean.cleanup();
      broken.cleanup();
    }
  });
});
