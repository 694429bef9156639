// Values as the author wrote them: `1.0 %` stays `1.0 %`, and a value entered in another unit
// than the canonical one is quoted in that unit with the conversion beside it, in the preview's
// table and charts, `explain` (text and the JSON's added `written` fields), hovers and messages.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { explainCase, renderExplainText } from '../../server/src/core/clinical/explainReport';
import { quotedValue } from '../../server/src/core/model/writtenValue';
import { renderCaseBody } from '../../server/src/core/render/renderCase';
import { hover } from '../../server/src/core/services/hover';

const CASE = `case: written-01
title: Units as written

[patient]
age: 58 y
sex: female

[labs]
hemoglobin: 72 g/L
hematocrit: 22 %
mcv: 118 fL
reticulocytes: 1.0 %
b12: 52 pmol/L
ferritin: 30 ug/L
bilirubin-total: 41 umol/L
ldh: 2100 U/L
haptoglobin: 70 mg/dL

[labs: day 7]
hemoglobin: 81 g/L
hematocrit: 25 %
reticulocytes: 10 %

[smear]
findings: hypersegmented-neutrophils, macro-ovalocytes

[answer]
mechanism: ineffective-hematopoiesis
`;

const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));

describe('values as the author wrote them', () => {
  const analysis = analyzeCase(CASE);
  const first = analysis.clinical.panels[0];
  const result = (key: string) => first.labs.get(key)!.result;

  it('quotes a value in its own unit with the canonical value beside it, and a canonical one as typed', () => {
    assert.equal(quotedValue(result('b12')), '52 pmol/L (= 70 pg/mL)');
    assert.equal(quotedValue(result('hemoglobin')), '72 g/L (= 7.2 g/dL)');
    assert.equal(quotedValue(result('bilirubin-total')), '41 umol/L (= 2.4 mg/dL)');
    assert.equal(quotedValue(result('ferritin')), '30 ug/L (= 30 ng/mL)');
    assert.equal(quotedValue(result('reticulocytes')), '1.0 %');
    const bare = analyzeCase('case: a-01\ntitle: A\n[labs]\nhemoglobin: 7.0\n').clinical.panels[0].labs.get('hemoglobin')!.result;
    assert.equal(quotedValue(bare), '7.0 g/dL', 'no unit written: the unit it was read in');
  });

  it('preview: the table keeps the number as written with the conversion beside it; chart tooltips quote it too', () => {
    const html = renderCaseBody(analysis, 'learner');
    assert.match(html, /<td class="value">52<\/td><td>pmol\/L <span class="converted">\(= 70 pg\/mL\)<\/span><\/td>/);
    assert.match(html, /<td class="value">1\.0<\/td><td>%<\/td>/);
    assert.match(html, /<title>At presentation: 72 g\/L \(= 7\.2 g\/dL\)<\/title>/);
    assert.match(html, /<title>At presentation: 1\.0 %<\/title>/);
    // The point's label: the number as typed in the chart's unit (`1.0`), the converted one otherwise.
    assert.match(html, /<title>At presentation: 1\.0 %<\/title><\/circle><text class="value" [^>]*>1\.0<\/text>/);
    assert.match(html, /<title>At presentation: 72 g\/L \(= 7\.2 g\/dL\)<\/title><\/circle><text class="value" [^>]*>7\.2<\/text>/);
    assert.match(html, /<desc id="chart-hemoglobin-desc">At presentation: 72 g\/L \(= 7\.2 g\/dL\); day 7: 81 g\/L \(= 8\.1 g\/dL\)<\/desc>/);
  });

  it('explain text quotes the inputs and the evidence as written', () => {
    const text = renderExplainText(analysis);
    assert.match(text, /Reticulocyte production index [\d.]+ = .*\(reticulocytes 1\.0 %, hematocrit 22 %; maturation time/);
    assert.match(text, /MCHC \(calculated\) [\d.]+ g\/dL = hemoglobin × 100 \/ hematocrit \(hemoglobin 72 g\/L \(= 7\.2 g\/dL\), hematocrit 22 %\)/);
    assert.match(text, /Vitamin B12 52 pmol\/L \(= 70 pg\/mL\) \(low\)/);
  });

  it('explain JSON adds `written` beside the fields it had, which keep their canonical values', () => {
    const report = explainCase(analysis);
    const rpi = report.indices.rpi;
    assert.deepEqual(rpi.inputs.map((i) => [i.id, i.value, i.unit, i.written]), [['reticulocytes', 1, '%', '1.0 %'], ['hematocrit', 22, '%', '22 %']]);
    const mchc = report.indices.mchc;
    assert.deepEqual(mchc.inputs[0], { id: 'hemoglobin', value: 7.2, unit: 'g/dL', line: lineOf(CASE, 'hemoglobin') + 1, written: '72 g/L (= 7.2 g/dL)' });
    const observations = report.mechanisms.flatMap((m) => m.evidence.flatMap((e) => e.observations));
    const b12 = observations.find((o) => o.text.startsWith('Vitamin B12'));
    assert.ok(b12, JSON.stringify(observations));
    assert.equal(b12.text, 'Vitamin B12 70 pg/mL (low)', 'the text is what it was');
    assert.equal(b12.written, 'Vitamin B12 52 pmol/L (= 70 pg/mL) (low)');
    const same = observations.find((o) => o.text.startsWith('Mean corpuscular volume'));
    assert.ok(same && same.written === undefined, 'no `written` when it says the same');
  });

  it('hover: the lab line and the index working quote the values as written', () => {
    const b12 = hover(analysis, { line: lineOf(CASE, 'b12'), character: 1 })?.contents ?? '';
    assert.match(b12, /Value: 52 pmol\/L = \*\*70 pg\/mL\*\*/);
    const retic = hover(analysis, { line: lineOf(CASE, 'reticulocytes'), character: 1 })?.contents ?? '';
    assert.match(retic, /Inputs: reticulocytes 1\\\.0 % \(line \d+\), hematocrit 22 % \(line \d+\)/);
    const hemoglobin = hover(analysis, { line: lineOf(CASE, 'hemoglobin'), character: 1 })?.contents ?? '';
    assert.match(hemoglobin, /Value: 72 g\/L = \*\*7\\\.2 g\/dL\*\*/);
  });

  it('messages quote the value as written: a contradicted value, an implausible one', () => {
    const stated = analyzeCase('case: a-01\ntitle: A\n[labs]\nhemoglobin: 72 g/L\nhematocrit: 22 %\nmchc: 250 g/L\n');
    const inconsistent = stated.diagnostics.find((d) => d.code === 'inconsistent-value');
    assert.ok(inconsistent);
    assert.match(inconsistent.message, /^Mean corpuscular hemoglobin concentration is given as 250 g\/L \(= 25 g\/dL\), but the case's own values give 32\.7 g\/dL \(hemoglobin 72 g\/L \(= 7\.2 g\/dL\), hematocrit 22 %\)\./);
    const implausible = analyzeCase('case: a-01\ntitle: A\n[labs]\nreticulocytes: 150.0 %\n').diagnostics.find((d) => d.code === 'implausible-value');
    assert.match(implausible?.message ?? '', /^Reticulocytes 150\.0 % is outside/);
  });
});
