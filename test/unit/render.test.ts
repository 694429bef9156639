// The case renderer: one pure function behind the preview, `casewright render` and the export.
import { strict as assert } from 'node:assert';
import { readableLabel } from '../../server/src/core/catalog/labels';
import { MECHANISMS, SMEAR_FINDINGS } from '../../server/src/core/catalog/vocabulary';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { renderCaseBody, renderCaseDocument } from '../../server/src/core/render/renderCase';
import { INJECTION_CASE, PAYLOADS } from '../support/injection';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const sampleFiles = readdirSync(SAMPLES).filter((f) => f.endsWith('.case'));

const SERIAL = `case: serial-01
title: Serial
[patient]
age: 60 y
sex: female
[labs]
hemoglobin: 7.1 g/dL
hematocrit: 22 %
reticulocytes: 0.8 %
[labs: day 7]
hemoglobin: 8.4 g/dL
hematocrit: 26 %
reticulocytes: 9.5 %
[labs: day 30]
hemoglobin: 11.2 g/dL
reticulocytes: 1.5 %
[answer]
mechanism: ineffective-hematopoiesis
diagnosis: Pernicious anemia
explanation: Secret teaching point.
`;

describe('case renderer', () => {
  it('ships samples to render', () => assert.ok(sampleFiles.length >= 12, `${sampleFiles.length} samples`));

  for (const file of sampleFiles) {
    it(`renders ${file} in both views; the learner view holds no answer`, () => {
      const analysis = analyzeCase(readFileSync(path.join(SAMPLES, file), 'utf8'));
      const learner = renderCaseBody(analysis, 'learner');
      const answer = renderCaseBody(analysis, 'answer');
      const explanation = analysis.model.answer.get('explanation')?.value;
      const mechanism = analysis.model.answer.get('mechanism')?.value;
      assert.ok(mechanism && explanation, 'every sample has an answer');
      assert.ok(!learner.includes('class="answer"'));
      assert.ok(!learner.includes(explanation.slice(0, 40).replace(/&/g, '&amp;')));
      assert.ok(answer.includes('class="answer"'));
      assert.ok(answer.includes(`class="answer-mechanism">${readableLabel(mechanism)}<`));
      assert.match(answer, /engine&#39;s choice|engine's choice/);
      assert.match(learner, /<table class="labs"/);
      assert.match(learner, /data-line="\d+"/);
    });
  }

  it('shows readable labels, never slugs: mechanisms, smear findings, marrow fields and words', () => {
    const slugs = [...MECHANISMS, ...SMEAR_FINDINGS].map((t) => t.id).filter((id) => id.includes('-'));
    for (const file of sampleFiles) {
      const answer = renderCaseBody(analyzeCase(readFileSync(path.join(SAMPLES, file), 'utf8')), 'answer');
      // Headings, list items, table cells and the answer: the text a student reads.
      const read = [...answer.matchAll(/<(h3|li|th|td|dd)[^>]*>([^<]*)/g)].map((m) => m[2]);
      for (const slug of [...slugs, 'me-ratio', 'iron-stores', 'dry-tap']) assert.ok(!read.some((t) => t.includes(slug)), `${file}: ${slug}`);
    }
    const marrow = renderCaseBody(analyzeCase('case: a\ntitle: A\n[marrow]\nme-ratio: 1:6\niron-stores: absent\naspirate: dry-tap\n[smear]\nfindings: nucleated-rbcs, my-own-word\n'), 'learner');
    assert.match(marrow, /<th scope="row">M:E ratio<\/th><td>1:6<\/td>/);
    assert.match(marrow, /<th scope="row">Iron stores<\/th><td>Absent<\/td>/);
    assert.match(marrow, /<td>Dry tap<\/td>/);
    assert.match(marrow, />Nucleated RBCs<\/li>/);
    assert.match(marrow, />my-own-word<\/li>/, 'a word the catalog does not know stays as written');
  });

  it('the answer ranks the top mechanisms the evidence supports, each with evidence of its sign', () => {
    const text = readFileSync(path.join(SAMPLES, 'b12-deficiency-01.case'), 'utf8').replace(/^mechanism: .*$/m, 'mechanism: aplasia');
    const answer = renderCaseBody(analyzeCase(text), 'answer');
    const ranked = [...answer.matchAll(/<li class="mechanism" data-mechanism="([^"]+)">([\s\S]*?)<\/ul><\/li>/g)];
    assert.ok(ranked.length >= 2 && ranked.length <= 4, String(ranked.length));
    const stated = ranked.find((m) => m[1] === 'aplasia');
    assert.ok(stated, 'the answer\'s own mechanism is shown');
    assert.doesNotMatch(stated[2], /<li class="supports">/, 'a mechanism scoring below zero lists what argues against it');
    assert.match(stated[2], /<li class="argues-against">/);
  });

  it('flags values against this patient\'s range, not by colour alone', () => {
    const body = renderCaseBody(analyzeCase(SERIAL), 'learner');
    assert.match(body, /<tr class="flagged flag-low" data-line="6"><th scope="row">Hemoglobin<\/th><td class="value">7.1<\/td>/);
    assert.match(body, /<td class="flag flag-low"><span aria-hidden="true">↓<\/span> low<\/td>/);
    assert.match(body, /12–16/, 'adult female range');
  });

  it('shows values as written and long lab names shortened, the full name on hover', () => {
    const body = renderCaseBody(analyzeCase('case: a\ntitle: A\n[labs]\nreticulocytes: 1.0 %\nhemoglobin: 70 g/L\nmchc: 33.0 g/dL\n'), 'learner');
    assert.match(body, /<th scope="row">Reticulocytes<\/th><td class="value">1.0<\/td><td>%<\/td>/);
    assert.match(body, /<td class="value">70<\/td><td>g\/L <span class="converted">\(= 7 g\/dL\)<\/span><\/td>/);
    assert.match(body, /<th scope="row"><abbr title="Mean corpuscular hemoglobin concentration">MCHC<\/abbr><\/th><td class="value">33.0<\/td>/);
    const more = renderCaseBody(analyzeCase('case: a\ntitle: A\n[labs]\nldh: 900 U/L\ncrp: 12 mg/L\nbilirubin-indirect: 2.1 mg/dL\nferritin: 8 ng/mL\n'), 'learner');
    assert.match(more, /<th scope="row"><abbr title="Lactate dehydrogenase">LDH<\/abbr><\/th>/);
    assert.match(more, /<th scope="row"><abbr title="C-reactive protein">CRP<\/abbr><\/th>/);
    // A short name stays whole; a long one whose key is no abbreviation stays whole too.
    assert.match(more, /<th scope="row">Ferritin<\/th>/);
    assert.match(more, /<th scope="row">Indirect bilirubin<\/th>/);
  });

  it('shows derived indices with their formulas', () => {
    const body = renderCaseBody(analyzeCase(SERIAL), 'learner');
    assert.match(body, /<abbr title="Reticulocyte production index 0.20 = corrected reticulocytes/);
    assert.match(body, /maturation time 2.0 days \(hematocrit 16 to &lt; 26 %\)/);
  });

  it('draws serial panels as an SVG chart with a point per panel', () => {
    const body = renderCaseBody(analyzeCase(SERIAL), 'learner');
    const hb = /<svg class="chart chart-hemoglobin"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    assert.equal((hb.match(/<circle /g) ?? []).length, 3);
    assert.match(hb, /<desc id="chart-hemoglobin-desc">At presentation: 7.1 g\/dL; day 7: 8.4 g\/dL; day 30: 11.2 g\/dL<\/desc>/);
    // The axis names the stages as the tables' headings do, and this patient's range is shaded.
    const stages = [...body.matchAll(/<div class="panel"><h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);
    const ticks = [...hb.matchAll(/<text class="tick" x="[\d.]+" y="(1[45]\d)"[^>]*>([^<]*)<\/text>/g)].map((m) => [m[2], m[1]]);
    assert.deepEqual(ticks.map(([label]) => label), stages);
    // Day 7 sits close to day 0 on a month-long axis: its label drops to a second row rather than overprint.
    assert.deepEqual(ticks.map(([, y]) => y), ['140', '152', '140']);
    assert.deepEqual(stages, ['At presentation', 'day 7', 'day 30']);
    assert.match(hb, /<rect class="reference" [^>]*><title>reference range 12–16 g\/dL<\/title><\/rect>/);
    assert.match(body, /<svg class="chart chart-reticulocytes"/);
    assert.doesNotMatch(renderCaseBody(analyzeCase('case: a\ntitle: A\n[labs]\nhb: 7 g/dL\n'), 'learner'), /<svg/);
  });

  it('escapes every byte of case text: no payload survives unescaped', () => {
    const analysis = analyzeCase(INJECTION_CASE);
    for (const view of ['learner', 'answer'] as const) {
      const html = renderCaseDocument(analysis, { view, mode: 'standalone', nonce: 'abc', styles: [{ text: '' }], scripts: [] });
      // Markup must arrive as text; plain words like `javascript:` are harmless as text but
      // must never become a URL.
      for (const payload of PAYLOADS.filter((p) => /[<>"`]/.test(p))) assert.ok(!html.includes(payload), `${view}: raw payload ${payload}`);
      assert.doesNotMatch(html, /(href|src|action)\s*=\s*["']?\s*javascript:/i);
      assert.doesNotMatch(html, /<script>window|<img src=x|<svg onload|<\/style><style>body/);
      assert.equal((html.match(/<script/g) ?? []).length, 0, 'no script tags but the page\'s own');
    }
  });

  it('puts a strict CSP with the nonce first in the head', () => {
    const html = renderCaseDocument(analyzeCase(SERIAL), { view: 'learner', mode: 'webview', nonce: 'N0nce', cspSource: 'https://webview.test', styles: [{ href: 'https://webview.test/preview.css' }], scripts: [{ src: 'https://webview.test/preview.js' }] });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.equal(csp, "default-src 'none'; img-src https://webview.test data:; style-src https://webview.test 'nonce-N0nce'; script-src 'nonce-N0nce'; font-src https://webview.test; base-uri 'none'; form-action 'none'");
    assert.match(html, /<script src="https:\/\/webview.test\/preview.js" nonce="N0nce"><\/script>/);
  });
});
