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

  it('action.yml uploads the SARIF log to code scanning after a failed check too, unless upload-sarif is false', () => {
    const action = readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    assert.match(action, /^  upload-sarif:\n(?: {4}.*\n)*? {4}default: 'true'$/m);
    const upload = /^ {4}- name: Upload SARIF to code scanning\n((?: {6}.*\n?)+)/m.exec(action)?.[1] ?? '';
    assert.match(upload, /^ {6}if: always\(\) && inputs\.upload-sarif == 'true' && steps\.check\.outputs\.sarif-file != ''$/m);
    assert.match(upload, /^ {6}uses: github\/codeql-action\/upload-sarif@v3$/m);
    assert.match(upload, /^ {8}sarif_file: \$\{\{ steps\.check\.outputs\.sarif-file \}\}$/m);
    assert.match(upload, /^ {6}continue-on-error: true$/m, 'a refused upload does not fail the step');
  });
});

describe('pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  const text = readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8');
  /** The hooks as written: one block per `- id:`, each field on its own line. */
  const hooks = text.split(/^(?=- id: )/m).filter((block) => block.startsWith('- id: '));
  const hook = (id: string) => {
    const block = hooks.find((b) => b.startsWith(`- id: ${id}\n`));
    assert.ok(block, `hook ${id}`);
    return (name: string) => new RegExp(`^ {2}${name}: (.*)$`, 'm').exec(block)?.[1];
  };

  it('declares casewright-check and casewright-fix on .case files, each over the whole bank', () => {
    assert.deepEqual(hooks.map((b) => /^- id: (.*)$/m.exec(b)?.[1]), ['casewright-check', 'casewright-fix']);
    for (const [id, entry] of [['casewright-check', 'casewright check'], ['casewright-fix', 'casewright check --fix']]) {
      const field = hook(id);
      assert.equal(field('entry'), entry);
      assert.equal(field('language'), 'node');
      assert.ok(new RegExp(field('files')!).test('cases/itp-01.case'));
      assert.ok(!new RegExp(field('files')!).test('cases/notes.md'));
      assert.equal(field('pass_filenames'), 'false');
    }
  });

  it('casewright-check, run in a bank as pre-commit runs it: exit 0 clean, 1 with errors', () => {
    const args = hook('casewright-check')('entry')!.split(' ').slice(1);
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

  it('casewright-fix, run in a bank as pre-commit runs it: the safe fix is written, what is left decides the exit', () => {
    const args = hook('casewright-fix')('entry')!.split(' ').slice(1);
    const fixable = 'case: fix-01\ntitle: Fixable\n\n[labs]\nhemoglobin: 7\n';
    const bank = tempBank({ 'a.case': fixable, 'b.case': CLEAN });
    const broken = tempBank({ 'a.case': fixable, 'b.case': BROKEN });
    try {
      const run = runCli(args, bank.dir);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.equal(readFileSync(path.join(bank.dir, 'a.case'), 'utf8'), fixable.replace('hemoglobin: 7', 'hemoglobin: 7 g/dL'));
      assert.equal(readFileSync(path.join(bank.dir, 'b.case'), 'utf8'), CLEAN, 'a clean case is left alone');
      const left = runCli(args, broken.dir);
      assert.equal(left.status, 1, 'an error no safe fix resolves still fails the commit');
      assert.match(readFileSync(path.join(broken.dir, 'a.case'), 'utf8'), /hemoglobin: 7 g\/dL/);
    } finally {
      bank.cleanup();
      broken.cleanup();
    }
  });
});
