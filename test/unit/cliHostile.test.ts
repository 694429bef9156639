// The real `casewright` process against hostile banks and hostile repositories (issue 15):
// no quadratic work, no hang, no escape to the terminal or out of the bank, an export that
// holds exactly itself, and output errors that are one line with exit 2.
import { strict as assert } from 'node:assert';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, runCli, tempBank } from '../support/runCli';

const ESCAPES = '\x1b]0;PWNED\x07\x1b[2J';

function noStackTrace(stderr: string) {
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
}

/** Exit 2, one line on stderr matching `message`, no stack trace. */
function couldNotRun(run: { status: number | null; stderr: string; stdout: string }, message: RegExp) {
  assert.equal(run.status, 2, run.stdout + run.stderr);
  assert.match(run.stderr, message);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  noStackTrace(run.stderr);
}

function writeCases(dir: string, count: number, text: (i: number, id: string) => string) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const id = String(i).padStart(5, '0');
    writeFileSync(path.join(dir, `c${id}.case`), text(i, id));
  }
}

describe('casewright on hostile banks (the real process)', function () {
  this.timeout(180_000);

  describe('bank-wide checks stay linear', () => {
    it('4,000 cases with two broken see-also links each: every link reported, output bounded', () => {
      const bank = tempBank({});
      try {
        writeCases(bank.dir, 4000, (i, id) => `case: case-${id}\ntitle: T\nsee-also: missing-${id}, cse-${String((i * 7) % 4000).padStart(5, '0')}x\n`);
        // Before: 160 s (every link compared with every id); runCli gives up after 60 s.
        const run = runCli(['check', '--format', 'json'], bank.dir);
        assert.equal(run.status, 1, run.stderr);
        const report = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string }[] }[];
        const links = report.flatMap((f) => f.diagnostics).filter((d) => d.code === 'unknown-see-also');
        assert.equal(links.length, 8000);
        assert.equal(links[1].message, 'No case in the bank has the id `cse-00000x`. Did you mean `case-00000`, `case-00001` or `case-00002`?');
        assert.ok(run.stdout.length < 4000 * 1000, `${run.stdout.length} bytes`);
      } finally {
        bank.cleanup();
      }
    });

    it('4,000 files sharing one id: each names three others and counts the rest', () => {
      const bank = tempBank({});
      try {
        writeCases(bank.dir, 4000, () => 'case: same-01\ntitle: T\n');
        const run = runCli(['check', '--format', 'json'], bank.dir);
        assert.equal(run.status, 1, run.stderr);
        // Before: every diagnostic listed every other file (225 MB of JSON, 3 GB of memory).
        assert.ok(run.stdout.length < 4000 * 600, `${run.stdout.length} bytes`);
        const report = JSON.parse(run.stdout) as { file: string; diagnostics: { message: string }[] }[];
        assert.equal(report[5].diagnostics[0].message, 'The case id `same-01` is also used by c00000.case, c00001.case, c00002.case and 3,996 more files; ids must be unique in the bank.');
      } finally {
        bank.cleanup();
      }
    });
  });

  describe('the stylish output on huge files', () => {
    it('130,000 bad lines: every row printed (Math.max over the rows overflowed the stack)', () => {
      // In the header: after a section, lines of prose that end it would read as a missing prose header.
      const bank = tempBank({ 'many.case': `case: many-01\ntitle: M\n${'x\n'.repeat(130_000)}` });
      try {
        const run = runCli(['check'], bank.dir);
        assert.equal(run.status, 1, run.stderr);
        assert.equal(run.stdout.split('\n').filter((l) => l.endsWith('not-a-field')).length, 130_000);
        const summary = run.stdout.trimEnd().split('\n').pop();
        assert.equal(summary, '✖ 130000 problems (130000 errors, 0 warnings)');
      } finally {
        bank.cleanup();
      }
    });

    it('a 1 MB value among other problems: rows are not padded to its length', () => {
      const bank = tempBank({ 'big.case': `case: big-01\ntitle: B\nlevel: ${'x'.repeat(1024 * 1024)}\n[labs]\n${'mcv: 58\n'.repeat(2000)}` });
      try {
        const run = runCli(['check'], bank.dir);
        assert.equal(run.status, 1, run.stderr);
        const rows = run.stdout.split('\n').filter((l) => l.endsWith('duplicate-field'));
        assert.equal(rows.length, 1999);
        assert.ok(rows.every((r) => r.length < 300), `a row of ${rows[0].length} characters`);
        assert.ok(run.stdout.length < 3 * 1024 * 1024, `${run.stdout.length} characters`);
      } finally {
        bank.cleanup();
      }
    });

    it('a value with 50,000 blanks: printed at once (the line-joining regex backtracked)', () => {
      const bank = tempBank({ 'blank.case': `case: blank-01\ntitle: B\nlevel: a${' '.repeat(50_000)}b\n` });
      try {
        const started = Date.now();
        const run = runCli(['check'], bank.dir);
        assert.equal(run.status, 1, run.stderr);
        assert.match(run.stdout, /unknown-value$/m);
        // Before: 5.7 s in one regex; linear work is milliseconds. A generous bound.
        assert.ok(Date.now() - started < 5_000);
      } finally {
        bank.cleanup();
      }
    });
  });

  describe('casewright.json is read like a case file', () => {
    const commands = (dir: string): [string, string[]][] => [
      ['check', ['check', '.']],
      ['explain', ['explain', 'a.case']],
      ['render', ['render', 'a.case']],
      ['export', ['export', '.', '-o', path.join(dir, '..', `${path.basename(dir)}-site`)]],
    ];

    it('a FIFO in its place: every command stops with one line, no hang', () => {
      const bank = tempBank({ 'a.case': 'case: a-01\ntitle: A\n' });
      try {
        execFileSync('mkfifo', [path.join(bank.dir, 'casewright.json')]);
        for (const [name, args] of commands(bank.dir)) {
          const run = spawnSync(process.execPath, [CLI, ...args], { cwd: bank.dir, encoding: 'utf8', timeout: 20_000 });
          assert.equal(run.error, undefined, `${name} hung`);
          couldNotRun(run, /casewright\.json: not a regular file/);
        }
      } finally {
        bank.cleanup();
      }
    });

    it('--config /dev/zero, a folder, 2 MB, 1,001 globs: one clear line each, for every command', () => {
      const bank = tempBank({
        'a.case': 'case: a-01\ntitle: A\n',
        'big.json': `{"ignore": ["${'x'.repeat(2 * 1024 * 1024)}"]}`,
        'globs.json': JSON.stringify({ ignore: Array.from({ length: 1001 }, (_, i) => `drafts/${i}/**`) }),
      });
      try {
        mkdirSync(path.join(bank.dir, 'folder.json'));
        const configs: [string, RegExp][] = [
          ['/dev/zero', /\/dev\/zero: not a regular file/],
          ['folder.json', /folder\.json: is a folder, not a file/],
          ['big.json', /big\.json: the file is 2,097,16\d bytes; casewright\.json may be at most 1,048,576/],
          ['globs.json', /`ignore` must NOT have more than 1000 items/],
        ];
        for (const [config, message] of configs) {
          for (const [name, args] of commands(bank.dir)) {
            const run = spawnSync(process.execPath, [CLI, ...args, '--config', config], { cwd: bank.dir, encoding: 'utf8', timeout: 20_000 });
            assert.equal(run.error, undefined, `${name} --config ${config} hung`);
            couldNotRun(run, message);
          }
        }
      } finally {
        bank.cleanup();
      }
    });

    it('ignore globs that backtrack as regexes: the walk still takes no time', () => {
      const name = `${'a'.repeat(200)}.case`;
      const bank = tempBank({ [name]: 'case: a-01\ntitle: A\n', 'casewright.json': JSON.stringify({ ignore: ['*a*a*a*a*a*a*a*a*b', 'x/**'] }) });
      try {
        // picomatch's regex for the first glob took 45 s on this one file name.
        const run = runCli(['check', '--format', 'json'], bank.dir);
        assert.equal(run.status, 0, run.stderr);
        assert.equal(JSON.parse(run.stdout)[0].file, name);
      } finally {
        bank.cleanup();
      }
    });

    it('--config is honoured by every command (export ignored it)', () => {
      const bank = tempBank({
        'a.case': 'case: a-01\ntitle: A\n[labs]\nfoo: 1\n',
        'drafts/d.case': 'case: d-01\ntitle: D\n',
        'other.json': JSON.stringify({ ignore: ['drafts/**'], rules: { 'unknown-lab': 'off', 'missing-mechanism': 'off' } }),
      });
      const site = `${bank.dir}-site`;
      try {
        const check = runCli(['check', '--format', 'json', '--config', 'other.json'], bank.dir);
        assert.deepEqual(JSON.parse(check.stdout), [{ file: 'a.case', diagnostics: [] }]);
        const exported = runCli(['export', '-o', site, '--config', 'other.json'], bank.dir);
        assert.equal(exported.status, 0, exported.stderr);
        assert.deepEqual(readdirSync(path.join(site, 'cases')), ['a-01.html'], 'the ignored draft is not exported');
      } finally {
        bank.cleanup();
        execFileSync('rm', ['-rf', site]);
      }
    });
  });

  describe('terminal escapes in cases and settings are shown, not obeyed', () => {
    it('stylish, github, explain text and stderr carry no raw control characters', () => {
      const bank = tempBank({
        'evil.case': `case: evil-01\ntitle: T${ESCAPES}\nlevel: ${ESCAPES}\u202e\n[labs]\nhemoglobin: 7 ${ESCAPES}\n`,
      });
      try {
        for (const format of ['stylish', 'github']) {
          const run = runCli(['check', '--format', format], bank.dir);
          assert.equal(run.status, 1, run.stderr);
          assert.doesNotMatch(run.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/, `${format} printed a control character`);
          assert.match(run.stdout, /\\x1b\]0;PWNED\\x07\\x1b\[2J/, `${format} shows the escape as text`);
        }
        const json = runCli(['check', '--format', 'json'], bank.dir);
        assert.match(JSON.parse(json.stdout)[0].diagnostics.map((d: { message: string }) => d.message).join(), /\x1b\]0;PWNED\x07/, 'JSON keeps the exact text');
        const explain = runCli(['explain', 'evil.case'], bank.dir);
        assert.equal(explain.status, 0, explain.stderr);
        assert.doesNotMatch(explain.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
        writeFileSync(path.join(bank.dir, 'casewright.json'), JSON.stringify({ [`x${ESCAPES}`]: 1 }));
        const config = runCli(['check'], bank.dir);
        couldNotRun(config, /unknown setting `x\\x1b\]0;PWNED\\x07/);
        assert.doesNotMatch(config.stderr, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      } finally {
        bank.cleanup();
      }
    });
  });

  describe('symbolic links that leave the bank', () => {
    it('are not followed by default; --follow-symlinks and followSymlinks follow them', () => {
      const outside = tempBank({ 'secret.case': 'case: secret-01\ntitle: S\n' });
      const bank = tempBank({ 'bank/a.case': 'case: a-01\ntitle: A\n' });
      try {
        symlinkSync('/etc/passwd', path.join(bank.dir, 'bank', 'passwd.case'));
        symlinkSync(outside.dir, path.join(bank.dir, 'bank', 'elsewhere'));
        symlinkSync('/', path.join(bank.dir, 'bank', 'root'));
        symlinkSync(path.join(bank.dir, 'bank', 'a.case'), path.join(bank.dir, 'bank', 'inside.case'));
        const files = (run: { stdout: string }) => (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file);
        const run = runCli(['check', '--format', 'json', 'bank'], bank.dir);
        assert.deepEqual(files(run), ['bank/a.case', 'bank/inside.case'], 'a link inside the bank is followed; the others are not');
        assert.doesNotMatch(run.stdout, /root:/, 'no system file in the diagnostics');
        const followed = runCli(['check', '--format', 'json', '--follow-symlinks', 'bank/elsewhere', 'bank/a.case'], bank.dir);
        assert.deepEqual(files(followed), ['bank/a.case', 'bank/elsewhere/secret.case']);
        writeFileSync(path.join(bank.dir, 'bank', 'casewright.json'), JSON.stringify({ followSymlinks: true, ignore: ['root/**', 'passwd.case'] }));
        const configured = runCli(['check', '--format', 'json', 'bank'], bank.dir);
        assert.ok(files(configured).includes('bank/elsewhere/secret.case'), configured.stdout + configured.stderr);
      } finally {
        bank.cleanup();
        outside.cleanup();
      }
    });
  });

  describe('export writes exactly itself', () => {
    const CASES = {
      'bank/index.case': 'case: index\ntitle: Named index\n',
      'bank/answers.case': 'case: answers\ntitle: Named answers\n',
      'bank/long.case': `case: ${'a'.repeat(300)}\ntitle: Long id\n`,
      'bank/b.case': 'case: b-01\ntitle: B\n[answer]\nmechanism: aplasia\n',
    };

    it('ids named index or answers, or 300 characters long, get their own pages', () => {
      const bank = tempBank(CASES);
      try {
        const run = runCli(['export', 'bank', '-o', 'site'], bank.dir);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stderr, /wrote 4 case pages and index\.html to site/);
        const index = readFileSync(path.join(bank.dir, 'site', 'index.html'), 'utf8');
        assert.match(index, /<h1>Case bank<\/h1>/, 'the index page is the index');
        const pages = readdirSync(path.join(bank.dir, 'site', 'cases')).sort();
        assert.equal(pages.length, 4);
        assert.ok(pages.every((p) => p.length <= 85), pages.join());
        assert.ok(pages.includes('index.html') && pages.includes('answers.html'));
        assert.ok(existsSync(path.join(bank.dir, 'site', '.casewright-output')));
      } finally {
        bank.cleanup();
      }
    });

    it('a student export after an --answers export leaves no answer pages', () => {
      const bank = tempBank(CASES);
      try {
        assert.equal(runCli(['export', 'bank', '-o', 'site', '--answers'], bank.dir).status, 0);
        assert.equal(readdirSync(path.join(bank.dir, 'site', 'answers')).length, 4);
        const student = runCli(['export', 'bank', '-o', 'site'], bank.dir);
        assert.equal(student.status, 0, student.stderr);
        assert.ok(!existsSync(path.join(bank.dir, 'site', 'answers')), 'the answers are gone');
        assert.deepEqual(readdirSync(bank.dir).filter((n) => n.startsWith('.')), [], 'no temporary folder left behind');
      } finally {
        bank.cleanup();
      }
    });

    it('never writes through a symlink, and refuses a folder it did not write', () => {
      const bank = tempBank({ ...CASES, 'outside/keep.html': 'precious', 'mine/notes.txt': 'my notes' });
      try {
        // A previous export whose folder now holds links to elsewhere.
        assert.equal(runCli(['export', 'bank', '-o', 'site'], bank.dir).status, 0);
        symlinkSync(path.join(bank.dir, 'outside', 'keep.html'), path.join(bank.dir, 'site', 'cases', 'linked.html'));
        execFileSync('rm', ['-rf', path.join(bank.dir, 'site', 'answers')]);
        symlinkSync(path.join(bank.dir, 'outside'), path.join(bank.dir, 'site', 'answers'));
        const again = runCli(['export', 'bank', '-o', 'site', '--answers'], bank.dir);
        assert.equal(again.status, 0, again.stderr);
        assert.equal(readFileSync(path.join(bank.dir, 'outside', 'keep.html'), 'utf8'), 'precious');
        assert.deepEqual(readdirSync(path.join(bank.dir, 'outside')), ['keep.html'], 'no answer page sent elsewhere');
        assert.ok(!lstatSync(path.join(bank.dir, 'site', 'answers')).isSymbolicLink());
        // A folder of someone else's files, and a link as the output folder.
        couldNotRun(runCli(['export', 'bank', '-o', 'mine'], bank.dir), /mine is not empty and was not written by Casewright/);
        assert.equal(readFileSync(path.join(bank.dir, 'mine', 'notes.txt'), 'utf8'), 'my notes');
        symlinkSync(path.join(bank.dir, 'outside'), path.join(bank.dir, 'link'));
        couldNotRun(runCli(['export', 'bank', '-o', 'link'], bank.dir), /link is a symbolic link/);
      } finally {
        bank.cleanup();
      }
    });

    it('an unreadable case is reported as check reports it, and the others are exported', () => {
      const bank = tempBank({ 'bank/a.case': 'case: a-01\ntitle: A\n' });
      try {
        writeFileSync(path.join(bank.dir, 'bank', 'huge.case'), '');
        truncateSync(path.join(bank.dir, 'bank', 'huge.case'), 65 * 1024 * 1024);
        const run = runCli(['export', 'bank', '-o', 'site'], bank.dir);
        assert.equal(run.status, 1, run.stderr);
        assert.match(run.stderr, /bank\/huge\.case: This file could not be checked: the file is 65 MB.*\(not exported\)/);
        assert.match(run.stderr, /wrote 1 case page and index\.html to site/);
        assert.deepEqual(readdirSync(path.join(bank.dir, 'site', 'cases')), ['a-01.html']);
      } finally {
        bank.cleanup();
      }
    });
  });

  describe('output errors: one line, exit 2', () => {
    it('check > /dev/full, render -o /dev/full, export -o below a file', () => {
      const bank = tempBank({ 'a.case': 'case: a-01\ntitle: A\n[labs]\nfoo: 1\n', 'file.txt': 'x' });
      try {
        const full = spawnSync('bash', ['-c', `node ${JSON.stringify(CLI)} check . > /dev/full`], { cwd: bank.dir, encoding: 'utf8' });
        couldNotRun(full, /could not write the output: no space left on the device/);
        couldNotRun(runCli(['render', 'a.case', '-o', '/dev/full'], bank.dir), /\/dev\/full: no space left on the device/);
        couldNotRun(runCli(['export', '.', '-o', 'file.txt/site'], bank.dir), /a part of the path is not a folder/);
      } finally {
        bank.cleanup();
      }
    });
  });
});
