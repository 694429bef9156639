// The statistics view's page in real headless Chromium under the policy the webview gets: the
// sheet and the script load from the resource origin (here file:), nothing inline runs without
// the nonce, the charts are styled, updates swap the body and keep the scroll, a click on a case
// id asks to open its file, and case text full of markup stays text.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { statsPage } from '../../client/src/stats/statsPage';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { computeBankStats } from '../../server/src/core/stats/bankStats';
import { renderStatsBody } from '../../server/src/core/stats/statsHtml';
import { launchChromium, waitUntilTrue, RESULTS } from '../support/browser';
import { INJECTION_CASE } from '../support/injection';

const MEDIA = path.resolve(__dirname, '..', '..', 'media');
const LABS_APLASIA = '\n[labs]\nhemoglobin: 6.8 g/dL\nhematocrit: 20 %\nreticulocytes: 0.1 %\nwbc: 1.4 10^9/L\nanc: 0.3 10^9/L\nplatelets: 9 10^9/L\n\n[marrow]\ncellularity: 5 %\nerythroid: absent\nmyeloid: hypoplastic\nmegakaryocytes: absent\n';
const CASES = {
  'file:///bank/a.case': `case: a-01\ntitle: A\ntags: aplasia\nstatus: ready\nreviewed-by: R\n${LABS_APLASIA}\n[answer]\nmechanism: aplasia\n`,
  'file:///bank/b.case': `case: b-01\ntitle: B\nstatus: draft\n${LABS_APLASIA}\n[answer]\nmechanism: blood-loss\n`,
  'file:///bank/inject.case': INJECTION_CASE,
};

function body(files: Record<string, string>): string {
  const stats = computeBankStats(Object.entries(files).map(([file, text]) => ({ file, analysis: analyzeCase(text) })));
  return renderStatsBody(stats, { openLinks: true });
}

describe('bank statistics view in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let violations: string[];
  let errors: string[];
  let dialogs: string[];

  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });
  beforeEach(async () => {
    violations = [];
    errors = [];
    dialogs = [];
    page = await browser.newPage({ viewport: { width: 900, height: 600 } });
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    // The webview's API, played by the test: what the page posts to the extension.
    await page.addInitScript('window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });');
  });
  afterEach(async () => { await page?.close(); });

  async function load(html: string, name: string) {
    const page_ = statsPage({
      body: html, nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=', cspSource: 'file:',
      styleHref: pathToFileURL(path.join(MEDIA, 'stats.css')).href, scriptHref: pathToFileURL(path.join(MEDIA, 'stats.js')).href,
    });
    const file = path.join(RESULTS, `${name}.html`);
    writeFileSync(file, page_);
    await page.goto(pathToFileURL(file).href);
  }

  it('loads its sheet and script under the policy: styled charts, the ready message, no violation', async () => {
    await load(body(CASES), 'stats-view');
    assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content') ?? '', /^default-src 'none'; .*style-src file:; script-src 'nonce-[^']+'/);
    assert.equal(await page.locator('svg[aria-label="Cases by status"] rect').count(), 3);
    const fill = await page.locator('svg rect').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(el).fill);
    assert.equal(fill, 'rgb(59, 110, 168)', 'the sheet colours the bars');
    assert.deepEqual(await page.evaluate('window.__posted'), [{ type: 'ready' }]);
    await page.screenshot({ path: path.join(RESULTS, 'stats-view.png'), fullPage: true });
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
  });

  it('a click on a case id in the engine table asks to open its file', async () => {
    await load(body(CASES), 'stats-view-click');
    await page.getByRole('link', { name: 'b-01' }).click();
    assert.deepEqual(await page.evaluate('window.__posted'), [{ type: 'ready' }, { type: 'open', file: 'file:///bank/b.case' }]);
  });

  it('an update swaps the body and keeps the scroll position', async () => {
    await load(body(CASES), 'stats-view-update');
    await page.evaluate('window.scrollTo(0, 300)');
    const before = Number(await page.evaluate('window.scrollY'));
    assert.ok(before > 0, 'the page scrolls');
    await page.evaluate(`window.postMessage({ type: 'update', html: ${JSON.stringify(body({ ...CASES, 'file:///bank/c.case': 'case: c-01\ntitle: C\nstatus: review\n' }))} }, '*')`);
    await waitUntilTrue(page, 'document.body.dataset.updates === "1"');
    assert.match(await page.locator('svg[aria-label="Cases by status"]').innerHTML(), />review</);
    assert.equal(await page.locator('.total').innerText(), '4 cases');
    assert.equal(Number(await page.evaluate('window.scrollY')), before);
    assert.deepEqual(violations, []);
  });

  it('case text full of markup is shown as text; an inline script without the nonce does not run', async () => {
    await load(body(CASES) + '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 1">', 'stats-view-inject');
    assert.equal(await page.evaluate('window.__pwned'), undefined, 'a script ran');
    const chartText = await page.locator('svg[aria-label="Cases by tag"]').innerHTML();
    assert.ok(chartText.includes('&lt;script&gt;'), 'the tag is escaped text');
    assert.ok(violations.length >= 1, 'the policy refused the planted script');
    assert.deepEqual(dialogs, []);
  });
});
