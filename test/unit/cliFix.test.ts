// `casewright check --fix` and `--fix-dry-run`, run as a user runs them.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeIfUnchanged } from '../../server/src/cli/fixFiles';
import { unifiedDiff } from '../../server/src/cli/unifiedDiff';
import { runCli, tempBank } from '../support/runCli';

const FIXABLE = 'case: fix-01\ntitle: F\n\n[labs]\nhemoglobin: 7.1\ndat: neg\nhemoglobine: 7 g/dL\n\n[smear]\nfindings: target-cells\n\ncellularity: 90 %\n';
const FIXED = 'case: fix-01\ntitle: F\n\n[labs]\nhemoglobin: 7.1 g/dL\ndat: negative\nhemoglobine: 7 g/dL\n\n[smear]\nfindings: target-cells\n\n[marrow]\ncellularity: 90 %\n';

describe('casewright check --fix (the real process)', () => {
  it('--fix-dry-run prints a unified diff, writes nothing, and exits 1 when there is something to fix', () => {
    const bank = tempBank({ 'a.case': FIXABLE, 'clean.case': 'case: clean-01\ntitle: C\n' });
    try {
      const run = runCli(['check', '--fix-dry-run', '.'], bank.dir);
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stdout, [
        '--- a/a.case', '+++ b/a.case',
        '@@ -2,11 +2,12 @@', ' title: F', ' ', ' [labs]', '-hemoglobin: 7.1', '-dat: neg', '+hemoglobin: 7.1 g/dL', '+dat: negative', ' hemoglobine: 7 g/dL', ' ', ' [smear]', ' findings: target-cells', ' ', '+[marrow]', ' cellularity: 90 %', '',
      ].join('\n'));
      assert.equal(run.stderr, 'casewright: --fix would make 3 fixes in 1 file; nothing was written.\n');
      assert.equal(readFileSync(path.join(bank.dir, 'a.case'), 'utf8'), FIXABLE);
      const clean = runCli(['check', '--fix-dry-run', 'clean.case'], bank.dir);
      assert.deepEqual([clean.status, clean.stdout, clean.stderr], [0, '', 'casewright: no safe fixes to make.\n']);
    } finally {
      bank.cleanup();
    }
  });

  it('--fix-dry-run\'s diff applies with `git apply` and `patch`: LF, CRLF, no final line end', function () {
    this.timeout(30_000);
    const files = { 'lf.case': FIXABLE, 'crlf.case': FIXABLE.replace('fix-01', 'fix-02').replace(/\n/g, '\r\n'), 'open.case': FIXABLE.replace('fix-01', 'fix-03').trimEnd() };
    const bank = tempBank(files);
    try {
      const run = runCli(['check', '--fix-dry-run', '.'], bank.dir);
      writeFileSync(path.join(bank.dir, 'fixes.diff'), run.stdout);
      for (const tool of [['git', 'apply', '--check', 'fixes.diff'], ['patch', '-p1', '--dry-run', '-F0', '-i', 'fixes.diff']]) {
        const applied = spawnSync(tool[0], tool.slice(1), { cwd: bank.dir, encoding: 'utf8' });
        if (applied.error) continue; // the tool is not installed here
        assert.equal(applied.status, 0, `${tool.join(' ')}: ${applied.stdout}${applied.stderr}`);
      }
      const applied = spawnSync('git', ['apply', 'fixes.diff'], { cwd: bank.dir, encoding: 'utf8' });
      if (!applied.error) {
        assert.equal(applied.status, 0, applied.stderr);
        assert.equal(readFileSync(path.join(bank.dir, 'lf.case'), 'utf8'), FIXED);
        assert.equal(readFileSync(path.join(bank.dir, 'crlf.case'), 'utf8'), FIXED.replace('fix-01', 'fix-02').replace(/\n/g, '\r\n'));
        assert.equal(readFileSync(path.join(bank.dir, 'open.case'), 'utf8'), FIXED.replace('fix-01', 'fix-03').trimEnd());
      }
    } finally {
      bank.cleanup();
    }
  });

  it('--fix writes the safe fixes, says how many, and reports what is left', () => {
    const bank = tempBank({ 'a.case': FIXABLE });
    try {
      writeFileSync(path.join(bank.dir, 'b.case'), `\uFEFF${FIXABLE.replace('fix-01', 'fix-02').replace(/\n/g, '\r\n')}`);
      const run = runCli(['check', '--fix', '--format', 'json', '.'], bank.dir);
      // What is left is a warning: exit 0.
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /^casewright: made 6 fixes in 2 files\.$/m);
      assert.equal(readFileSync(path.join(bank.dir, 'a.case'), 'utf8'), FIXED);
      // The byte-order mark and CRLF line ends stay as they were.
      assert.equal(readFileSync(path.join(bank.dir, 'b.case'), 'utf8'), `\uFEFF${FIXED.replace('fix-01', 'fix-02').replace(/\n/g, '\r\n')}`);
      const left = (JSON.parse(run.stdout) as { diagnostics: { code: string }[] }[]).flatMap((r) => r.diagnostics.map((d) => d.code));
      assert.deepEqual(left.filter((c) => c !== 'missing-mechanism'), ['unknown-lab', 'unknown-lab']);
      // A second run has nothing more to do.
      assert.doesNotMatch(runCli(['check', '--fix', '.'], bank.dir).stderr, /made/);
    } finally {
      bank.cleanup();
    }
  });

  it('--fix removes a suppression that silences nothing, and keeps one for a bank-wide code it cannot judge from one file', () => {
    const stale = 'case: stale-01\ntitle: S\nsee-also: other-01\n\n[labs]\n# casewright-disable-next-line missing-unit\nhemoglobin: 7.1 g/dL\n';
    const bankWide = 'case: other-01\ntitle: O\n# casewright-disable-next-line unknown-see-also\nsee-also: nowhere-01\n';
    const bank = tempBank({ 'stale.case': stale, 'other.case': bankWide });
    try {
      const run = runCli(['check', '--fix', '.'], bank.dir);
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.match(run.stderr, /^casewright: made 1 fix in 1 file\.$/m);
      assert.equal(readFileSync(path.join(bank.dir, 'stale.case'), 'utf8'), stale.replace('# casewright-disable-next-line missing-unit\n', ''));
      assert.equal(readFileSync(path.join(bank.dir, 'other.case'), 'utf8'), bankWide);
    } finally {
      bank.cleanup();
    }
  });

  describe('nothing the author typed is lost', () => {
    it('tabs, trailing spaces and a file without a final line end stay as typed around the fixes', () => {
      const typed = 'case: tabs-01\ntitle: T\n\n[history]\n\tIndented line.  \n\n[labs]\nhemoglobin:\t7.1\ndat:\tneg';
      const bank = tempBank({ 'tabs.case': typed });
      try {
        runCli(['check', '--fix', '.'], bank.dir);
        assert.equal(readFileSync(path.join(bank.dir, 'tabs.case'), 'utf8'), typed.replace('7.1', '7.1 g/dL').replace('neg', 'negative'));
      } finally {
        bank.cleanup();
      }
    });

    it('a read-only file is not written (even by root): exit 2, one line saying so; the others are fixed', () => {
      const bank = tempBank({ 'locked.case': FIXABLE, 'open.case': FIXABLE.replace('fix-01', 'fix-02') });
      try {
        chmodSync(path.join(bank.dir, 'locked.case'), 0o444);
        const run = runCli(['check', '--fix', '.'], bank.dir);
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, /^casewright: locked\.case: the file is read-only; not fixed$/m);
        assert.match(run.stderr, /^casewright: made 3 fixes in 1 file\.$/m);
        assert.equal(readFileSync(path.join(bank.dir, 'locked.case'), 'utf8'), FIXABLE);
        assert.equal(readFileSync(path.join(bank.dir, 'open.case'), 'utf8'), FIXED.replace('fix-01', 'fix-02'));
      } finally {
        chmodSync(path.join(bank.dir, 'locked.case'), 0o644);
        bank.cleanup();
      }
    });

    it('a symbolic link is fixed through: the target gets the fixes, the link stays a link', () => {
      const bank = tempBank({ 'cases/real.case': FIXABLE });
      try {
        symlinkSync('cases/real.case', path.join(bank.dir, 'link.case'));
        const run = runCli(['check', '--fix', 'link.case'], bank.dir);
        assert.match(run.stderr, /made 3 fixes in 1 file/);
        assert.ok(lstatSync(path.join(bank.dir, 'link.case')).isSymbolicLink());
        assert.equal(readFileSync(path.join(bank.dir, 'cases/real.case'), 'utf8'), FIXED);
      } finally {
        bank.cleanup();
      }
    });

    it('a file changed between the read and the write is left as it now is', () => {
      const bank = tempBank({ 'a.case': FIXABLE });
      try {
        const file = path.join(bank.dir, 'a.case');
        // The editor saved a new line after --fix had read the file.
        writeFileSync(file, `${FIXABLE}# typed meanwhile\n`);
        assert.equal(writeIfUnchanged(file, FIXABLE, FIXED), 'the file changed while it was being fixed; not fixed (run --fix again)');
        assert.equal(readFileSync(file, 'utf8'), `${FIXABLE}# typed meanwhile\n`);
        assert.equal(writeIfUnchanged(file, `${FIXABLE}# typed meanwhile\n`, FIXED), undefined);
        assert.equal(readFileSync(file, 'utf8'), FIXED);
      } finally {
        bank.cleanup();
      }
    });
  });

  it('refuses --fix with --fix-dry-run: exit 2, one line', () => {
    const run = runCli(['check', '--fix', '--fix-dry-run', 'samples']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'casewright: use --fix or --fix-dry-run, not both.\n');
  });
});

describe('the dry run\'s unified diff', () => {
  it('prints hunks with three lines of context, as diff -u does', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].join('\n');
    const after = ['a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'].join('\n');
    // As `diff -u` prints it (checked against GNU diff): the last lines have no line end.
    assert.equal(unifiedDiff(before, after, 'a/x', 'b/x'), [
      '--- a/x', '+++ b/x',
      '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e',
      '@@ -9,4 +9,5 @@', ' i', ' j', ' k', '-l', '\\ No newline at end of file', '+l', '+m', '\\ No newline at end of file', '',
    ].join('\n'));
    assert.equal(unifiedDiff('same', 'same', 'a', 'b'), '');
    // Each line keeps its own line end: no phantom empty line after the last, CRLF kept.
    assert.equal(unifiedDiff('a\r\nb\r\n', 'a\r\nB\r\n', 'a/x', 'b/x'), '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n');
  });
});
