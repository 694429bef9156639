// `[smear]` repeats like `[labs]` (`[smear: day 7]`): the model pairs each smear with the labs
// panel of its qualifier, keeps "the smear" of older code as the unqualified one, and the editor
// features (outline, folding, completion, hover, preview) see every smear.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { renderCaseBody } from '../../server/src/core/render/renderCase';
import { complete } from '../../server/src/core/services/completion';
import { documentSymbols, SYMBOL_KIND } from '../../server/src/core/services/documentSymbols';
import { foldingRanges } from '../../server/src/core/services/foldingRanges';
import { hover } from '../../server/src/core/services/hover';
import { extractCarets } from '../support/carets';
import { withHeader } from '../support/cases';

const SERIAL = withHeader([
  '[labs]', //                                  2
  'hemoglobin: 6.8 g/dL', //                    3
  '[smear: Day  7]', //                         4
  'findings: spherocytes, polychromasia', //    5
  'note: more young cells', //                  6
  '[labs: day 7]', //                           7
  'hemoglobin: 7.9 g/dL', //                    8
  '[smear]', //                                 9
  'findings: spherocytes', //                   10
  '[smear: admission]', //                      11
  'findings: sickle-cells', //                  12
  '',
].join('\n'));

describe('[smear] per timepoint', () => {
  it('the model lists every smear in file order, each paired with the labs panel of its qualifier', () => {
    const { model, diagnostics } = analyzeCase(SERIAL);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(model.smears.map((s) => [s.label, s.index, s.panelIndex, s.findings.map((f) => f.text)]), [
      ['Day  7', 0, 1, ['spherocytes', 'polychromasia']],
      ['initial', 1, 0, ['spherocytes']],
      ['admission', 2, undefined, ['sickle-cells']],
    ]);
    assert.equal(model.smears[0].time?.days, 7);
    assert.equal(model.smears[0].note?.value, 'more young cells');
    assert.equal(model.panels[0].smear, model.smears[1]);
    assert.equal(model.panels[1].smear, model.smears[0]);
  });

  it('"the smear" of older code is the unqualified one, wherever it stands in the file', () => {
    const { model } = analyzeCase(SERIAL);
    assert.deepEqual(model.smearFindings.map((f) => f.text), ['spherocytes']);
    assert.equal(model.sections.get('smear')?.headerRange.start.line, 9);
  });

  it('without an unqualified smear, the first in the file stands for "the smear"', () => {
    const { model } = analyzeCase(withHeader('[smear: day 3]\nfindings: bite-cells\n[smear: day 1]\nfindings: heinz-bodies\n'));
    assert.deepEqual(model.smearFindings.map((f) => f.text), ['bite-cells']);
    assert.equal(model.smears[0].panelIndex, undefined);
  });

  it('a single unqualified smear reads exactly as before', () => {
    const { model } = analyzeCase(withHeader('[labs]\nhb: 7 g/dL\n[smear]\nfindings: Target-Cells\n'));
    assert.equal(model.smears.length, 1);
    assert.deepEqual(model.smearFindings.map((f) => f.text), ['Target-Cells']);
    assert.equal(model.panels[0].smear, model.smears[0]);
  });

  it('an alias key is stored under its field: ring-sideroblasts is ringed-sideroblasts', () => {
    const { model, diagnostics } = analyzeCase(withHeader('[marrow]\nring-sideroblasts: 40 %\ninfiltrate: Plasma-Cells\ninfiltrate-percent: 60 %\n'));
    assert.deepEqual(diagnostics, []);
    assert.equal(model.marrow.get('ringed-sideroblasts')?.value, '40 %');
    assert.equal(model.marrow.get('infiltrate')?.value, 'Plasma-Cells');
  });

  it('the outline names each smear by its qualifier, as a timepoint; each smear folds', () => {
    const { model } = analyzeCase(SERIAL);
    const smears = documentSymbols(model).filter((s) => s.name.startsWith('smear'));
    assert.deepEqual(smears.map((s) => [s.name, s.kind]), [['smear: Day  7', SYMBOL_KIND.event], ['smear', SYMBOL_KIND.event], ['smear: admission', SYMBOL_KIND.event]]);
    const folds = foldingRanges(model.syntax).map((f) => `${f.startLine}-${f.endLine}`);
    for (const fold of ['4-6', '9-10', '11-12']) assert.ok(folds.includes(fold), `no fold ${fold} in ${folds.join(' ')}`);
  });

  it('completion offers a further [smear: day 7] but not a second unqualified [smear]', () => {
    const { text, positions } = extractCarets(`${SERIAL}[‸`);
    const labels = complete(analyzeCase(text), positions[0], []).map((i) => i.label);
    assert.ok(labels.includes('[smear: day 7]'), labels.join(' '));
    assert.ok(!labels.includes('[smear]'), labels.join(' '));
    const fresh = extractCarets(withHeader('[smear: day 7]\nnote: a\n[‸'));
    assert.ok(complete(analyzeCase(fresh.text), fresh.positions[0], []).some((i) => i.label === '[smear]'));
  });

  it('completion in a later smear offers the new findings, and a used alias key is not offered again', () => {
    const { text, positions } = extractCarets(withHeader('[smear: day 2]\nfindings: spherocytes, bli‸\n'));
    const labels = complete(analyzeCase(text), positions[0], []).map((i) => i.label);
    assert.ok(labels.includes('blister-cells') && labels.includes('bite-cells') && !labels.includes('spherocytes'), labels.join(' '));
    const keys = extractCarets(withHeader('[marrow]\nring-sideroblasts: 20 %\n‸\n'));
    const keyLabels = complete(analyzeCase(keys.text), keys.positions[0], []).map((i) => i.label);
    assert.ok(keyLabels.includes('infiltrate-percent') && !keyLabels.includes('ringed-sideroblasts'), keyLabels.join(' '));
  });

  it('hover explains the new words and fields', () => {
    const at = (marked: string) => {
      const { text, positions } = extractCarets(marked);
      return JSON.stringify(hover(analyzeCase(text), positions[0])?.contents ?? '');
    };
    assert.match(at(withHeader('[smear: day 1]\nfindings: bi‸te-cells\n')), /G6PD/);
    assert.match(at(withHeader('[smear]\nfindings: rouleaux, smudge‸-cells\n')), /lymphocytic leukemia/);
    assert.match(at(withHeader('[marrow]\ninfiltrate: hairy‸-cells\n')), /Hairy cell leukemia/);
    assert.match(at(withHeader('[marrow]\nring-sider‸oblasts: 20 %\n')), /`ringed-sideroblasts` — Erythroblasts with a ring/);
  });

  it('the preview shows every smear under its timepoint; a lone smear has no heading, as before', () => {
    const html = renderCaseBody(analyzeCase(SERIAL), 'learner');
    const smearStage = html.slice(html.indexOf('stage-smear'), html.indexOf('</section>', html.indexOf('stage-smear')));
    assert.deepEqual([...smearStage.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]), ['Day  7', 'At presentation', 'admission']);
    assert.match(smearStage, /sickle-cells/);
    const single = renderCaseBody(analyzeCase(withHeader('[smear]\nfindings: rouleaux\n')), 'learner');
    assert.doesNotMatch(single.slice(single.indexOf('stage-smear')), /<h3/);
  });
});
