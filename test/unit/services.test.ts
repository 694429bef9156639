// Editor services of the core, data-driven with caret markers (‸).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { caseIdAt, renameCaseId } from '../../server/src/core/services/caseIdReferences';
import { codeActions } from '../../server/src/core/services/codeActions';
import { complete } from '../../server/src/core/services/completion';
import { documentSymbols } from '../../server/src/core/services/documentSymbols';
import type { TextEdit } from '../../server/src/core/services/edits';
import { foldingRanges } from '../../server/src/core/services/foldingRanges';
import { formatCase } from '../../server/src/core/services/formatting';
import { hover } from '../../server/src/core/services/hover';
import { inlayHints } from '../../server/src/core/services/inlayHints';
import { splitLines } from '../../server/src/core/text';
import { extractCarets } from '../support/carets';
import { mutatedCase } from '../support/mutations';

/** Applies LSP edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const { lines } = splitLines(text);
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length;
    offset += text.startsWith('\r\n', offset) ? 2 : text[offset] === '\n' || text[offset] === '\r' ? 1 : 0;
  }
  const at = (p: { line: number; character: number }) => (p.line >= lines.length ? text.length : offsets[p.line] + p.character);
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let result = text;
  for (const e of sorted) result = result.slice(0, at(e.range.start)) + e.newText + result.slice(at(e.range.end));
  return result;
}

const HEMOLYSIS = 'case: hemo-01\ntitle: Hemolysis\n[patient]\nage: 30 y\nsex: female\n[labs]\nhemoglobin: 74 g/L\nhematocrit: 22 %\nret‸iculocytes: 14 %\nhaptoglobin: <10 mg/dL\ndat: positive\n[smear]\nfindings: spherocytes\n';

function at(marked: string) {
  const { text, positions } = extractCarets(marked);
  return { text, position: positions[0], analysis: analyzeCase(text) };
}

describe('hover', () => {
  it('on reticulocytes: value, range for this patient, flag, and the RPI with band and source', () => {
    const { analysis, position } = at(HEMOLYSIS);
    const text = hover(analysis, position)?.contents ?? '';
    assert.match(text, /\*\*Reticulocytes\*\*/);
    assert.match(text, /Flag: \*\*high\*\*/);
    assert.match(text, /Reticulocyte production index 3\\\.42/);
    assert.match(text, /maturation 2 days for hematocrit 16 to &lt; 26 %/);
    assert.match(text, /Hillman/);
    assert.match(text, /RPI 3\.42\*\* — at least 2/);
  });

  it('on a non-canonical unit: the canonical conversion; on a child: the child range', () => {
    const adult = at(HEMOLYSIS.replace('ret‸iculocytes', 'reticulocytes').replace('hemoglobin: 74', 'hemo‸globin: 74'));
    assert.match(hover(adult.analysis, adult.position)?.contents ?? '', /74 g\/L = \*\*7\\\.4 g\/dL\*\*/);
    const child = at('case: c-1\ntitle: C\n[patient]\nage: 3 y\n[labs]\nh‸b: 11 g/dL\n');
    const text = hover(child.analysis, child.position)?.contents ?? '';
    assert.match(text, /11\\\.5–13\\\.5 g\/dL \(Child 2–6 y\)/);
    assert.match(text, /Flag: \*\*low\*\*/);
  });

  it('on vocabulary words, sections and keys: what they mean', () => {
    const cases: [string, RegExp][] = [
      ['case: a\ntitle: T\n[marrow]\nerythroid: hyper‸plastic\n', /More precursors than expected/],
      ['case: a\ntitle: T\n[smear]\nfindings: spherocytes, tear‸drop-cells\n', /fibrotic marrow/],
      ['case: a\ntitle: T\n[mar‸row]\n', /Bone marrow aspirate/],
      ['case: a\ntitle: T\n[marrow]\nme-r‸atio: 1:6\n', /Myeloid to erythroid ratio/],
      ['case: a\ntitle: T\nlevel: adv‸anced\n', /residents and fellows/],
    ];
    for (const [marked, expected] of cases) {
      const { analysis, position } = at(marked);
      assert.match(hover(analysis, position)?.contents ?? '(none)', expected, marked);
    }
  });

  it('on a mechanism: its meaning and the engine\'s ranking', () => {
    const { analysis, position } = at(`${HEMOLYSIS.replace('‸', '')}[answer]\nmechanism: peripheral-de‸struction\n`);
    const text = hover(analysis, position)?.contents ?? '';
    assert.match(text, /destroyed in the circulation/);
    assert.match(text, /1\. `peripheral-destruction` — score [\d.]+ \(clear first choice\)/);
  });

  it('escapes case text: no markup or HTML from the case', () => {
    const { analysis, position } = at('case: a\ntitle: T\n[labs]\ndat: <im‸g src=x onerror=alert(1)>\n');
    const text = hover(analysis, position)?.contents ?? '';
    assert.doesNotMatch(text, /<img/);
  });
});

describe('inlay hints', () => {
  const analysis = analyzeCase(HEMOLYSIS.replace('‸', ''));
  const all = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
  it('show the RPI beside reticulocytes and the conversion beside a non-canonical unit', () => {
    const hints = inlayHints(analysis, all, { rpi: true, conversions: true });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[6, '= 7.4 g/dL'], [8, 'RPI 3.42']]);
    assert.deepEqual(hints[1].position, { line: 8, character: 19 });
  });
  it('can be turned off, and stay inside the requested range', () => {
    assert.deepEqual(inlayHints(analysis, all, { rpi: false, conversions: false }), []);
    assert.equal(inlayHints(analysis, { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } }, { rpi: true, conversions: true }).length, 1);
  });
});

describe('completion', () => {
  const labels = (marked: string, ids: string[] = []) => {
    const { analysis, position } = at(marked);
    return complete(analysis, position, ids);
  };
  it('section names, without sections already present (labs may repeat)', () => {
    const items = labels('case: a\ntitle: T\n[history]\nx\n[‸');
    const names = items.map((i) => i.label);
    assert.ok(names.includes('[labs]') && names.includes('[marrow]'));
    assert.ok(!names.includes('[history]'));
  });
  it('lab names and aliases in [labs], inserting the canonical unit', () => {
    const items = labels('case: a\ntitle: T\n[labs]\nhapt‸');
    const hapto = items.find((i) => i.label === 'haptoglobin');
    assert.equal(hapto?.textEdit?.newText, 'haptoglobin: ${1} mg/dL');
    assert.equal(items.find((i) => i.label === 'hb')?.detail, 'alias of hemoglobin');
    assert.equal(items.find((i) => i.label === 'dat')?.textEdit?.newText, 'dat: ${1|positive,negative|}');
  });
  it('units accepted for the lab after the number', () => {
    const items = labels('case: a\ntitle: T\n[labs]\nhemoglobin: 61 ‸');
    assert.deepEqual(items.map((i) => i.label), ['g/dL', 'g/L', 'mmol/L']);
  });
  it('vocabulary values and smear findings not yet listed', () => {
    assert.ok(labels('case: a\ntitle: T\n[marrow]\nfibrosis: ‸').some((i) => i.label === 'MF-3'));
    const smear = labels('case: a\ntitle: T\n[smear]\nfindings: spherocytes, sch‸').map((i) => i.label);
    assert.ok(smear.includes('schistocytes') && !smear.includes('spherocytes'));
  });
  it('mechanisms ranked by the engine, and case ids of the bank in see-also', () => {
    const mechanisms = labels(`${HEMOLYSIS.replace('‸', '')}[answer]\nmechanism: ‸`);
    assert.equal(mechanisms[0].label, 'peripheral-destruction');
    assert.equal(mechanisms[0].preselect, true);
    assert.deepEqual(labels('case: me-01\ntitle: T\nsee-also: x-1, ‸', ['me-01', 'x-1', 'y-2']).map((i) => i.label), ['y-2']);
  });
  it('header keys not yet used', () => {
    const names = labels('case: a\ntitle: T\n‸').map((i) => i.label);
    assert.ok(names.includes('level') && !names.includes('case'));
  });
});

describe('code actions', () => {
  const uri = 'file:///x.case';
  function fixesFor(text: string, code: string) {
    const analysis = analyzeCase(text);
    const diagnostics = analysis.diagnostics.filter((d) => d.code === code);
    assert.equal(diagnostics.length, 1, `${code} in ${JSON.stringify(analysis.diagnostics.map((d) => d.code))}`);
    return codeActions(analysis, diagnostics[0].range, diagnostics, uri).filter((a) => a.kind === 'quickfix');
  }
  const apply = (text: string, action: { edit: { changes: Record<string, TextEdit[]> } }) => applyEdits(text, action.edit.changes[uri]);

  it('did-you-mean fixes by code', () => {
    const text = 'case: a\ntitle: T\n[labs]\nhemoglobine: 6 g/dL\n';
    const [fix] = fixesFor(text, 'unknown-lab');
    assert.equal(fix.title, 'Change to `hemoglobin`');
    assert.equal(apply(text, fix), 'case: a\ntitle: T\n[labs]\nhemoglobin: 6 g/dL\n');
  });
  it('implausible values: change the unit, or convert', () => {
    const text = 'case: a\ntitle: T\n[labs]\nhemoglobin: 61 g/dL\n';
    const fixes = fixesFor(text, 'implausible-value');
    assert.deepEqual(fixes.map((f) => f.title), ['Change to 61 g/L', 'Convert to 6.1 g/dL']);
    assert.equal(apply(text, fixes[1]), 'case: a\ntitle: T\n[labs]\nhemoglobin: 6.1 g/dL\n');
  });
  it('a conflicting mechanism: change it to the engine\'s choice', () => {
    const text = `${HEMOLYSIS.replace('‸', '')}[answer]\nmechanism: aplasia\n`;
    const [fix] = fixesFor(text, 'mechanism-conflict');
    assert.match(apply(text, fix), /mechanism: peripheral-destruction\n$/);
  });
  it('"Suggest mechanism" creates [answer] with the evidence when missing, wherever the cursor is', () => {
    const text = HEMOLYSIS.replace('‸', '');
    const analysis = analyzeCase(text);
    const suggest = codeActions(analysis, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, [], uri).find((a) => a.title.startsWith('Suggest mechanism'));
    assert.ok(suggest);
    assert.match(suggest.title, /^Suggest mechanism: peripheral-destruction \(score [\d.]+: /);
    const after = apply(text, suggest);
    assert.ok(after.startsWith(text), 'nothing typed is lost');
    assert.match(after, /\n\n\[answer\]\n# Evidence: .+\nmechanism: peripheral-destruction\n$/);
    assert.equal(analyzeCase(after).diagnostics.length, 0);
  });
  it('"Suggest mechanism" replaces an existing value and is not offered when it agrees', () => {
    const text = `${HEMOLYSIS.replace('‸', '')}[answer]\nmechanism: aplasia\ndiagnosis: AIHA\n`;
    const suggest = codeActions(analyzeCase(text), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], uri).find((a) => a.title.startsWith('Suggest'))!;
    assert.match(apply(text, suggest), /\[answer\]\n# Evidence: .*\nmechanism: peripheral-destruction\ndiagnosis: AIHA\n$/);
    const agreed = `${HEMOLYSIS.replace('‸', '')}[answer]\nmechanism: peripheral-destruction\n`;
    assert.equal(codeActions(analyzeCase(agreed), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], uri).length, 0);
  });
});

describe('symbols and folding', () => {
  const text = '# a\n# b\ncase: s-1\ntitle: T\n\n[history]\nx\ny\n\n[labs]\nhb: 7 g/dL\n\n[labs: day 7]\nhb: 8 g/dL\n[answer]\nexplanation: one\n  two\n';
  const analysis = analyzeCase(text);
  it('lists the header, each section and each labs panel with its labs', () => {
    const symbols = documentSymbols(analysis.model);
    assert.deepEqual(symbols.map((s) => s.name), ['s-1', 'history', 'labs', 'labs: day 7', 'answer']);
    assert.deepEqual(symbols[3].children?.map((c) => [c.name, c.detail]), [['hb', '8 g/dL']]);
  });
  it('folds sections, multi-line values and comment runs', () => {
    assert.deepEqual(foldingRanges(analysis.model.syntax).map((r) => [r.startLine, r.endLine, r.kind ?? '']), [
      [0, 1, 'comment'], [5, 7, 'region'], [9, 10, 'region'], [12, 13, 'region'], [14, 16, 'region'], [15, 16, ''],
    ]);
  });
});

describe('formatting', () => {
  const format = (text: string) => applyEdits(text, formatCase(text, analyzeCase(text).model.syntax, { tabSize: 2, insertSpaces: true }));
  it('aligns values per block, trims, collapses blank lines, ends with one newline', () => {
    const before = 'case:a-1   \ntitle:   T\nlevel: advanced\n\n\n\n[labs]\nhb:6 g/dL\nreticulocytes:   4 %\n[answer]\nexplanation: one\n      two\n\n\n';
    assert.equal(format(before), 'case:  a-1\ntitle: T\nlevel: advanced\n\n[labs]\nhb:            6 g/dL\nreticulocytes: 4 %\n[answer]\nexplanation: one\n  two\n');
  });
  it('keeps CRLF line endings and prose untouched', () => {
    assert.equal(format('case: a\r\ntitle:  T\r\n[history]\r\nNote:   spaced   prose  \r\n'), 'case:  a\r\ntitle: T\r\n[history]\r\nNote:   spaced   prose\r\n');
  });
  it('changes nothing but whitespace, keeps the meaning, and is idempotent (property)', () => {
    fc.assert(fc.property(mutatedCase(4), (text) => {
      if (text.length > 200_000) return;
      const once = format(text);
      assert.equal(once.replace(/\s+/g, ''), text.replace(/\s+/g, ''));
      assert.equal(format(once), once);
      const codes = (t: string) => analyzeCase(t).diagnostics.map((d) => d.code).sort().join(',');
      assert.equal(codes(once), codes(text));
    }), { seed: 99, numRuns: 150 });
  });
});

describe('case ids', () => {
  it('finds the id under the cursor and renames it across the bank, refusing bad ids', () => {
    const a = analyzeCase('case: a-01\ntitle: A\nsee-also: b-01\n').model;
    const b = analyzeCase('case: b-01\ntitle: B\nsee-also: a-01\n').model;
    assert.equal(caseIdAt(a, { line: 2, character: 11 })?.id, 'b-01');
    const outcome = renameCaseId('b-01', 'b-02', [['a', a], ['b', b]]);
    assert.ok(outcome.ok);
    assert.deepEqual(Object.keys(outcome.edit.changes).sort(), ['a', 'b']);
    const bad = renameCaseId('b-01', 'B 02', [['a', a], ['b', b]]);
    assert.ok(!bad.ok && /not a valid case id/.test(bad.message));
    const taken = renameCaseId('b-01', 'a-01', [['a', a], ['b', b]]);
    assert.ok(!taken.ok && /already has/.test(taken.message));
  });
});
