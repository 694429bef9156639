// What authors do wrong, recovered from: a missing section header said once with its fix, lab
// results written as prose, one-value fields given two, suppression comments, and the safe
// fixes that `check --fix` and fix on save apply (the quick fixes' own edits).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { CaseBank } from '../../server/src/core/bank';
import { codeActions } from '../../server/src/core/services/codeActions';
import { applyEdits, fixText } from '../../server/src/core/services/fixAll';
import { applyTextEdits } from '../support/textEdits';

const HEAD = 'case: demo-01\ntitle: Demo\n\n';
const URI = 'file:///bank/demo.case';
const codes = (text: string) => analyzeCase(text).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
const bankCodes = (text: string) => {
  const bank = new CaseBank();
  bank.set(URI, text);
  return bank.diagnostics(URI).filter((d) => d.severity !== 'info').map((d) => `${d.range.start.line + 1}:${d.code}`);
};

function fix(text: string, code: string, title: string | RegExp): string {
  const analysis = analyzeCase(text);
  const sent = analysis.diagnostics.filter((d) => d.code === code);
  assert.equal(sent.length, 1, JSON.stringify(analysis.diagnostics.map((d) => d.code)));
  const action = codeActions(analysis, sent[0].range, sent, URI).find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no "${title}" among ${JSON.stringify(codeActions(analysis, sent[0].range, sent, URI).map((a) => a.title))}`);
  return applyTextEdits(text, action.edit.changes[URI]);
}

describe('recovering from what authors do wrong', () => {
  describe('a missing section header', () => {
    const smearThenMarrow = `${HEAD}[smear]\nfindings: target-cells\nnote: Target cells.\n\ncellularity: 90 %\nme-ratio: 1:6\nerythroid: hyperplastic\nnote: Busy marrow.\n`;

    it('is said once, naming the fields, instead of an error per field and a "given twice"', () => {
      const { diagnostics } = analyzeCase(smearThenMarrow);
      assert.deepEqual(diagnostics.map((d) => d.code), ['missing-section-header']);
      assert.equal(diagnostics[0].message, '`cellularity`, `me-ratio` and `erythroid` look like [marrow] fields: missing `[marrow]` header?');
      assert.equal(diagnostics[0].range.start.line, 7);
    });

    it('is fixed by inserting the header above the first stray field, after which the fields are checked', () => {
      const fixed = fix(smearThenMarrow, 'missing-section-header', 'Insert `[marrow]` here');
      assert.equal(fixed, smearThenMarrow.replace('\ncellularity', '\n[marrow]\ncellularity'));
      assert.deepEqual(codes(fixed), []);
      // With no blank line above, one is added so sections stay apart.
      const tight = `${HEAD}[smear]\nfindings: target-cells\ncellularity: 90 %\n`;
      assert.equal(fix(tight, 'missing-section-header', 'Insert `[marrow]` here'), `${HEAD}[smear]\nfindings: target-cells\n\n[marrow]\ncellularity: 90 %\n`);
    });

    it('is recognised in the header, after a labs panel and in prose (two lines there)', () => {
      assert.deepEqual(codes(`${HEAD.trimEnd()}\nage: 4 y\nsex: male\n`), ['missing-section-header']);
      assert.match(analyzeCase(`${HEAD.trimEnd()}\nage: 4 y\n`).diagnostics[0].message, /^`age` looks like a \[patient\] field: missing `\[patient\]` header\?$/);
      assert.deepEqual(codes(`${HEAD}[labs]\nhemoglobin: 7 g/dL\nmechanism: aplasia\ndiagnosis: AA\n`), ['missing-section-header']);
      assert.deepEqual(codes(`${HEAD}[history]\nPale.\ncellularity: 10 %\nerythroid: hypoplastic\n`), ['missing-section-header']);
      // One colon line in prose is just prose.
      assert.deepEqual(codes(`${HEAD}[history]\nPale.\nnote: she is tired.\ncellularity: 10 %\n`), []);
    });

    describe('deleted from a real case (samples/b12-deficiency-01.case): one error the author sees, no follow-ons', () => {
      const sample = readFileSync(path.join(__dirname, '../../samples/b12-deficiency-01.case'), 'utf8');
      /** What the author sees: the bank's diagnostics (suppressions and bank-wide checks applied), as `line:code`. */
      const seen = (text: string) => {
        const bank = new CaseBank();
        bank.set(URI, text);
        return bank.diagnostics(URI).filter((d) => d.severity !== 'info' && d.code !== 'unknown-see-also');
      };
      const bankAll = (text: string) => {
        const bank = new CaseBank();
        bank.set(URI, text);
        return bank.diagnostics(URI).filter((d) => d.code !== 'unknown-see-also');
      };
      const without = (header: string) => sample.replace(`\n${header}\n`, '\n');

      it('[marrow]: the questions asked after the marrow are not errors too, and `ready` counts one error', () => {
        const found = seen(without('[marrow]'));
        assert.deepEqual(found.map((d) => d.code), ['ready-with-errors', 'missing-section-header']);
        assert.match(found[0].message, /has 1 error \(the first on line 60\)/);
        assert.equal(found[1].message, '`cellularity`, `me-ratio`, `erythroid` and 2 more look like [marrow] fields: missing `[marrow]` header?');
        assert.equal(fixText(without('[marrow]')).text, sample);
      });

      it('[marrow] misspelt `[marow]`: the did-you-mean alone, no question-stage error', () => {
        const found = seen(sample.replace('[marrow]', '[marow]'));
        assert.deepEqual(found.map((d) => d.code), ['ready-with-errors', 'unknown-section']);
        assert.match(found[1].message, /Did you mean `marrow`\?/);
      });

      it('[labs], with later panels present: its lines in [exam] are one missing header, not a warning per lab', () => {
        const found = seen(without('[labs]'));
        assert.deepEqual(found.map((d) => d.code), ['ready-with-errors', 'missing-section-header']);
        assert.equal(found[1].message, '`hemoglobin`, `hematocrit`, `rbc` and 13 more look like [labs] fields: missing `[labs]` header?');
        assert.equal(fixText(without('[labs]')).text, sample);
      });

      it('[smear]: its one field under [labs: day 30]', () => {
        const found = seen(without('[smear]'));
        assert.deepEqual(found.map((d) => d.code), ['ready-with-errors', 'missing-section-header']);
        assert.equal(found[1].message, '`findings` looks like a [smear] field: missing `[smear]` header?');
        assert.equal(fixText(without('[smear]')).text, sample);
      });

      it('a second labs panel\'s header, in a case with three: its labs given again, said once, the header offered above its comment', () => {
        const text = without('[labs: day 7]');
        const found = seen(text);
        assert.deepEqual(found.map((d) => d.code), ['ready-with-errors', 'missing-section-header']);
        assert.equal(found[1].message, '`hemoglobin`, `hematocrit`, `reticulocytes` and `ldh` are given again: a second labs panel missing its `[labs: later]` header?');
        // The author names the panel: offered, never applied unseen.
        assert.equal(fixText(text).text, text);
        const fixed = fix(text, 'missing-section-header', 'Insert `[labs: later]` here (then name the panel)');
        assert.equal(fixed, sample.replace('[labs: day 7]', '[labs: later]'));
      });

      it('a question\'s header: its fields given again, and [question] offered', () => {
        const text = sample.replace('[question: after labs]\nid: response', 'id: response');
        const found = seen(text);
        assert.deepEqual(found.map((d) => d.code), ['ready-with-errors', 'missing-section-header', 'options-not-used']);
        assert.match(found[1].message, /^`id`, `type`, `stem` and `explanation` are given again: a second question missing its `\[question\]` header\?$/);
      });

      it('lab lines in prose beside a [labs] without a qualifier stay prose (old results told as a story)', () => {
        assert.deepEqual(codes(`${HEAD}[history]\nOld results:\nhemoglobin: 9 g/dL\nmcv: 70 fL\n\n[labs]\nhemoglobin: 7 g/dL\nmcv: 65 fL\n`), []);
      });

      it('[history]: its prose ending [patient], said once with the header the format\'s order puts there (offered)', () => {
        const text = sample.replace('\n[history]\n', '\n');
        const found = seen(text);
        assert.deepEqual(found.map((d) => d.code), ['ready-with-errors', 'missing-section-header']);
        assert.equal(found[1].message, 'These 3 lines read as prose, and [patient] holds only fields: missing `[history]` header?');
        assert.equal(fixText(text).text, text, 'a guess from the order is not applied unseen');
        assert.equal(fix(text, 'missing-section-header', 'Insert `[history]` here'), sample);
      });

      it('[course] and [answer]: prose after [marrow]; the answer\'s fields in [course], and no "no mechanism" note', () => {
        const course = seen(sample.replace('\n[course]\n', '\n'));
        assert.deepEqual(course.map((d) => d.message).slice(1), ['These 2 lines read as prose, and [marrow] holds only fields: missing `[course]` header?']);
        const answer = bankAll(sample.replace('\n[answer]\n', '\n'));
        assert.deepEqual(answer.map((d) => d.code), ['ready-with-errors', 'missing-section-header']);
      });

      it('a stray line with no prose section to stand for, or a lab written as a line, is not claimed', () => {
        assert.deepEqual(codes(`${HEAD}[labs]\nhemoglobin: 7 g/dL\nNormal.\n\n[smear]\nfindings: target-cells\n`), ['not-a-field']);
        assert.deepEqual(codes(`${HEAD}[patient]\nage: 4 y\n\n[labs]\nHb 7.2 g/dl\n`), ['not-a-field']);
      });

      it('a [labs header without its ] earlier in the file does not put the panels out of step (found by npm run fuzz)', () => {
        const text = `${HEAD}[history]\nPale.\n[labs: 1e308 g/dL\nA week of fever.\n\n[labs]\nhemoglobin: 3.9 g/dL\nhematocrit: 12 %\nreticulocytes: 0.2 %\nwbc: 9.8 10^9/L\nplatelets: 310 10^9/L\n`;
        assert.deepEqual(codes(text), ['malformed-section-header']);
        // A panel given twice below it is still found as a second panel missing its header.
        const again = text + 'hemoglobin: 4.1 g/dL\nhematocrit: 13 %\n';
        assert.deepEqual(codes(again), ['malformed-section-header', 'missing-section-header']);
      });

      it('one field given over and over is a duplicate, not a lost panel', () => {
        assert.deepEqual(codes(`${HEAD}[labs]\nmcv: 80 fL\nmcv: 81 fL\nmcv: 82 fL\nmcv: 83 fL\n`), ['duplicate-field', 'duplicate-field', 'duplicate-field']);
      });
    });

    it('is not claimed when the section exists elsewhere: the plain errors stand', () => {
      assert.deepEqual(codes(`${HEAD}[smear]\nfindings: target-cells\ncellularity: 90 %\n\n[marrow]\nerythroid: normal\n`), ['unknown-field']);
    });
  });

  describe('lab results written as prose', () => {
    it('in [history]: found by alias and unit, the fix adds the field to [labs] and keeps the sentence', () => {
      const text = `${HEAD}[history]\nThe GP found Hb 7.2 g/dl and a platelet count of 30.\n\n[labs]\nmcv: 80 fL\n`;
      const [d] = analyzeCase(text).diagnostics.filter((x) => x.code === 'lab-in-prose');
      assert.deepEqual(d.range, { start: { line: 4, character: 13 }, end: { line: 4, character: 24 } });
      assert.match(d.message, /Hemoglobin.*\[history\] is prose.*Add `hemoglobin: 7\.2 g\/dL` to \[labs\]\?/);
      const fixed = fix(text, 'lab-in-prose', 'Add `hemoglobin: 7.2 g/dL` to [labs] (the sentence stays)');
      assert.equal(fixed, `${HEAD}[history]\nThe GP found Hb 7.2 g/dl and a platelet count of 30.\n\n[labs]\nmcv: 80 fL\nhemoglobin: 7.2 g/dL\n`);
    });

    it('without a panel, the fix creates [labs] after the prose; a lab a panel gives is not reported', () => {
      const text = `${HEAD}[history]\nRetics 0.5% on day 3.\n`;
      assert.equal(fix(text, 'lab-in-prose', /reticulocytes: 0\.5 %/), `${HEAD}[history]\nRetics 0.5% on day 3.\n\n[labs]\nreticulocytes: 0.5 %\n`);
      assert.deepEqual(codes(`${HEAD}[history]\nHb 9 g/dL at the GP.\n\n[labs]\nhb: 7 g/dL\n`), []);
      // A number with no unit, or a unit the lab does not take, is not a result.
      assert.deepEqual(codes(`${HEAD}[history]\nHb of 9 and 3 plt kg.\n`), []);
    });

    it('in [labs]: the line gets the field form as its fix, applied safely unless the panel has that lab', () => {
      const text = `${HEAD}[labs]\nHb 7.2 g/dl\n`;
      const [d] = analyzeCase(text).diagnostics;
      assert.equal(d.code, 'not-a-field');
      assert.match(d.message, /write this as `hemoglobin: 7\.2 g\/dL`/);
      assert.equal(fixText(text).text, `${HEAD}[labs]\nhemoglobin: 7.2 g/dL\n`);
      const twice = `${HEAD}[labs]\nhb: 6 g/dL\nHb 7.2 g/dl\n`;
      assert.match(analyzeCase(twice).diagnostics.find((x) => x.code === 'not-a-field')!.message, /already gives Hemoglobin/);
      assert.equal(fixText(twice).text, twice);
    });

    it('reads long hostile prose in linear time', () => {
      const line = 'hb '.repeat(600) + '1'.repeat(600);
      assert.ok(Array.isArray(analyzeCase(`${HEAD}[history]\n${line}\n${' \t'.repeat(5000)}hb\n`).diagnostics));
    });
  });

  describe('obvious fixes', () => {
    it('`dat: neg` → `negative`, applied without a look', () => {
      const text = `${HEAD}[labs]\ndat: neg\n`;
      assert.equal(fix(text, 'invalid-lab-value', 'Change to `negative`'), `${HEAD}[labs]\ndat: negative\n`);
      assert.equal(fixText(text).text, `${HEAD}[labs]\ndat: negative\n`);
    });

    it('`mechanism: a, b` says one is allowed and offers each; neither is applied unseen', () => {
      const text = `${HEAD}[answer]\nmechanism: aplasia, blood-loss\n`;
      const [d] = analyzeCase(text).diagnostics.filter((x) => x.code === 'unknown-mechanism');
      assert.equal(d.message, '`mechanism` takes one value, and 2 are given. Keep the one that fits best: `aplasia` or `blood-loss`.');
      assert.equal(fix(text, 'unknown-mechanism', 'Keep only `blood-loss`'), `${HEAD}[answer]\nmechanism: blood-loss\n`);
      assert.equal(fixText(text).text, text);
    });

    it('header slips: an empty qualifier and a missing `]` (safe), text after a header moved down (safe), a qualifier where none is taken (offered)', () => {
      const empty = `${HEAD}[labs:]\nmcv: 80 fL\n`;
      assert.equal(fix(empty, 'empty-qualifier', 'Remove the empty `:`'), `${HEAD}[labs]\nmcv: 80 fL\n`);
      assert.equal(fixText(empty).text, `${HEAD}[labs]\nmcv: 80 fL\n`);
      const open = `${HEAD}[marrow\ncellularity: 90 %\n`;
      assert.equal(fix(open, 'malformed-section-header', 'Add the closing `]`'), `${HEAD}[marrow]\ncellularity: 90 %\n`);
      assert.equal(fixText(open).text, `${HEAD}[marrow]\ncellularity: 90 %\n`);
      // Closing an unknown name is offered, not applied unseen.
      assert.equal(fixText(`${HEAD}[marow\n`).text, `${HEAD}[marow\n`);
      // `[labs: day 7` is one error, not also a second panel without a qualifier.
      assert.deepEqual(codes(`${HEAD}[labs]\nmcv: 80 fL\n[labs: day 7\nmcv: 82 fL\n`), ['malformed-section-header']);
      assert.equal(fixText(`${HEAD}[labs]\nmcv: 80 fL\n[labs: day 7\nmcv: 82 fL\n`).text, `${HEAD}[labs]\nmcv: 80 fL\n[labs: day 7]\nmcv: 82 fL\n`);
      const after = `${HEAD}[history] Pale for a month.\n`;
      assert.equal(fix(after, 'malformed-section-header', 'Move the text after the header to the next line'), `${HEAD}[history]\nPale for a month.\n`);
      assert.equal(fixText(after).text, `${HEAD}[history]\nPale for a month.\n`);
      const qualified = `${HEAD}[marrow: day 3]\ncellularity: 90 %\n`;
      assert.equal(fix(qualified, 'unexpected-qualifier', 'Remove the qualifier'), `${HEAD}[marrow]\ncellularity: 90 %\n`);
      assert.equal(fixText(qualified).text, qualified);
    });

    it('an age with its unit spelt out is re-spelt (safe); a bare number is offered in years; a case id is offered in its form', () => {
      const age = (value: string) => `${HEAD}[patient]\nage: ${value}\nsex: male\n`;
      for (const [typed, fixed] of [['45 years', '45 y'], ['18 months', '18 mo'], ['3 weeks', '3 wk'], ['10 days', '10 d'], ['45 yo', '45 y']]) {
        assert.equal(fixText(age(typed)).text, age(fixed), typed);
      }
      assert.equal(fix(age('45'), 'invalid-age', 'Change to `45 y` (years)'), age('45 y'));
      assert.equal(fixText(age('45')).text, age('45'));
      assert.equal(fixText(age('four')).text, age('four'));
      const id = 'case: Thal Major 01\ntitle: T\n';
      assert.equal(fix(id, 'invalid-case-id', 'Change to `thal-major-01`'), 'case: thal-major-01\ntitle: T\n');
      assert.equal(fixText(id).text, id);
    });

    it('a field given twice: the later line (and its continuation) removed on request, never unseen', () => {
      const text = `${HEAD}[answer]\ndiagnosis: AA\nexplanation: One.\ndiagnosis: Aplastic\n  anemia\nmechanism: aplasia\n`;
      assert.equal(fix(text, 'duplicate-field', 'Remove this line (the first is the one used)'), `${HEAD}[answer]\ndiagnosis: AA\nexplanation: One.\nmechanism: aplasia\n`);
      assert.equal(fixText(text).text, text);
    });

    it('a `ready` case with errors or no reviewer: back to `status: review` on request', () => {
      const text = `${HEAD.replace('title: Demo', 'title: Demo\nstatus: ready\nreviewed-by: A. Reviewer')}[labs]\nhemoglobin: 61 g/dL\n`;
      assert.match(fix(text, 'ready-with-errors', 'Set `status: review`'), /^status: review$/m);
      const unreviewed = `${HEAD.replace('title: Demo', 'title: Demo\nstatus: ready')}`;
      assert.match(fix(unreviewed, 'ready-without-reviewer', 'Set `status: review`'), /^status: review$/m);
      assert.equal(fixText(unreviewed).text, unreviewed);
    });

    it('a guess between different names (a lab, a case id, a one-letter typo) is never safe', () => {
      const text = `${HEAD}[labs]\nhemoglobine: 7 g/dL\n[marrow]\nerythroid: hyperplastc\n`;
      assert.equal(fixText(text).text, text);
      // Case and separators only, or a word spelt out from its start: safe.
      assert.equal(fixText(`${HEAD}[smear]\nfindings: Target Cells\n`).text, `${HEAD}[smear]\nfindings: target-cells\n`);
    });

    it('fixes pass after pass until nothing safe is left, keeping CRLF line ends', () => {
      const text = `${HEAD}[smear]\nfindings: target-cells\ncellularity: 90 %\nerythroid: Hyper-plastic\n`.replace(/\n/g, '\r\n');
      const result = fixText(text);
      assert.equal(result.text, `${HEAD}[smear]\nfindings: target-cells\n\n[marrow]\ncellularity: 90 %\nerythroid: hyperplastic\n`.replace(/\n/g, '\r\n'));
      assert.equal(result.fixed, 2);
      assert.equal(fixText(result.text).fixed, 0);
    });

    it('applies edits after a byte-order mark and skips one that overlaps', () => {
      const edits = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'X' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, newText: 'Y' }];
      assert.equal(applyEdits('\uFEFFab\ncd', edits), '\uFEFFXb\ncd');
    });
  });

  describe('suppression comments', () => {
    it('disable-next-line silences the named codes on the next line only', () => {
      const text = `${HEAD}[labs]\n# casewright-disable-next-line missing-unit -- the lab sent no unit\nhemoglobin: 6.1\nmcv: 80\n`;
      assert.deepEqual(bankCodes(text), ['7:missing-unit']);
    });

    it('disable silences a code in the whole file, bank-wide codes too; no codes silences all', () => {
      const text = `# casewright-disable missing-unit, unknown-see-also\n${HEAD.replace('title', 'see-also: nowhere-01\ntitle')}[labs]\nhemoglobin: 6.1\nmcv: 80\n`;
      assert.deepEqual(bankCodes(text), []);
      assert.deepEqual(bankCodes(`${HEAD}[labs]\n# casewright-disable-next-line\nhemoglobine: 6.1\n`), []);
    });

    it('reports a suppression that silences nothing, and a code that is not ours', () => {
      const text = `${HEAD}[labs]\n# casewright-disable-next-line missing-unit, no-such-code\nhemoglobin: 6.1 g/dL\n`;
      const bank = new CaseBank();
      bank.set(URI, text);
      const found = bank.diagnostics(URI).filter((d) => d.code === 'unused-suppression');
      assert.deepEqual(found.map((d) => [d.range.start.character, d.message]), [
        [31, '`missing-unit` is not reported on the next line, so this suppression does nothing; remove it.'],
        [45, '`no-such-code` is not a Casewright diagnostic code (see docs/diagnostics.md), so this suppression does nothing.'],
      ]);
    });

    describe('the fix for an unused suppression', () => {
      /** The bank's unused-suppression diagnostics and their code actions, as the editor gets them. */
      function unusedFixes(text: string) {
        const bank = new CaseBank();
        bank.set(URI, text);
        const analysis = bank.get(URI)!;
        const found = bank.diagnostics(URI).filter((d) => d.code === 'unused-suppression');
        return found.map((d) => ({ d, actions: codeActions(analysis, d.range, [d], URI) }));
      }

      it('removes an unused code from a list that still silences something, and check --fix does too', () => {
        const text = `${HEAD}[labs]\n# casewright-disable-next-line invalid-lab-value, missing-unit -- the lab sent no unit\nhemoglobin: 6.1\n`;
        const [only, ...rest] = unusedFixes(text);
        assert.equal(rest.length, 0);
        const removal = only.actions.find((a) => a.title === 'Remove `invalid-lab-value` from this comment');
        assert.ok(removal?.isPreferred);
        const fixed = applyTextEdits(text, removal.edit.changes[URI]);
        assert.equal(fixed, `${HEAD}[labs]\n# casewright-disable-next-line missing-unit -- the lab sent no unit\nhemoglobin: 6.1\n`);
        assert.equal(fixText(text).text, fixed);
        assert.deepEqual(bankCodes(fixed), []);
      });

      it('takes out the last code with the comma before it', () => {
        const text = `${HEAD}[labs]\n# casewright-disable-next-line missing-unit,invalid-lab-value\nhemoglobin: 6.1\n`;
        assert.equal(fixText(text).text, `${HEAD}[labs]\n# casewright-disable-next-line missing-unit\nhemoglobin: 6.1\n`);
      });

      it('removes the whole comment line when none of its codes is used (never leaving a bare directive)', () => {
        const text = `${HEAD}[labs]\n# casewright-disable-next-line missing-unit, invalid-lab-value\nhemoglobin: 6.1 g/dL\n`;
        const fixes = unusedFixes(text);
        assert.equal(fixes.length, 2);
        for (const { actions } of fixes) {
          const removal = actions.find((a) => a.title === 'Remove this `casewright-disable` comment');
          assert.ok(removal);
          assert.equal(applyTextEdits(text, removal.edit.changes[URI]), `${HEAD}[labs]\nhemoglobin: 6.1 g/dL\n`);
        }
        assert.deepEqual(fixText(text), { text: `${HEAD}[labs]\nhemoglobin: 6.1 g/dL\n`, fixed: 1 });
        // The last line of a file without a final line end goes with the line end before it.
        assert.equal(fixText(`${HEAD}# casewright-disable missing-unit`).text, HEAD.slice(0, -1));
      });

      it('offers but does not apply unseen what one file cannot prove unused: bank codes, bare comments, unknown codes', () => {
        const bankWide = `${HEAD}# casewright-disable unknown-see-also\n`;
        assert.ok(unusedFixes(bankWide)[0].actions.some((a) => a.title === 'Remove this `casewright-disable` comment'));
        assert.equal(fixText(bankWide).fixed, 0);
        const bare = `${HEAD}[labs]\n# casewright-disable-next-line\nhemoglobin: 6.1 g/dL\n`;
        assert.ok(unusedFixes(bare)[0].actions.some((a) => a.title === 'Remove this `casewright-disable` comment'));
        assert.equal(fixText(bare).fixed, 0);
        const typo = `${HEAD}[labs]\n# casewright-disable-next-line missing-unti\nhemoglobin: 6.1\n`;
        const [{ d, actions }] = unusedFixes(typo);
        assert.match(d.message, /Did you mean `missing-unit`\?$/);
        assert.deepEqual(actions.map((a) => a.title), ['Remove this `casewright-disable` comment', 'Change to `missing-unit`']);
        assert.equal(applyTextEdits(typo, actions[1].edit.changes[URI]), typo.replace('unti', 'unit'));
        assert.equal(fixText(typo).text, typo.replace('hemoglobin: 6.1', 'hemoglobin: 6.1 g/dL'), 'the typo stays; the unit is added');
      });
    });

    it('honours the configuration after suppression: unused-suppression can be turned off', () => {
      const bank = new CaseBank({ rules: { 'unused-suppression': 'off' } });
      bank.set(URI, `${HEAD}# casewright-disable missing-unit\n`);
      assert.deepEqual(bank.diagnostics(URI), []);
    });
  });
});
