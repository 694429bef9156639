// The rendered case in real headless Chromium: each view, the toggle, the reveal steps, the
// chart, and injection proven inert (a flag any executed script would set stays unset).
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { standalonePage } from '../../server/src/cli/renderCommand';
import { renderCaseBody } from '../../server/src/core/render/renderCase';
import { renderDocumentShell } from '../../server/src/core/render/documentShell';
import { readPreviewAssets } from '../../server/src/node/previewAssets';
import { launchChromium, waitUntilTrue, RESULTS } from '../support/browser';
import { INJECTION_CASE } from '../support/injection';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');

describe('case preview in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const errors: string[] = [];

  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterEach(async () => { await page?.close(); });

  async function load(text: string, view: 'learner' | 'answer' | 'both', name: string) {
    const file = path.join(RESULTS, `${name}.html`);
    writeFileSync(file, standalonePage(analyzeCase(text), view));
    await page.goto(`file://${file}`);
  }

  it('learner view: stages revealed step by step, no answer in the page', async () => {
    await load(readFileSync(path.join(SAMPLES, 'b12-deficiency-01.case'), 'utf8'), 'learner', 'learner');
    assert.equal(await page.locator('.stage-labs').isVisible(), false, 'labs wait for the first reveal');
    await page.screenshot({ path: path.join(RESULTS, 'preview-learner.png'), fullPage: true });
    await page.getByRole('button', { name: 'Reveal labs' }).click();
    assert.equal(await page.locator('.stage-labs').isVisible(), true);
    assert.equal(await page.locator('.stage-smear').isVisible(), false);
    await page.getByRole('button', { name: /Reveal blood smear/ }).click();
    assert.equal(await page.locator('.stage-smear').isVisible(), true);
    assert.equal(await page.locator('.answer').count(), 0);
    assert.ok((await page.locator('table.labs tr.flagged').count()) > 0, 'flags shown');
    const points = await page.locator('svg.chart-hemoglobin circle').count();
    assert.ok(points >= 2, `chart points: ${points}`);
    await page.screenshot({ path: path.join(RESULTS, 'preview-learner-revealed.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  it('the toggle switches between learner and answer views', async () => {
    await load(readFileSync(path.join(SAMPLES, 'warm-aiha-01.case'), 'utf8'), 'both', 'both');
    assert.equal(await page.locator('article.view-answer').isVisible(), false);
    await page.getByRole('button', { name: 'Answer view' }).click();
    assert.equal(await page.locator('article.view-answer').isVisible(), true);
    assert.equal(await page.locator('article.view-learner').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Answer view' }).getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('.answer-mechanism').innerText(), /^Peripheral destruction$/);
    assert.ok((await page.locator('ol.ranking > li').count()) >= 1);
    await page.screenshot({ path: path.join(RESULTS, 'preview-answer.png'), fullPage: true });
    await page.getByRole('button', { name: 'Learner view' }).click();
    assert.equal(await page.locator('article.view-learner').isVisible(), true);
  });

  it('to the side at a narrow width: flags on one line, long lab names shortened with the name on hover, the reference band shaded', async () => {
    await page.setViewportSize({ width: 360, height: 900 });
    const b12 = readFileSync(path.join(SAMPLES, 'b12-deficiency-01.case'), 'utf8').replace('[labs]\n', '[labs]\nmchc: 33.0 g/dL\n');
    await load(b12, 'answer', 'narrow');
    const flags = page.locator('table.labs td.flag.flag-critical-low, table.labs td.flag.flag-critical-high, table.labs td.flag.flag-low, table.labs td.flag.flag-high');
    assert.ok((await flags.count()) > 0);
    for (const cell of await flags.all()) {
      // The line boxes the flag's text occupies (the cell itself is as tall as its row).
      const lines = await cell.evaluate((el) => {
        // The test compiles without the DOM library: the page's document, typed as far as used.
        const { document } = globalThis as unknown as { document: { createRange(): { selectNodeContents(node: unknown): void; getClientRects(): ArrayLike<{ top: number }> } } };
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
      });
      assert.equal(lines, 1, `flag cell "${await cell.innerText()}" wraps over ${lines} lines`);
    }
    const abbr = page.locator('table.labs th abbr[title="Mean corpuscular hemoglobin concentration"]');
    assert.equal(await abbr.first().innerText(), 'MCHC');
    assert.equal(await page.locator('table.labs td.value').first().innerText(), '33.0', 'the value as written');
    assert.ok((await page.locator('svg.chart rect.reference').count()) > 0, 'reference band shaded');
    // The chart's axis names the stages as the tables' headings do, and at this width no two
    // of its labels overprint each other.
    const stages = await page.locator('div.panel > h3').allInnerTexts();
    const ticks = page.locator('svg.chart-hemoglobin g.point text.tick');
    assert.deepEqual(await ticks.allTextContents(), stages);
    assert.ok(stages.length >= 3, stages.join(', '));
    const boxes = await Promise.all((await ticks.all()).map((t) => t.boundingBox()));
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1]!, boxes[i]!];
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      assert.ok(apart, `"${stages[i - 1]}" and "${stages[i]}" overlap on the axis`);
    }
    await page.screenshot({ path: path.join(RESULTS, 'preview-narrow.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  it('the editor preview\'s Hide indices toggle: pressed when the case hides some, and each click asks for the other state', async () => {
    // The webview's page as the extension builds it, with VS Code's API stood in for: messages the
    // page sends are collected, and the test answers them as the extension does (a new body).
    const text = readFileSync(path.join(SAMPLES, 'b12-deficiency-01.case'), 'utf8').replace('\n[patient]', 'hide-indices: rpi\n\n[patient]');
    const analysis = analyzeCase(text);
    const { css, js } = readPreviewAssets();
    const file = path.join(RESULTS, 'webview-indices.html');
    writeFileSync(file, renderDocumentShell(renderCaseBody(analysis, 'learner'), 'Case', {
      view: 'learner', mode: 'webview', nonce: 'bm9uY2U=', styles: [{ text: css }], scripts: [{ text: js }],
    }));
    await page.addInitScript(`window.__sent = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m), getState: () => undefined, setState: () => undefined });`);
    await page.goto(`file://${file}`);
    const sent = async () => JSON.parse(String(await page.evaluate('JSON.stringify(window.__sent.filter((m) => m.type !== "ready" && m.type !== "revealLine"))'))) as { type: string; hide?: boolean; view?: string }[];
    const answer = async (body: string, view: 'learner' | 'answer') => {
      await page.evaluate(`window.__sent.length = 0; window.postMessage(${JSON.stringify({ type: 'update', html: body, view })}, '*')`);
    };
    const toggle = page.getByRole('button', { name: 'Hide indices' });
    await page.getByRole('button', { name: 'Reveal labs' }).click();
    const rpiRows = page.locator('table.labs tr.index[data-index="rpi"]');
    const panelsWithRpi = analysis.clinical.panels.filter((p) => p.indices.has('rpi')).length;
    assert.ok(panelsWithRpi > 0);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the case hides the RPI');
    assert.equal(await rpiRows.count(), 0);
    assert.ok(await page.locator('table.labs tr.index').count() > 0, 'the other indices stay');

    await toggle.click();
    assert.deepEqual(await sent(), [{ type: 'setHideIndices', hide: false }]);
    await answer(renderCaseBody(analysis, 'learner', { hideIndicesOverride: false }), 'learner');
    await waitUntilTrue(page, 'document.querySelector(".indices-toggle").getAttribute("aria-pressed") === "false"');
    assert.equal(await rpiRows.count(), panelsWithRpi, 'shown on request');
    await page.screenshot({ path: path.join(RESULTS, 'preview-indices-shown.png'), fullPage: true });

    await toggle.click();
    assert.deepEqual(await sent(), [{ type: 'setHideIndices', hide: true }]);
    await answer(renderCaseBody(analysis, 'learner', { hideIndicesOverride: true }), 'learner');
    await waitUntilTrue(page, 'document.querySelector(".indices-toggle").getAttribute("aria-pressed") === "true"');
    assert.equal(await page.locator('table.labs tr.index').count(), 0, 'every index hidden');
    await page.screenshot({ path: path.join(RESULTS, 'preview-indices-hidden.png'), fullPage: true });

    // The answer view always shows them: the toggle is not offered there.
    await page.getByRole('button', { name: 'Answer view' }).click();
    assert.deepEqual(await sent(), [{ type: 'setView', view: 'answer' }]);
    await answer(renderCaseBody(analysis, 'answer'), 'answer');
    await page.locator('article.view-answer').waitFor();
    assert.equal(await toggle.isVisible(), false);
    assert.equal(await rpiRows.count(), panelsWithRpi);
    assert.deepEqual(errors, []);
  });

  it('scrolls to a source line on request and keeps its place across updates', async () => {
    const text = readFileSync(path.join(SAMPLES, 'b12-deficiency-01.case'), 'utf8');
    await load(text, 'answer', 'scroll');
    await page.setViewportSize({ width: 1000, height: 400 });
    const line = text.split('\n').findIndex((l) => l.startsWith('[marrow]'));
    // The same message the extension posts when the editor scrolls.
    // Browser-side code as strings: the test project has no DOM types (the core must not).
    await page.evaluate(`window.postMessage({ type: 'scrollToLine', line: ${line} }, '*')`);
    await waitUntilTrue(page, 'window.scrollY > 0');
    // The line at the reading position, as the page would report it back to the editor.
    const top = Number(await page.evaluate(`Math.max(...[...document.querySelectorAll('article:not([hidden]) [data-line]')]
      .filter((e) => { const b = e.getBoundingClientRect(); return b.height > 0 && b.bottom > 0 && b.top <= 41; })
      .map((e) => Number(e.dataset.line)))`));
    assert.equal(top, line);
    const before = await page.evaluate('window.scrollY');
    const body = String(await page.evaluate("document.getElementById('case-root').innerHTML"));
    await page.evaluate(`window.postMessage({ type: 'update', html: ${JSON.stringify(body.replace('Tired, breathless', 'Tired and breathless'))}, view: 'answer' }, '*')`);
    await page.locator('h1', { hasText: 'Tired and breathless' }).first().waitFor();
    assert.equal(await page.evaluate('window.scrollY'), before);
  });

  it('learner view: asks the questions after their stage and reveals feedback on a choice', async () => {
    await load(readFileSync(path.join(SAMPLES, 'thal-major-01.case'), 'utf8'), 'learner', 'questions-learner');
    assert.equal(await page.locator('.question[data-question="rpi"]').isVisible(), false, 'labs questions wait for the labs');
    await page.getByRole('button', { name: 'Reveal labs' }).click();
    const rpi = page.locator('.question[data-question="rpi"]');
    assert.equal(await rpi.isVisible(), true);
    assert.equal(await rpi.locator('.q-key').isVisible(), false);
    await rpi.getByRole('button', { name: 'Show answer' }).click();
    assert.match(await rpi.locator('.q-key').innerText(), /0\.84/);
    assert.equal(await rpi.locator('.q-explanation').isVisible(), true);

    const response = page.locator('.question[data-question="response"]');
    await response.getByRole('button', { name: /^Adequate: the production index/ }).click();
    assert.match(await response.locator('.q-option.chosen').getAttribute('class') ?? '', /wrong/);
    assert.equal(await response.locator('.q-feedback').first().isVisible(), true);
    await response.getByRole('button', { name: /^Inadequate: the production index/ }).click();
    assert.match(await response.locator('.q-option.chosen').getAttribute('class') ?? '', /right/);
    assert.equal(await response.locator('.q-option.chosen').count(), 1, 'single best answer: one choice at a time');

    assert.equal(await page.locator('.question[data-question="mechanism"]').isVisible(), false, 'the mechanism waits for the marrow');
    await page.getByRole('button', { name: /Reveal blood smear/ }).click();
    await page.getByRole('button', { name: /Reveal bone marrow/ }).click();
    assert.equal(await page.locator('.question[data-question="mechanism"]').isVisible(), true);
    const order = await page.locator('.question').evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { question: string } }).dataset.question));
    assert.deepEqual(order, ['rpi', 'response', 'mechanism']);
    await page.screenshot({ path: path.join(RESULTS, 'preview-questions-learner.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  it('answer view: every key and all feedback shown', async () => {
    await load(readFileSync(path.join(SAMPLES, 'thal-major-01.case'), 'utf8'), 'answer', 'questions-answer');
    const mechanism = page.locator('.question[data-question="mechanism"]');
    assert.equal(await mechanism.locator('.q-correct').count(), 1);
    assert.match(await mechanism.locator('.q-option.right').innerText(), /Ineffective hematopoiesis/);
    assert.equal(await mechanism.locator('.q-feedback').count(), 4);
    for (const feedback of await mechanism.locator('.q-feedback').all()) assert.equal(await feedback.isVisible(), true);
    assert.match(await page.locator('.question[data-question="rpi"] .q-key').innerText(), /Answer: 0\.84/);
    assert.equal(await page.getByRole('button', { name: 'Show answer' }).count(), 0);
    await page.screenshot({ path: path.join(RESULTS, 'preview-questions-answer.png'), fullPage: true });
  });

  it('carries a strict Content-Security-Policy', async () => {
    await load(readFileSync(path.join(SAMPLES, 'itp-01.case'), 'utf8'), 'learner', 'csp');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /^default-src 'none'; .*script-src 'nonce-[A-Za-z0-9+/=]+'/);
  });

  it('renders an injection case as text and runs nothing', async () => {
    for (const view of ['learner', 'answer', 'both'] as const) {
      await load(INJECTION_CASE, view, `injection-${view}`);
      for (const button of await page.getByRole('button', { name: /Reveal/ }).all()) await button.click().catch(() => undefined);
      assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined, `${view}: a script ran`);
      assert.equal(await page.locator('body').isVisible(), true, `${view}: CSS from the case applied`);
      assert.match(await page.locator('h1').first().innerText(), /<script>window.__pwned=1<\/script>/);
    }
    await page.screenshot({ path: path.join(RESULTS, 'preview-injection.png'), fullPage: true });
    assert.deepEqual(dialogs, []);
  });
});
