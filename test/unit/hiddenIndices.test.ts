// The learner view hides derived indices the case (`hide-indices:`), the bank (casewright.json
// `learnerView.hideIndices`) or the preview's toggle says to; the answer view, hovers and inlay
// hints keep showing them to the author.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { readConfigText } from '../../server/src/core/config/config';
import { codeActions } from '../../server/src/core/services/codeActions';
import { complete } from '../../server/src/core/services/completion';
import { hover } from '../../server/src/core/services/hover';
import { inlayHints } from '../../server/src/core/services/inlayHints';
import { renderCaseBody, renderCaseDocument } from '../../server/src/core/render/renderCase';
import type { LearnerViewOptions } from '../../server/src/core/model/hiddenIndices';
import { applyTextEdits } from '../support/textEdits';

const caseWith = (header: string) => `case: rpi-01
title: Work out the RPI
${header}
[patient]
age: 40 y
sex: female

[labs]
hemoglobin: 7.0 g/dL
hematocrit: 21 %
reticulocytes: 3.0 %
rbc: 2.3 x10^12/L
`;

/** The derived indices the learner view's labs table shows, by id, and the article's `data-indices`. */
function shown(text: string, view: 'learner' | 'answer' = 'learner', learner: LearnerViewOptions = {}) {
  const html = renderCaseBody(analyzeCase(text), view, learner);
  const ids = [...html.matchAll(/<tr class="index" data-index="([a-z-]+)"/g)].map((m) => m[1]);
  return { ids, state: /data-indices="([a-z]+)"/.exec(html)?.[1], html };
}

describe('hiding derived indices from the learner view', () => {
  const all = shown(caseWith('')).ids;

  it('shows every index by default, and says the view hides none', () => {
    assert.ok(all.includes('rpi') && all.includes('corrected-reticulocytes') && all.includes('mcv'), all.join());
    assert.equal(shown(caseWith('')).state, 'shown');
    assert.equal(shown('case: none-01\ntitle: N\n[labs]\nplatelets: 20 x10^9/L\n').state, 'none');
  });

  it('`hide-indices: yes` hides them all in the learner view only; the answer view keeps them', () => {
    const text = caseWith('hide-indices: yes');
    const learner = shown(text);
    assert.deepEqual(learner.ids, []);
    assert.equal(learner.state, 'hidden');
    assert.doesNotMatch(learner.html, /Derived indices|Reticulocyte production index/);
    assert.deepEqual(shown(text, 'answer').ids, all);
    assert.deepEqual(analyzeCase(text).diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('a list hides the indices it names (any case), the others stay', () => {
    const { ids, state } = shown(caseWith('hide-indices: RPI, corrected-reticulocytes'));
    assert.deepEqual(ids, all.filter((id) => id !== 'rpi' && id !== 'corrected-reticulocytes'));
    assert.equal(state, 'hidden');
  });

  it('the bank\'s setting applies to a case without the field; the case\'s own `no` overrides it', () => {
    assert.deepEqual(shown(caseWith(''), 'learner', { bankHideIndices: true }).ids, []);
    assert.deepEqual(shown(caseWith(''), 'learner', { bankHideIndices: ['rpi'] }).ids, all.filter((id) => id !== 'rpi'));
    assert.deepEqual(shown(caseWith('hide-indices: no'), 'learner', { bankHideIndices: true }).ids, all);
  });

  it('the preview\'s toggle overrides case and bank, both ways', () => {
    assert.deepEqual(shown(caseWith('hide-indices: yes'), 'learner', { hideIndicesOverride: false }).ids, all);
    assert.deepEqual(shown(caseWith('hide-indices: no'), 'learner', { bankHideIndices: false, hideIndicesOverride: true }).ids, []);
  });

  it('a teacher\'s page (both views) hides them in its learner article and shows them in its answer article', () => {
    const page = renderCaseDocument(analyzeCase(caseWith('hide-indices: rpi')), { view: 'both', mode: 'standalone', nonce: 'n', styles: [], scripts: [] });
    const [learner, answer] = page.split('<article hidden ');
    assert.doesNotMatch(learner, /data-index="rpi"/);
    assert.match(answer, /data-index="rpi"/);
  });

  it('the editor still shows them to the author: hover and inlay hints', () => {
    const text = caseWith('hide-indices: yes');
    const analysis = analyzeCase(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('reticulocytes'));
    assert.match(hover(analysis, { line, character: 2 })?.contents ?? '', /RPI/);
    const hints = inlayHints(analysis, { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }, { rpi: true, conversions: true });
    assert.ok(hints.some((h) => h.label.startsWith('RPI')), JSON.stringify(hints));
  });

  it('an id that is no index is an error with did-you-mean and its fix; `yes` beside ids is an error', () => {
    const text = caseWith('hide-indices: rip, mcv');
    const analysis = analyzeCase(text);
    const [unknown] = analysis.diagnostics.filter((d) => d.code === 'unknown-value');
    assert.match(unknown.message, /^`rip` is not a derived index\. Did you mean `rpi`\?/);
    const action = codeActions(analysis, unknown.range, [unknown], 'file:///a.case').find((a) => a.title === 'Change to `rpi`');
    assert.ok(action);
    assert.match(applyTextEdits(text, action.edit.changes['file:///a.case']), /^hide-indices: rpi, mcv$/m);
    const mixed = analyzeCase(caseWith('hide-indices: yes, rpi')).diagnostics.filter((d) => d.code === 'invalid-value');
    assert.deepEqual(mixed.map((d) => d.message), ['`yes` stands alone in `hide-indices`: write `yes`, `no`, or a list of index ids.']);
    assert.deepEqual(analyzeCase(caseWith('hide-indices: rpi!')).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), ['invalid-value'], 'the schema says it once');
  });

  it('completes `yes`, `no` and the index ids, then only ids not listed yet', () => {
    const labels = (header: string) => {
      const text = caseWith(header);
      const line = text.split('\n').findIndex((l) => l.startsWith('hide-indices'));
      return complete(analyzeCase(text), { line, character: header.length }, []).map((c) => c.label);
    };
    assert.deepEqual(labels('hide-indices: ').slice(0, 3), ['yes', 'no', 'mcv']);
    const after = labels('hide-indices: rpi, ');
    assert.ok(after.includes('corrected-reticulocytes') && !after.includes('rpi') && !after.includes('yes'), after.join());
  });

  it('casewright.json: `learnerView.hideIndices` is true, false or index ids; an unknown id is named', () => {
    assert.deepEqual(readConfigText('{ "learnerView": { "hideIndices": true } }'), { config: { learnerView: { hideIndices: true } }, errors: [] });
    assert.deepEqual(readConfigText('{ "learnerView": { "hideIndices": ["rpi"] } }').errors, []);
    assert.match(readConfigText('{ "learnerView": { "hideIndices": ["rip"] } }').errors[0], /^`learnerView.hideIndices` names 'rip', which is not a derived index; known indices: mcv, /);
    assert.equal(readConfigText('{ "learnerView": { "hideIndices": "yes" } }').errors.length > 0, true);
    assert.match(readConfigText('{ "learnerView": { "hide": true } }').errors.join(), /unknown setting `hide`/);
  });
});
