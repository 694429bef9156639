// `casewright export --format …` as a teacher runs it on a bank: samples/ in every format says
// exactly what each format left out; a case with errors (as `check` reports them, bank-wide ones
// included) is exported in no format and nothing is written; the filters, --answers and hostile
// output paths get a clear line and the right exit code.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempBank, REPO } from '../support/runCli';

const FORMATS = ['html', 'moodle', 'qti', 'gift', 'anki'] as const;

/** What each format writes (besides the output marker). */
const WRITTEN: Record<(typeof FORMATS)[number], string> = {
  html: 'index.html', moodle: 'questions.moodle.xml', qti: 'questions.qti.zip', gift: 'questions.gift.txt', anki: 'questions.anki.txt',
};

const CASE = (id: string, extra = '') => `case: ${id}
title: Case ${id}
status: ready
reviewed-by: A. Rivera
${extra}
[history]
Pale for a month.

[labs]
hemoglobin: 8.2 g/dL
hematocrit: 27 %
reticulocytes: 1.1 %

[question: after labs]
id: rpi
type: numeric
stem: What is the reticulocyte production index?
asks: rpi
answer: 0.44
tolerance: 0.1

[question: after labs]
id: response
type: single
stem: Is the marrow's response adequate?
option: * No, the production index is below 2
option: Yes, the production index is 2 or more
`;

/** Exit 2, one line on stderr matching `message`, no stack trace. */
function couldNotRun(run: { status: number | null; stderr: string }, message: RegExp): void {
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, message);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
}

describe('casewright export --format (the real process)', function () {
  this.timeout(120_000);

  it('samples/ in every format: exit 0, and stderr says exactly what each format left out', () => {
    const bank = tempBank({});
    try {
      const said: Record<string, string[]> = {};
      for (const format of FORMATS) {
        const run = runCli(['export', path.join(REPO, 'samples'), '--format', format, '-o', path.join(bank.dir, format)]);
        assert.equal(run.status, 0, run.stderr);
        assert.ok(existsSync(path.join(bank.dir, format, WRITTEN[format])), format);
        said[format] = run.stderr.trimEnd().split('\n').slice(0, -1);
        assert.match(run.stderr.trimEnd().split('\n').at(-1)!, /^casewright: wrote .*13 case/);
      }
      assert.deepEqual(said.html, []);
      assert.deepEqual(said.moodle, []);
      assert.deepEqual(said.qti, []);
      // GIFT has no points and no images: the 2-point questions and the thalassemia smear drawing.
      assert.deepEqual(said.gift, [
        'casewright: GIFT is text only; thal-major-01: the image of [smear] left out.',
        "casewright: GIFT has no points; these 13 questions import worth Moodle's default mark (1): acute-blood-loss-01-mechanism, aplastic-anemia-01-mechanism, b12-deficiency-01-mechanism, ckd-anemia-01-mechanism, folate-deficiency-01-mechanism, iron-deficiency-01-mechanism, itp-01-mechanism, mds-01-mechanism, myelofibrosis-01-mechanism, parvo-sickle-01-mechanism and 3 more.",
      ]);
      assert.deepEqual(said.anki, ["casewright: Anki: a card carries a question, not the case; thal-major-01's 1 section image is not on cards."]);
    } finally {
      bank.cleanup();
    }
  });

  it('two cases with one id: no format writes anything, and the message names both (the QTI zip had lost one item)', () => {
    const bank = tempBank({ 'cases/a.case': CASE('dup-01'), 'cases/b.case': CASE('dup-01') });
    try {
      for (const format of FORMATS) {
        const run = runCli(['export', 'cases', '--format', format, '-o', format], bank.dir);
        assert.equal(run.status, 1, `${format}: ${run.stderr}`);
        assert.equal(run.stderr, 'casewright: not exported: these 2 cases have errors (run casewright check); nothing was written: cases/a.case (duplicate-case-id), cases/b.case (duplicate-case-id)\n');
        assert.ok(!existsSync(path.join(bank.dir, format)), `${format}: nothing written`);
      }
    } finally {
      bank.cleanup();
    }
  });

  it('judges errors as check does: a suppressed error does not stop the export, a warning made an error does', () => {
    const wrongKey = CASE('key-01', '# casewright-disable question-key-disagrees\n').replace('answer: 0.44', 'answer: 2.0');
    const bank = tempBank({ 'cases/a.case': wrongKey });
    try {
      assert.equal(runCli(['check', 'cases'], bank.dir).status, 0);
      const run = runCli(['export', 'cases', '--format', 'moodle', '-o', 'out'], bank.dir);
      assert.equal(run.status, 0, run.stderr);
      assert.match(readFileSync(path.join(bank.dir, 'out', 'questions.moodle.xml'), 'utf8'), /<text>2\.0<\/text>/);
      // Without the comment, the case's own error stops it.
      writeFileSync(path.join(bank.dir, 'cases', 'a.case'), wrongKey.replace('# casewright-disable question-key-disagrees\n', ''));
      const refused = runCli(['export', 'cases', '--format', 'moodle', '-o', 'out'], bank.dir);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /cases\/a\.case \(question-key-disagrees\)/);
      assert.match(readFileSync(path.join(bank.dir, 'out', 'questions.moodle.xml'), 'utf8'), /<text>2\.0<\/text>/, 'the previous export is left as it was');
      // A rule the bank makes an error.
      writeFileSync(path.join(bank.dir, 'cases', 'a.case'), CASE('key-01').replace('option: * No, the production index is below 2', 'option: * No, the production index is below 2, never 2 or more, as always happens'));
      assert.equal(runCli(['export', 'cases', '--format', 'gift', '-o', 'gift'], bank.dir).status, 0);
      writeFileSync(path.join(bank.dir, 'casewright.json'), '{ "rules": { "item-absolute-words": "error" } }');
      const strict = runCli(['export', 'cases', '--format', 'gift', '-o', 'gift'], bank.dir);
      assert.equal(strict.status, 1, strict.stderr);
      assert.match(strict.stderr, /cases\/a\.case \(item-absolute-words\)/);
    } finally {
      bank.cleanup();
    }
  });

  it('--status and --tag keep drafts and other tags out of a question export, and say when nothing matched', () => {
    const bank = tempBank({
      'ready.case': CASE('ready-01', 'tags: anemia\n'),
      'draft.case': CASE('draft-01', 'tags: anemia\n').replace('status: ready', 'status: draft'),
      'other.case': CASE('other-01', 'tags: bleeding\n'),
    });
    try {
      const run = runCli(['export', '.', '--format', 'anki', '--status', 'ready', '--tag', 'anemia', '-o', 'anki'], bank.dir);
      assert.equal(run.status, 0, run.stderr);
      const guids = readFileSync(path.join(bank.dir, 'anki', 'questions.anki.txt'), 'utf8').split('\n').filter((l) => l.startsWith('"')).map((l) => l.split('\t')[0]);
      assert.deepEqual(guids, ['"ready-01-rpi"', '"ready-01-response"']);
      const none = runCli(['export', '.', '--format', 'moodle', '--status', 'review', '-o', 'moodle'], bank.dir);
      assert.equal(none.status, 0, none.stderr);
      assert.match(none.stderr, /no case matches \(--status review; 3 cases read\); the export is empty\./);
    } finally {
      bank.cleanup();
    }
  });

  it('names a case with no questions, and the option feedback an ordering question cannot carry', () => {
    const ordering = '\n[question]\nid: steps\ntype: ordering\nstem: Put the steps in order.\noption: Blood count\nfeedback: First, always.\noption: Reticulocytes\noption: Marrow\n';
    const bank = tempBank({ 'a.case': CASE('a-01') + ordering, 'b.case': 'case: b-01\ntitle: No questions\n\n[history]\nPale.\n' });
    try {
      const moodle = runCli(['export', '.', '--format', 'moodle', '-o', 'moodle'], bank.dir);
      assert.equal(moodle.status, 0, moodle.stderr);
      assert.match(moodle.stderr, /this case has no questions, so nothing of it is in the export: b-01\./);
      assert.match(moodle.stderr, /the option feedback of a-01-steps is left out/);
      const qti = runCli(['export', '.', '--format', 'qti', '-o', 'qti'], bank.dir);
      assert.match(qti.stderr, /QTI's order interaction has no feedback per item; the option feedback of a-01-steps is left out/);
      const anki = runCli(['export', '.', '--format', 'anki', '-o', 'anki'], bank.dir);
      assert.doesNotMatch(anki.stderr, /feedback/);
      assert.match(readFileSync(path.join(bank.dir, 'anki', 'questions.anki.txt'), 'utf8'), /<li>Blood count — First, always\.<\/li>/);
    } finally {
      bank.cleanup();
    }
  });

  it('--answers belongs to the html export: a teacher\'s page per case with every key, and with a question format a usage error', () => {
    const bank = tempBank({ 'a.case': CASE('a-01') });
    try {
      assert.equal(runCli(['export', '.', '--answers', '-o', 'site'], bank.dir).status, 0);
      const teacher = readFileSync(path.join(bank.dir, 'site', 'answers', 'a-01.html'), 'utf8');
      const answerView = teacher.slice(teacher.indexOf('<article hidden class="case view-answer"'));
      assert.match(answerView, /class="q-option right"[^]*No, the production index is below 2/);
      assert.match(answerView, /class="q-key"[^>]*>[^]*0\.44/);
      assert.doesNotMatch(readFileSync(path.join(bank.dir, 'site', 'cases', 'a-01.html'), 'utf8'), /view-answer/, 'the student page has no answer view');
      couldNotRun(runCli(['export', '.', '--format', 'gift', '--answers', '-o', 'gift'], bank.dir), /--answers writes the teacher's pages of the html export; the gift export already holds the keys/);
      assert.ok(!existsSync(path.join(bank.dir, 'gift')));
    } finally {
      bank.cleanup();
    }
  });

  describe('hostile output paths: one line, exit 2, nothing touched', () => {
    for (const format of ['moodle', 'qti', 'gift', 'anki'] as const) {
      it(`${format}: an existing file, a symbolic link, a folder Casewright did not write, /dev/full`, () => {
        const bank = tempBank({ 'cases/a.case': CASE('a-01'), 'file.txt': 'mine', 'mine/notes.txt': 'my notes', 'elsewhere/keep.txt': 'keep' });
        try {
          symlinkSync(path.join(bank.dir, 'elsewhere'), path.join(bank.dir, 'link'));
          couldNotRun(runCli(['export', 'cases', '--format', format, '-o', 'file.txt'], bank.dir), /file\.txt exists and is not a folder/);
          assert.equal(readFileSync(path.join(bank.dir, 'file.txt'), 'utf8'), 'mine');
          couldNotRun(runCli(['export', 'cases', '--format', format, '-o', 'link'], bank.dir), /link is a symbolic link/);
          assert.deepEqual(readdirSync(path.join(bank.dir, 'elsewhere')), ['keep.txt']);
          couldNotRun(runCli(['export', 'cases', '--format', format, '-o', 'mine'], bank.dir), /mine is not empty and was not written by Casewright/);
          assert.deepEqual(readdirSync(path.join(bank.dir, 'mine')), ['notes.txt']);
          couldNotRun(runCli(['export', 'cases', '--format', format, '-o', '/dev/full'], bank.dir), /\/dev\/full exists and is not a folder/);
          assert.deepEqual(readdirSync(bank.dir).filter((n) => n.startsWith('.')), [], 'no temporary folder left behind');
        } finally {
          bank.cleanup();
        }
      });
    }
  });
});
