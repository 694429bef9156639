// Hover and inlay hints in the core, data-driven with caret markers (‸).
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { hover } from '../../server/src/core/services/hover';
import { inlayHints } from '../../server/src/core/services/inlayHints';
import { extractCarets } from '../support/carets';

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
    assert.match(text, /Inputs: reticulocytes 14 % \(line 9\), hematocrit 22 % \(line 8\)/);
    assert.match(text, /Maturation time: 2\\\.0 days \\\(hematocrit 16 to &lt; 26 %\\\)/);
    assert.match(text, /Hillman/);
    // The meaning leads, before the range detail; the RPI's working is shown once.
    assert.ok(text.startsWith('**Reticulocytes** `reticulocytes`\n\n**RPI 3\\.42**: the marrow is answering.\n'), text);
    assert.equal(text.split('Reticulocyte production index').length - 1, 1, 'one RPI block');
    assert.equal(text.split('the marrow is answering').length - 1, 1, 'the meaning said once');
  });

  it('on reticulocytes in anemia with a low RPI: what it means first', () => {
    const { analysis, position } = at('case: t-1\ntitle: T\n[patient]\nage: 30 y\nsex: female\n[labs]\nhemoglobin: 7.4 g/dL\nhematocrit: 22 %\nret‸iculocytes: 1 %\n');
    const text = hover(analysis, position)?.contents ?? '';
    assert.match(text, /^\*\*Reticulocytes\*\* `reticulocytes`\n\n\*\*RPI 0\\\.24\*\*: the marrow is not answering; almost no red\\-cell output\.\n/);
  });

  it('on a non-canonical unit: the canonical conversion; on a child: the child range', () => {
    const adult = at(HEMOLYSIS.replace('ret‸iculocytes', 'reticulocytes').replace('hemoglobin: 74', 'hemo‸globin: 74'));
    assert.match(hover(adult.analysis, adult.position)?.contents ?? '', /74 g\/L = \*\*7\\\.4 g\/dL\*\*/);
    const child = at('case: c-1\ntitle: C\n[patient]\nage: 3 y\n[labs]\nh‸b: 11 g/dL\n');
    const text = hover(child.analysis, child.position)?.contents ?? '';
    assert.match(text, /\(3 y, sex not given\): \*\*11\\\.5–13\\\.5 g\/dL\*\* \(Child 2–6 y\)/);
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

  it('on a lab repeated in one panel: no flag or indices on the second line, which the panel does not read', () => {
    const { analysis, position } = at('case: a\ntitle: T\n[labs]\nhemoglobin: 7 g/dL\nhemo‸globin: 17 g/dL\n');
    const text = hover(analysis, position)?.contents ?? '';
    assert.match(text, /Value: 17 g\/dL/);
    assert.match(text, /already has `hemoglobin` on line 4/);
    assert.doesNotMatch(text, /Flag:/);
  });

  it('escapes links: a URL in a case is not made a link', () => {
    const { analysis, position } = at('case: a\ntitle: T\n[labs]\ndat: https://evil.example/‸x\n');
    const text = hover(analysis, position)?.contents ?? '';
    assert.match(text, /https\\:/);
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
