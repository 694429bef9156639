// The real `casewright` process: exit codes, output formats, configuration, bad input.
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { CLI, runCli, tempBank } from '../support/runCli';
import { withHeader } from '../support/cases';

const BROKEN = withHeader('level: hard\n\n[labs]\nhemoglobin: 61 g/dL\nhemoglobine: 6 g/dL\n');
const WARN_ONLY = withHeader('\n[labs]\nmcv: 58\n');

function noStackTrace(stderr: string) {
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
}

describe('casewright check (the real process)', () => {
  it('checks the shipped samples clean: exit 0', () => {
    const run = runCli(['check', 'samples']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '');
  });

  it('exit 1 and ESLint-like rows when a case has errors', () => {
    const bank = tempBank({ 'bad.case': BROKEN });
    try {
      const run = runCli(['check', '.'], bank.dir);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^bad\.case$/m);
      assert.match(run.stdout, /^ {2}3:8 +error +`hard` is not a known value.*unknown-value$/m);
      assert.match(run.stdout, /^ {2}6:13 +error +Hemoglobin 61 g\/dL.*implausible-value$/m);
      assert.match(run.stdout, /^ {2}7:1 +warning +.*unknown-lab$/m);
      assert.match(run.stdout, /^ {2}5:1 +info +This case has labs but no `mechanism:`.*missing-mechanism$/m);
      assert.match(run.stdout, /✖ 4 problems \(2 errors, 1 warning, 1 info\)/);
    } finally {
      bank.cleanup();
    }
  });

  it('--format json follows the contract: 1-based lines and columns', () => {
    const bank = tempBank({ 'bad.case': BROKEN, 'good.case': withHeader('').replace('demo-01', 'demo-02') });
    try {
      const run = runCli(['check', '--format', 'json'], bank.dir);
      assert.equal(run.status, 1);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(report.map((f: { file: string }) => f.file), ['bad.case', 'good.case']);
      assert.deepEqual(report[1].diagnostics, []);
      const implausible = report[0].diagnostics.find((d: { code: string }) => d.code === 'implausible-value');
      assert.deepEqual(
        { line: implausible.line, column: implausible.column, endLine: implausible.endLine, endColumn: implausible.endColumn, severity: implausible.severity },
        { line: 6, column: 13, endLine: 6, endColumn: 20, severity: 'error' },
      );
      assert.match(implausible.message, /61 g\/L/);
    } finally {
      bank.cleanup();
    }
  });

  it('--format sarif is valid SARIF 2.1.0', () => {
    const bank = tempBank({ 'sub/bad.case': BROKEN });
    try {
      const run = runCli(['check', '--format', 'sarif', '.'], bank.dir);
      assert.equal(run.status, 1);
      const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
      const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
      const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
      const validate = ajv.compile(schema);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const result = log.runs[0].results.find((r) => r.ruleId === 'implausible-value');
      assert.ok(result);
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'sub/bad.case');
      assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 6, startColumn: 13, endLine: 6, endColumn: 20 });
      assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, 'implausible-value');
    } finally {
      bank.cleanup();
    }
  });

  it('--format github prints workflow annotations', () => {
    const bank = tempBank({ 'bad.case': BROKEN });
    try {
      const run = runCli(['check', '--format', 'github'], bank.dir);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^::error file=bad\.case,line=6,col=13,endLine=6,endColumn=20,title=casewright\(implausible-value\)::Hemoglobin 61 g\/dL/m);
      assert.match(run.stdout, /^::warning file=bad\.case,line=7,col=1,/m);
    } finally {
      bank.cleanup();
    }
  });

  it('shows a progress line on a terminal, and none when stderr is not one', () => {
    // `script` gives the CLI a real terminal; the delay before the line shows is shortened.
    const onTerminal = spawnSync('script', ['-qec', `node ${JSON.stringify(CLI)} check samples`, '/dev/null'], {
      cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8', env: { ...process.env, CASEWRIGHT_PROGRESS_DELAY_MS: '0' },
    });
    assert.equal(onTerminal.status, 0, onTerminal.stdout);
    assert.match(onTerminal.stdout, /Checking 1\/13 files…/);
    const piped = runCli(['check', 'samples'], undefined, { CASEWRIGHT_PROGRESS_DELAY_MS: '0' });
    assert.doesNotMatch(piped.stderr, /Checking/);
  });

  it('warnings alone exit 0, but --max-warnings 0 makes them fail', () => {
    const bank = tempBank({ 'w.case': WARN_ONLY });
    try {
      assert.equal(runCli(['check'], bank.dir).status, 0);
      const strict = runCli(['check', '--max-warnings', '0'], bank.dir);
      assert.equal(strict.status, 1);
      assert.match(strict.stderr, /too many warnings \(1\)/);
      assert.equal(runCli(['check', '--max-warnings', '1'], bank.dir).status, 0);
    } finally {
      bank.cleanup();
    }
  });

  it('finds casewright.json by walking up: rules off, re-levelled, files ignored', () => {
    const bank = tempBank({
      'casewright.json': JSON.stringify({ rules: { 'unknown-lab': 'off', 'missing-mechanism': 'off', 'implausible-value': 'warning' }, ignore: ['drafts/**'] }),
      'cases/bad.case': withHeader('\n[labs]\nhemoglobin: 61 g/dL\nfoo: 1\n'),
      'drafts/wip.case': 'nonsense',
    });
    try {
      const run = runCli(['check', '--format', 'json', '.'], path.join(bank.dir, 'cases'));
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(report[0].diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]), [['implausible-value', 'warning']]);
      const all = runCli(['check', '--format', 'json'], bank.dir);
      assert.deepEqual(JSON.parse(all.stdout).map((f: { file: string }) => f.file), ['cases/bad.case'], 'drafts are ignored');
    } finally {
      bank.cleanup();
    }
  });

  it('an invalid casewright.json stops the run with exit 2 and says why', () => {
    const bank = tempBank({ 'casewright.json': '{"rules": {"unknown-lab": "loud"}}', 'a.case': withHeader('') });
    try {
      const run = runCli(['check'], bank.dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /casewright\.json.*rules\.unknown-lab.*error, warning, info, off/);
      noStackTrace(run.stderr);
    } finally {
      bank.cleanup();
    }
  });

  it('checks bank-wide: duplicate ids on every file, see-also that exists nowhere', () => {
    const bank = tempBank({
      'a.case': 'case: same-01\ntitle: A\nsee-also: missing-01\n',
      'b/b.case': 'case: same-01\ntitle: B\n',
    });
    try {
      const run = runCli(['check', '--format', 'json'], bank.dir);
      assert.equal(run.status, 1);
      const report = JSON.parse(run.stdout);
      const codes = report.map((f: { diagnostics: { code: string }[] }) => f.diagnostics.map((d) => d.code).sort());
      assert.deepEqual(codes, [['duplicate-case-id', 'unknown-see-also'], ['duplicate-case-id']]);
    } finally {
      bank.cleanup();
    }
  });

  it('expands quoted globs itself', () => {
    const bank = tempBank({ 'x/one.case': withHeader(''), 'y/two.case': BROKEN.replace('demo-01', 'demo-02') });
    try {
      const run = runCli(['check', '--format', 'json', 'x/*.case'], bank.dir);
      assert.equal(run.status, 0);
      assert.deepEqual(JSON.parse(run.stdout).map((f: { file: string }) => f.file), ['x/one.case']);
      assert.equal(runCli(['check', '**/*.case'], bank.dir).status, 1);
    } finally {
      bank.cleanup();
    }
  });

  describe('could not run: exit 2, one line on stderr, no stack trace', () => {
    const cases: [string, string[], RegExp][] = [
      ['a missing path', ['check', 'no/such/place'], /no\/such\/place: no such file or folder/],
      ['an unknown format', ['check', '--format', 'xml'], /unknown format 'xml'/],
      ['an unknown option', ['check', '--frobnicate'], /frobnicate/],
      ['an unknown command', ['lint'], /unknown command 'lint'/],
      ['a bad --max-warnings', ['check', '--max-warnings', 'many'], /whole number/],
      ['a glob that matches nothing', ['check', 'nothing/**/*.case'], /no \.case files match/],
    ];
    for (const [label, args, message] of cases) {
      it(label, () => {
        const run = runCli(args);
        assert.equal(run.status, 2, run.stdout + run.stderr);
        assert.match(run.stderr, message);
        assert.equal(run.stderr.trim().split('\n').length, 1);
        noStackTrace(run.stderr);
      });
    }

    it('a folder with no cases', () => {
      const bank = tempBank({ 'readme.txt': 'hi' });
      try {
        const run = runCli(['check'], bank.dir);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /no \.case files in this folder/);
      } finally {
        bank.cleanup();
      }
    });

    it('a FIFO named on the command line, a symlink loop and a folder named x.case', function () {
      const bank = tempBank({ 'real/a.case': withHeader('') });
      try {
        execFileSync('mkfifo', [path.join(bank.dir, 'pipe.case')]);
        const fifo = runCli(['check', 'pipe.case'], bank.dir);
        assert.equal(fifo.status, 2);
        assert.match(fifo.stderr, /pipe\.case: not a regular file or folder/);
        symlinkSync(bank.dir, path.join(bank.dir, 'real', 'loop'));
        mkdirSync(path.join(bank.dir, 'folder.case'));
        const walked = runCli(['check', '--format', 'json', '.'], bank.dir);
        assert.equal(walked.status, 0, walked.stderr);
        assert.deepEqual(JSON.parse(walked.stdout).map((f: { file: string }) => f.file), ['real/a.case']);
      } finally {
        bank.cleanup();
      }
    });

    it('a 100 MB file: a clear error on that file, no hang', () => {
      const bank = tempBank({ 'ok.case': withHeader('') });
      try {
        require('node:fs').truncateSync(path.join(bank.dir, 'huge.case'), 100 * 1024 * 1024);
      } catch {
        require('node:fs').writeFileSync(path.join(bank.dir, 'huge.case'), '');
        require('node:fs').truncateSync(path.join(bank.dir, 'huge.case'), 100 * 1024 * 1024);
      }
      try {
        const run = runCli(['check', '--format', 'json'], bank.dir);
        assert.equal(run.status, 1);
        const huge = JSON.parse(run.stdout).find((f: { file: string }) => f.file === 'huge.case');
        assert.equal(huge.diagnostics[0].code, 'file-too-large');
        assert.match(huge.diagnostics[0].message, /100 MB/);
      } finally {
        bank.cleanup();
      }
    });

    it('encodings: a BOM and a typed U+FFFD are fine; bytes that are not UTF-8 get a warning', () => {
      const bank = tempBank({});
      const fs = require('node:fs');
      fs.writeFileSync(path.join(bank.dir, 'bom.case'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withHeader('').replace('demo-01', 'bom-01'))]));
      fs.writeFileSync(path.join(bank.dir, 'typed.case'), withHeader('').replace('demo-01', 'typed-01').replace(/title: .*/, 'title: A \uFFFD sign'));
      fs.writeFileSync(path.join(bank.dir, 'latin1.case'), Buffer.concat([Buffer.from(withHeader('').replace('demo-01', 'latin-01').replace(/title: .*\n/, 'title: Caf')), Buffer.from([0xe9, 0x0a])]));
      try {
        const run = runCli(['check', '--format', 'json'], bank.dir);
        const codes = Object.fromEntries(JSON.parse(run.stdout).map((f: { file: string; diagnostics: { code: string; line: number; column: number }[] }) => [f.file, f.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)]));
        assert.deepEqual(codes, { 'bom.case': [], 'latin1.case': ['invalid-encoding@1:1'], 'typed.case': [] });
      } finally {
        bank.cleanup();
      }
    });

    it('a closed pipe (casewright check | head) ends quietly', () => {
      const bank = tempBank(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}.case`, BROKEN.replace('demo-01', `demo-${i}`)])));
      try {
        const run = spawnSync('bash', ['-c', `node ${JSON.stringify(CLI)} check . | head -c 10`], { cwd: bank.dir, encoding: 'utf8' });
        assert.equal(run.stdout.length, 10);
        noStackTrace(run.stderr);
        assert.doesNotMatch(run.stderr, /EPIPE/);
      } finally {
        bank.cleanup();
      }
    });

    it('permission denied', () => {
      const bank = tempBank({ 'locked/a.case': withHeader('') });
      try {
        chmodSync(bank.dir, 0o755);
        chmodSync(path.join(bank.dir, 'locked'), 0o000);
        // root reads everything, so as root the check runs as `nobody`, as a CI user would.
        const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];
        const run = spawnSync(asNobody[0] ?? process.execPath, [...asNobody.slice(1), ...(asNobody.length ? [process.execPath] : []), CLI, 'check'],
          { cwd: bank.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.equal(run.status, 2, run.stdout + run.stderr);
        assert.match(run.stderr, /locked: permission denied/);
        noStackTrace(run.stderr);
      } finally {
        chmodSync(path.join(bank.dir, 'locked'), 0o755);
        bank.cleanup();
      }
    });
  });
});

describe('casewright check on a large bank (worker threads)', function () {
  this.timeout(120_000);
  it('gives exactly the same report on several threads as on one', () => {
    const { generateBank } = require('../../scripts/bench/generateBank') as typeof import('../../scripts/bench/generateBank');
    const bank = tempBank({});
    try {
      const files = generateBank(path.join(bank.dir, 'bank'), 450, 3);
      // A duplicate id across threads, a broken file and a dangling see-also.
      require('node:fs').writeFileSync(files[1], 'case: gen-00000\ntitle: Twin\nsee-also: nowhere-01\n');
      require('node:fs').writeFileSync(files[2], BROKEN.replace('demo-01', 'broken-99'));
      const parallel = runCli(['check', '--format', 'json', 'bank'], bank.dir, { CASEWRIGHT_THREADS: '2' });
      const sequential = runCli(['check', '--format', 'json', 'bank'], bank.dir, { CASEWRIGHT_THREADS: '1' });
      assert.equal(parallel.status, 1);
      assert.equal(parallel.stdout, sequential.stdout);
      const report = JSON.parse(parallel.stdout) as { file: string; diagnostics: { code: string }[] }[];
      assert.equal(report.length, 450);
      const codes = report.flatMap((f) => f.diagnostics.map((d) => d.code));
      assert.equal(codes.filter((c) => c === 'duplicate-case-id').length, 2);
      assert.ok(codes.includes('unknown-see-also') && codes.includes('implausible-value'));
    } finally {
      bank.cleanup();
    }
  });
});

describe('casewright explain (the real process)', () => {
  it('--format json follows the contract: case, first-panel indices with line, ranked mechanisms', () => {
    const run = runCli(['explain', 'samples/b12-deficiency-01.case', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.case, 'b12-deficiency-01');
    assert.equal(report.indices.rpi.panel, 'initial');
    const reticulocytesLine = readFileSync(path.join(__dirname, '..', '..', 'samples', 'b12-deficiency-01.case'), 'utf8').split('\n').findIndex((l) => l.startsWith('reticulocytes:')) + 1;
    assert.equal(report.indices.rpi.line, reticulocytesLine, 'the reticulocytes line, counted from 1');
    assert.ok(Math.abs(report.indices.rpi.value - (1.0 * 22) / 45 / 2) < 1e-3);
    assert.equal(report.indices.rpi.band.days, 2);
    assert.deepEqual(report.panels.map((p: { panel: string }) => p.panel), ['initial', 'day 7', 'day 30']);
    assert.ok(report.panels[1].indices.rpi.value > 2);
    assert.equal(report.mechanisms[0].id, 'ineffective-hematopoiesis');
    assert.ok(report.mechanisms.every((m: { score: number }, i: number, all: { score: number }[]) => i === 0 || all[i - 1].score >= m.score), 'best first');
    assert.ok(report.mechanisms[0].evidence.some((e: { effect: string; observations: { line: number }[] }) => e.effect === 'supports' && e.observations[0].line > 0));
  });

  it('text reads like a short teaching note', () => {
    const run = runCli(['explain', 'samples/ttp-01.case']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /The evidence points to peripheral destruction \(score/);
    assert.match(run.stdout, /\+ Low haptoglobin/);
    assert.match(run.stdout, /The answer says peripheral destruction: the evidence agrees\./);
  });

  it('lists the questions with their keys, and what the check of each key against the case found', () => {
    const bank = tempBank({ 'quiz.case': `case: quiz-01
title: Quiz

[labs]
hemoglobin: 6.1 g/dL
hematocrit: 19 %
reticulocytes: 4.0 %

[answer]
mechanism: ineffective-hematopoiesis

[question: after labs]
id: rpi
type: numeric
stem: What is the RPI?
asks: rpi
answer: 2.0
tolerance: 0.1

[question]
type: ordering
stem: Order the steps.
option: Count
option: Correct
option: Divide
` });
    try {
      const text = runCli(['explain', 'quiz.case'], bank.dir);
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /\nQuestions \(2\):\n {2}1\. rpi \(numeric, after labs, 1 point\), line 12: key 2\.0 ± 0\.1\n {5}asks rpi: The key says 2\.0, but the case's labs give an RPI of 0\.84 \(tolerance 0\.1\)\.\n/);
      assert.match(text.stdout, /\n {2}2\. q2 \(ordering, at the end, 1 point\), line 20: key “Count” → “Correct” → “Divide”\n/);
      const json = runCli(['explain', 'quiz.case', '--format', 'json'], bank.dir);
      const report = JSON.parse(json.stdout);
      assert.deepEqual(report.questions[0], {
        id: 'rpi', line: 12, type: 'numeric', stage: 'after labs', points: 1, keys: ['2.0'], tolerance: 0.1, unit: null, asks: 'rpi',
        check: { agrees: false, code: 'question-key-disagrees', message: 'The key says 2.0, but the case\'s labs give an RPI of 0.84 (tolerance 0.1).' },
      });
      assert.equal(report.questions[1].check, null);
      // Every sample's keys agree with its labs and its mechanism.
      for (const sample of ['thal-major-01', 'warm-aiha-01']) {
        const questions = JSON.parse(runCli(['explain', `samples/${sample}.case`, '--format', 'json']).stdout).questions as { check: { agrees: boolean } | null }[];
        assert.ok(questions.length >= 3, sample);
        assert.ok(questions.every((q) => q.check === null || q.check.agrees), sample);
      }
    } finally {
      bank.cleanup();
    }
  });

  it('a missing file: exit 2 with a message', () => {
    const run = runCli(['explain', 'nope.case']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /nope\.case: no such file or folder/);
  });
});
