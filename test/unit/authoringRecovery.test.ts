// What authors do wrong, recovered from: a missing section header said once with its fix, lab
// results written as prose, one-value fields given two, suppression comments, and the safe
// fixes that `check --fix` and fix on save apply (the quick fixes' own edits).
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { CaseBank } from '../../server/src/core/bank';
import { codeActions } from '../../server/src/core/services/codeActions';
import { applyEdits, fixText } from '../../server/src/core/services/fixAll';
import { caseIdProblem, newCaseText } from '../../server/src/core/services/newCase';
import { unifiedDiff } from '../../server/src/cli/unifiedDiff';
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

  describe('the New Case skeleton', () => {
    it('has every section and checks clean', () => {
      const text = newCaseText('aplastic-anemia-01');
      for (const section of ['patient', 'history', 'exam', 'labs', 'smear', 'marrow', 'course', 'answer', 'question: after marrow']) assert.match(text, new RegExp(`^\\[${section}\\]$`, 'm'));
      // A draft until the teacher says otherwise: `export --status ready` leaves it out.
      assert.match(text, /^status: draft$/m);
      // Not even a hint: in a bank, as the editor and `casewright check` show it.
      assert.deepEqual(bankCodes(text), []);
      assert.deepEqual(analyzeCase(text).diagnostics.map((d) => `${d.code}: ${d.message}`), []);
      assert.equal(analyzeCase(text).model.id, 'aplastic-anemia-01');
    });

    it('validates the id as the format does', () => {
      assert.equal(caseIdProblem('aa-01'), undefined);
      for (const bad of ['', 'AA-01', 'aa--01', 'aa 01', '-aa', 'a'.repeat(101)]) assert.ok(caseIdProblem(bad), bad);
    });
  });

  describe('the dry run\'s unified diff', () => {
    it('prints hunks with three lines of context, as diff -u does', () => {
      const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].join('\n');
      const after = ['a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'].join('\n');
      assert.equal(unifiedDiff(before, after, 'a/x', 'b/x'), [
        '--- a/x', '+++ b/x',
        '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e',
        '@@ -10,3 +10,4 @@', ' j', ' k', ' l', '+m', '',
      ].join('\n'));
      assert.equal(unifiedDiff('same', 'same', 'a', 'b'), '');
    });
  });
});
