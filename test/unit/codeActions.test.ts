// Code actions in the core, data-driven: a case with a problem, the fix chosen by title, and the
// text after its edits are applied. Fixes come from the diagnostics as the client sends them back.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeCase, type CaseAnalysis } from '../../server/src/core/analyzeCase';
import { checkBank } from '../../server/src/core/checks/bankChecks';
import type { CaseDiagnostic } from '../../server/src/core/diagnostics';
import { codeActions, lineEnding, type CodeActionResult } from '../../server/src/core/services/codeActions';
import { splitLines, type Range } from '../../server/src/core/text';
import { extractCarets } from '../support/carets';
import { mutatedCase } from '../support/mutations';
import { applyTextEdits } from '../support/textEdits';

const URI = 'file:///bank/x.case';
const HEAD = 'case: demo-01\ntitle: Demo\n';
const HEMOLYSIS = `${HEAD}[patient]\nage: 30 y\nsex: female\n[labs]\nhemoglobin: 7.4 g/dL\nhematocrit: 22 %\nreticulocytes: 14 %\nhaptoglobin: <10 mg/dL\ndat: positive\n[smear]\nfindings: spherocytes\n`;
const CURSOR: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function actionsFor(text: string, diagnostics?: CaseDiagnostic[], eol?: string): { analysis: CaseAnalysis; actions: CodeActionResult[] } {
  const analysis = analyzeCase(text);
  return { analysis, actions: codeActions(analysis, CURSOR, diagnostics ?? analysis.diagnostics, URI, { eol }) };
}

const apply = (text: string, action: CodeActionResult) => applyTextEdits(text, action.edit.changes[URI]);

function find(actions: CodeActionResult[], title: string | RegExp): CodeActionResult {
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

describe('code actions', () => {
  describe('quick fixes by diagnostic code', () => {
    // [code, the case (‸ marks nothing: the text as written), the fix's title, the text after it]
    const cases: [string, string, string, string][] = [
      ['unknown-section', `${HEAD}[histroy]\nPallor.\n`, 'Change to `history`', `${HEAD}[history]\nPallor.\n`],
      ['unknown-field', `${HEAD}[marrow]\ncelularity: 90 %\n`, 'Change to `cellularity`', `${HEAD}[marrow]\ncellularity: 90 %\n`],
      ['unknown-lab', `${HEAD}[labs]\nhemoglobine: 6.1 g/dL\n`, 'Change to `hemoglobin`', `${HEAD}[labs]\nhemoglobin: 6.1 g/dL\n`],
      ['unknown-value', `${HEAD}level: advancd\n`, 'Change to `advanced`', `${HEAD}level: advanced\n`],
      ['unknown-smear-finding', `${HEAD}[smear]\nfindings: spherocytes, target cells\n`, 'Change to `target-cells`', `${HEAD}[smear]\nfindings: spherocytes, target-cells\n`],
      ['unknown-marrow-value', `${HEAD}[marrow]\nerythroid: hyperplastc\n`, 'Change to `hyperplastic`', `${HEAD}[marrow]\nerythroid: hyperplastic\n`],
      ['unknown-mechanism', `${HEAD}[answer]\nmechanism: aplasai\n`, 'Change to `aplasia`', `${HEAD}[answer]\nmechanism: aplasia\n`],
      ['unit-not-accepted', `${HEAD}[labs]\nhemoglobin: 6.1 g/dl/\n`, 'Change to `g/dL`', `${HEAD}[labs]\nhemoglobin: 6.1 g/dL\n`],
      ['invalid-lab-value', `${HEAD}[labs]\ndat: positve\n`, 'Change to `positive`', `${HEAD}[labs]\ndat: positive\n`],
      ['implausible-value', `${HEAD}[labs]\nhemoglobin: 61 g/dL\n`, 'Change the unit to g/L', `${HEAD}[labs]\nhemoglobin: 61 g/L\n`],
      ['implausible-value', `${HEAD}[labs]\nhemoglobin: 61 g/dL\n`, 'Convert to 6.1 g/dL', `${HEAD}[labs]\nhemoglobin: 6.1 g/dL\n`],
      ['missing-unit', `${HEAD}[labs]\nhemoglobin: <6.1\nmcv: 80 fL\n`, 'Add the unit g/dL', `${HEAD}[labs]\nhemoglobin: <6.1 g/dL\nmcv: 80 fL\n`],
      ['inconsistent-value', `${HEAD}[labs]\nhematocrit: 30 %\nrbc: 4.0 10^12/L\nmcv: 90 fL\n`, 'Use the calculated value 75.0 fL', `${HEAD}[labs]\nhematocrit: 30 %\nrbc: 4.0 10^12/L\nmcv: 75.0 fL\n`],
      ['mechanism-conflict', `${HEMOLYSIS}[answer]\nmechanism: aplasia\ndiagnosis: AIHA\n`, "Change mechanism to `peripheral-destruction` (engine's choice)", `${HEMOLYSIS}[answer]\nmechanism: peripheral-destruction\ndiagnosis: AIHA\n`],
      ['missing-mechanism', HEMOLYSIS, "Add mechanism `peripheral-destruction` (engine's choice)", `${HEMOLYSIS}\n[answer]\n# Evidence: Low haptoglobin, Positive direct antiglobulin test, Spherocytes\nmechanism: peripheral-destruction\n`],
    ];
    for (const [code, text, title, after] of cases) {
      it(`${code}: ${title}`, () => {
        const analysis = analyzeCase(text);
        const sent = analysis.diagnostics.filter((d) => d.code === code);
        assert.equal(sent.length, 1, `one ${code} in ${JSON.stringify(analysis.diagnostics.map((d) => d.code))}`);
        const actions = codeActions(analysis, sent[0].range, sent, URI);
        const fix = find(actions, title);
        assert.equal(fix.kind, 'quickfix');
        assert.deepEqual(fix.diagnostics, sent);
        assert.equal(apply(text, fix), after);
        assert.ok(!analyzeCase(after).diagnostics.some((d) => d.code === code), `${code} is gone`);
        // Minimal: a fix replaces the diagnostic's range, or inserts, and nothing more.
        if (code !== 'missing-mechanism') {
          for (const edit of fix.edit.changes[URI]) {
            const inserts = edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
            assert.ok(inserts || JSON.stringify(edit.range) === JSON.stringify(sent[0].range), `${title}: edit ${JSON.stringify(edit)}`);
          }
        }
      });
    }

    it('unknown-see-also, a bank-wide diagnostic, from its data', () => {
      const text = `${HEAD}see-also: other-2\n`;
      const other = analyzeCase('case: other-02\ntitle: O\n');
      const sent = checkBank([{ uri: URI, model: analyzeCase(text).model }, { uri: 'file:///bank/o.case', model: other.model }]).get(URI) ?? [];
      assert.deepEqual(sent.map((d) => d.code), ['unknown-see-also']);
      assert.equal(apply(text, find(actionsFor(text, sent).actions, 'Change to `other-02`')), `${HEAD}see-also: other-02\n`);
    });

    it('uses the data the client sent, not a fresh guess', () => {
      const text = `${HEAD}[labs]\nhemoglobine: 6.1 g/dL\n`;
      const [sent] = analyzeCase(text).diagnostics.filter((d) => d.code === 'unknown-lab');
      const actions = actionsFor(text, [{ ...sent, data: { replacements: ['hb', 'hgb'] } }]).actions.filter((a) => a.kind === 'quickfix');
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to `hb`', undefined], ['Change to `hgb`', undefined]]);
      assert.equal(actionsFor(text, [{ ...sent, data: undefined }]).actions.filter((a) => a.kind === 'quickfix').length, 0);
    });

    it('prefers a fix only when there is nothing to choose between', () => {
      const one = actionsFor(`${HEAD}[labs]\nhemoglobine: 6.1 g/dL\n`).actions;
      assert.equal(find(one, 'Change to `hemoglobin`').isPreferred, true);
      const implausible = actionsFor(`${HEAD}[labs]\nhemoglobin: 61 g/dL\n`).actions.filter((a) => a.kind === 'quickfix');
      assert.ok(implausible.every((a) => !a.isPreferred));
    });

    it('ignores what it cannot trust: malformed data, stale ranges, other codes', () => {
      const text = `${HEAD}[labs]\nhemoglobine: 6.1 g/dL\n`;
      const [sent] = analyzeCase(text).diagnostics.filter((d) => d.code === 'unknown-lab');
      const odd: CaseDiagnostic[] = [
        { ...sent, data: { replacements: [42, '', 'two\nlines', null] as unknown as string[] } },
        { ...sent, range: { start: { line: 40, character: 0 }, end: { line: 40, character: 3 } }, data: { replacements: ['hb'] } },
        { ...sent, range: { start: { line: 3, character: 5 }, end: { line: 3, character: 999 } }, data: { replacements: ['hb'] } },
        { ...sent, code: 'not-a-field', data: { replacements: ['hb'] } },
      ];
      assert.deepEqual(actionsFor(text, odd).actions.filter((a) => a.kind === 'quickfix'), []);
    });
  });

  describe('"Suggest mechanism"', () => {
    const evidence = '# Evidence: Low haptoglobin, Positive direct antiglobulin test, Spherocytes';
    const cases: [string, string, string][] = [
      ['creates [answer] at the end, after a blank line', HEMOLYSIS, `${HEMOLYSIS}\n[answer]\n${evidence}\nmechanism: peripheral-destruction\n`],
      ['on a file without a final line break', HEMOLYSIS.trimEnd(), `${HEMOLYSIS}\n[answer]\n${evidence}\nmechanism: peripheral-destruction\n`],
      ['after blank lines already there', `${HEMOLYSIS}\n\n`, `${HEMOLYSIS}\n\n[answer]\n${evidence}\nmechanism: peripheral-destruction\n`],
      ['adds the line under an [answer] without one', `${HEMOLYSIS}[answer]\ndiagnosis: AIHA\n`, `${HEMOLYSIS}[answer]\n${evidence}\nmechanism: peripheral-destruction\ndiagnosis: AIHA\n`],
      ['replaces a mechanism the answer states', `${HEMOLYSIS}[answer]\nmechanism: aplasia\ndiagnosis: AIHA\n`, `${HEMOLYSIS}[answer]\n${evidence}\nmechanism: peripheral-destruction\ndiagnosis: AIHA\n`],
      ['fills an empty mechanism', `${HEMOLYSIS}[answer]\nmechanism:  \n`, `${HEMOLYSIS}[answer]\n${evidence}\nmechanism: peripheral-destruction\n`],
      ['brings an older evidence comment up to date', `${HEMOLYSIS}[answer]\n# Evidence: none\nmechanism: aplasia\n`, `${HEMOLYSIS}[answer]\n${evidence}\nmechanism: peripheral-destruction\n`],
    ];
    for (const [name, text, after] of cases) {
      it(name, () => {
        const { analysis, actions } = actionsFor(text, []);
        const suggest = find(actions, /^Suggest mechanism: /);
        assert.equal(suggest.kind, 'refactor.rewrite');
        assert.equal(suggest.diagnostics, undefined);
        const score = analysis.clinical.mechanisms.ranked[0].score;
        assert.ok(score > 0);
        assert.equal(suggest.title, `Suggest mechanism: peripheral-destruction (score ${score}: Low haptoglobin, Positive direct antiglobulin test, Spherocytes)`);
        assert.equal(apply(text, suggest), after);
        assert.deepEqual(analyzeCase(after).diagnostics.map((d) => d.code), []);
      });
    }

    it('is offered wherever the cursor is', () => {
      const { text, positions } = extractCarets(`‸case: demo-01\ntitle: Demo\n[labs]\nhaptoglobin: <10 mg/dL‸\ndat: positive\n[history]\nPal‸lor.\n`);
      const analysis = analyzeCase(text);
      for (const at of positions) {
        const titles = codeActions(analysis, { start: at, end: at }, [], URI).map((a) => a.title);
        assert.ok(titles.some((t) => t.startsWith('Suggest mechanism: peripheral-destruction')), JSON.stringify(titles));
      }
    });

    it('keeps the line endings of a CRLF file', () => {
      const text = HEMOLYSIS.replace(/\n/g, '\r\n');
      assert.equal(lineEnding(text), '\r\n');
      const after = apply(text, find(actionsFor(text, [], lineEnding(text)).actions, /^Suggest mechanism/));
      assert.equal(after, `${text}\r\n[answer]\r\n${evidence}\r\nmechanism: peripheral-destruction\r\n`);
    });

    const none: [string, string][] = [
      ['the answer already states it', `${HEMOLYSIS}[answer]\nmechanism: peripheral-destruction\n`],
      ['the answer states it in capitals', `${HEMOLYSIS}[answer]\nmechanism: Peripheral-Destruction\n`],
      ['the case has no labs', `${HEAD}[smear]\nfindings: spherocytes\n`],
      ['no mechanism scores above zero', `${HEAD}[labs]\nmystery-lab: 4 U/L\n`],
    ];
    for (const [why, text] of none) {
      it(`is not offered when ${why}`, () => {
        assert.deepEqual(actionsFor(text, []).actions.map((a) => a.title), []);
      });
    }
  });

  it('on broken cases: edits apply cleanly, and "Suggest mechanism" removes only blanks, an old value or an old evidence line (property)', () => {
    fc.assert(fc.property(mutatedCase(4), (text) => {
      if (text.length > 200_000) return;
      const { actions } = actionsFor(text);
      const { lines } = splitLines(text);
      for (const action of actions) {
        const after = apply(text, action); // throws on edits outside the text or overlapping
        if (action.kind !== 'refactor.rewrite') continue;
        for (const edit of action.edit.changes[URI]) {
          assert.equal(edit.range.start.line, edit.range.end.line);
          const removed = lines[edit.range.start.line].slice(edit.range.start.character, edit.range.end.character);
          const oldMechanism = analyzeCase(text).model.answer.get('mechanism')?.value;
          assert.ok(removed.trim() === '' || removed === oldMechanism || /^\s*#\s*Evidence:/i.test(removed), `removed ${JSON.stringify(removed)}`);
        }
        const id = /^Suggest mechanism: (\S+)/.exec(action.title)?.[1];
        assert.equal(analyzeCase(after).model.answer.get('mechanism')?.value, id);
      }
    }), { seed: 11, numRuns: 150 });
  });
});
