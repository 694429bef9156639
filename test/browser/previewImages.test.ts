// Images in real headless Chromium under the preview's strict CSP. The webview is played by a
// local HTTP origin standing in for the webview's resource origin (`cspSource`): the page is the
// shell the extension builds, its images mapped by withImageSources as the extension maps them
// with asWebviewUri. An image from any other origin is refused by the CSP; a missing image shows
// its alt text and is never requested. The static export's pages show the copied images too.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { getCaseService, renderDocumentShell, withImageSources } from '../../server/src/core';
import { readPreviewAssets } from '../../server/src/node/previewAssets';
import { resourceExists } from '../../server/src/node/resourceExists';
import { launchChromium, waitUntilTrue, RESULTS } from '../support/browser';
import { runCli, tempBank } from '../support/runCli';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');
const SVG = readFileSync(path.join(SAMPLES, 'images', 'thal-smear.svg'));

const CASE = `case: pics-01
title: Pictures

[history]
Pale for a month.
![A drawing of a smear](images/smear.svg)

[smear]
findings: target-cells
image: images/missing.svg
alt: A smear that is not there

[question: after history]
type: single
stem: Which cell?
image: images/elsewhere.svg
alt: Loaded from another origin
option: * A target cell
image: images/smear.svg
alt: The same drawing, with an option
option: A spherocyte
`;

describe('images in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let server: Server;
  let origin: string;
  let otherOrigin: string;
  const requested: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      const url = request.url ?? '/';
      requested.push(url);
      if (url.endsWith('.svg')) response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG);
      else if (url === '/page.html') response.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(path.join(RESULTS, 'preview-images.html')));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
    otherOrigin = `http://localhost:${port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  beforeEach(async () => { page = await browser.newPage(); });
  afterEach(async () => { await page?.close(); });

  const widths = () => page.evaluate(`[...document.querySelectorAll('img')].map((img) => [img.getAttribute('alt'), img.complete ? img.naturalWidth : -1])`) as Promise<[string, number][]>;

  it('the preview shows the case\'s images from the webview origin under the strict CSP, and nothing from elsewhere', async () => {
    const service = getCaseService();
    const analysis = service.analyze(CASE, { resourceExists: (p) => p !== 'images/missing.svg' });
    const { sources, paths } = service.previewImageSources(analysis);
    // As the extension maps them: the workspace's images through the webview origin; one
    // "escaping" path given a foreign URI, to prove the CSP, not the mapping, is what refuses it.
    const body = withImageSources(service.renderBody(analysis, 'learner', {}, sources), (i) => (paths[i] === 'images/elsewhere.svg' ? `${otherOrigin}/bank/${paths[i]}` : `${origin}/bank/${paths[i]}`));
    const { css } = readPreviewAssets();
    const nonce = randomBytes(16).toString('base64');
    const html = renderDocumentShell(body, 'Pictures', { view: 'learner', mode: 'webview', nonce, cspSource: origin, styles: [{ text: css }], scripts: [] });
    assert.match(html, new RegExp(`img-src ${origin.replace(/[.:/]/g, '\\$&')} data:;`), 'img-src: the webview origin and data: only');
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'preview-images.html'), html);
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
    requested.length = 0;
    await page.goto(`${origin}/page.html`);
    await waitUntilTrue(page, `[...document.querySelectorAll('img')].every((img) => img.complete)`);
    const loaded = new Map(await widths());
    assert.equal(loaded.get('A drawing of a smear'), 320, 'the history image, from the webview origin');
    assert.equal(loaded.get('The same drawing, with an option'), 320, 'the option image');
    assert.equal(loaded.get('Loaded from another origin'), 0, 'refused by img-src');
    assert.ok(violations.some((v) => v.includes(otherOrigin)), violations.join('\n'));
    assert.equal(await page.locator('.image-missing', { hasText: 'A smear that is not there' }).count(), 1, 'the missing image as its alt text');
    assert.ok(!requested.some((url) => url.includes('missing')), `never requested: ${requested.join(', ')}`);
    assert.ok(!requested.some((url) => url.includes('casewright-image')));
    await page.screenshot({ path: path.join(RESULTS, 'preview-images.png'), fullPage: true });
  });

  it('the html export copies the images beside the pages, and its pages show them', async () => {
    const bank = tempBank({ 'cases/pics.case': CASE.replace('images/missing.svg', 'images/smear.svg').replace('images/elsewhere.svg', 'images/smear.svg') });
    try {
      mkdirSync(path.join(bank.dir, 'cases', 'images'));
      writeFileSync(path.join(bank.dir, 'cases', 'images', 'smear.svg'), SVG);
      assert.equal(resourceExists(path.join(bank.dir, 'cases', 'pics.case'), 'images/smear.svg'), true);
      const run = runCli(['export', 'cases', '-o', 'site', '--answers'], bank.dir);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(readFileSync(path.join(bank.dir, 'site', 'media', 'pics-01', 'images', 'smear.svg')), SVG);
      for (const view of ['cases', 'answers']) {
        await page.goto(`file://${path.join(bank.dir, 'site', view, 'pics-01.html')}`);
        await waitUntilTrue(page, `[...document.querySelectorAll('img')].every((img) => img.complete)`);
        const shown = await widths();
        assert.ok(shown.length >= 3, JSON.stringify(shown));
        for (const [alt, width] of shown) assert.equal(width, 320, `${view}: ${alt}`);
      }
    } finally {
      bank.cleanup();
    }
  });
});
