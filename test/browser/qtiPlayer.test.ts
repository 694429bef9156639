// The QTI 3.0 export in a real QTI player nobody here wrote: @citolab/qti-components, served
// from node_modules on 127.0.0.1 with the package's items, in headless Chromium. Each item is
// answered right and wrong as a student would (clicking choices, typing answers, dragging items
// into order) and the score is read back from the player's own response processing.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { getCaseService } from '../../server/src/core';
import { launchChromium, waitUntilTrue } from '../support/browser';

const REPO = path.resolve(__dirname, '..', '..');
const PLAYER = path.join(REPO, 'node_modules', '@citolab', 'qti-components', 'cdn', 'index.js');

const MORE_TYPES = `case: more-types-01
title: More question types

[history]
Pale.

[question: after history]
id: low
type: multiple
stem: Which of these are red cell indices?
option: * Mean corpuscular volume
option: * Mean corpuscular hemoglobin
option: Platelet count
points: 2

[question: after history]
id: typed
type: short
stem: Name the index that corrects the reticulocyte count for maturation time.
answer: RPI
answer: reticulocyte production index

[question: after history]
id: threshold
type: numeric
stem: Below which hemoglobin are most adults transfused?
answer: 7
answer: 70
tolerance: 0.5
unit: g/dL (or g/L)

[question]
id: order
type: ordering
stem: Put the steps in order.
option: Blood count
option: Reticulocytes
option: Marrow
`;

describe('QTI 3.0 export in a QTI player (@citolab/qti-components)', function () {
  this.timeout(90_000);
  let browser: Browser;
  let page: Page;
  let server: Server;
  let origin: string;
  const errors: string[] = [];

  before(async () => {
    const service = getCaseService();
    const bank = service.createBank();
    const cases = [
      bank.set('thal.case', readFileSync(path.join(REPO, 'samples', 'thal-major-01.case'), 'utf8')),
      bank.set('more.case', MORE_TYPES),
    ].map((analysis) => ({ analysis, images: new Map<string, Uint8Array>(analysis.model.images.map((i) => [i.path, new Uint8Array(readFileSync(path.join(REPO, 'samples', i.path)))])) }));
    const zip = unzipSync(service.exportQuestions('qti', cases).files.get('questions.qti.zip') as Uint8Array);
    server = createServer((request, response) => {
      const url = decodeURIComponent((request.url ?? '/').split('?')[0]);
      const body = url === '/player.js' ? readFileSync(PLAYER) : url === '/' ? '<!DOCTYPE html><html><body><div id="root"></div></body></html>' : zip[url.slice(1)];
      if (!body) {
        response.writeHead(404).end();
        return;
      }
      const type = url === '/player.js' ? 'text/javascript' : url === '/' ? 'text/html' : url.endsWith('.svg') ? 'image/svg+xml' : 'application/xml';
      response.writeHead(200, { 'content-type': type }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  beforeEach(async () => {
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/`);
  });
  afterEach(async () => { await page?.close(); });

  /** Loads an item the way the player's own loader does (its XML → its custom elements). */
  async function loadItem(id: string): Promise<void> {
    // The item's own paths (../images/…) resolve against the item's location, as a package's do.
    await page.evaluate(`(async () => {
      const { qtiTransformItem } = await import('/player.js');
      const location = new URL('/items/${id}.xml', document.baseURI);
      const xml = await (await fetch(location)).text();
      document.getElementById('root').innerHTML = qtiTransformItem().parse(xml).path(location.href.slice(0, location.href.lastIndexOf('/'))).html();
      await customElements.whenDefined('qti-assessment-item');
    })()`);
    await page.locator('qti-assessment-item').waitFor();
  }

  async function score(): Promise<number> {
    return Number(await page.evaluate(`(() => {
      const item = document.querySelector('qti-assessment-item');
      item.processResponse();
      return item.getOutcome('SCORE').value;
    })()`));
  }

  async function choose(...labels: string[]): Promise<number> {
    for (const label of labels) await page.locator('qti-simple-choice', { hasText: label }).click();
    return score();
  }

  async function type(id: string, text: string): Promise<number> {
    await loadItem(id);
    await page.locator('qti-text-entry-interaction input').fill(text);
    await page.locator('qti-text-entry-interaction input').blur();
    return score();
  }

  it('single best answer: the key scores the points, a distractor scores 0, and its feedback shows', async () => {
    await loadItem('thal-major-01-response');
    assert.equal(await choose('Inadequate: the production index is below 2'), 1);
    await loadItem('thal-major-01-response');
    assert.equal(await choose('Adequate: the production index is 3 or more'), 0);
    await loadItem('thal-major-01-mechanism');
    assert.equal(await choose('Ineffective hematopoiesis'), 2);
    await loadItem('thal-major-01-mechanism');
    assert.equal(await choose('Blood loss'), 0);
    assert.equal(await page.evaluate(`document.querySelector('qti-assessment-item').getOutcome('FEEDBACK').value`), 'C1');
  });

  it('numeric: the key within its tolerance scores, a wrong number does not', async () => {
    assert.equal(await type('thal-major-01-rpi', '0.84'), 1);
    assert.equal(await type('thal-major-01-rpi', '0.9'), 1, 'within ± 0.1');
    assert.equal(await type('thal-major-01-rpi', '2.0'), 0);
  });

  it('the explanation opens as modal feedback once the answer is scored, right or wrong, beside the chosen option\'s feedback', async () => {
    const shown = async () => page.evaluate(`[...document.querySelectorAll('qti-modal-feedback')].filter((f) => f.showStatus === 'on').map((f) => f.textContent.trim().replace(/\\s+/g, ' '))`) as Promise<string[]>;
    assert.deepEqual(await shown(), [], 'nothing before an answer');
    assert.equal(await type('thal-major-01-rpi', '2.0'), 0);
    assert.equal(await page.evaluate(`document.querySelector('qti-assessment-item').getOutcome('EXPLANATION').value`), 'EXPLANATION');
    const [explanation] = await shown();
    assert.match(explanation, /^Corrected reticulocytes = /);
    await loadItem('thal-major-01-response');
    assert.equal(await choose('Adequate: the production index is 3 or more'), 0);
    const both = await shown();
    assert.equal(both.length, 2, both.join(' | '));
    assert.match(both[0], /^No: the RPI is 0\.84; 3 or more/, 'the chosen option\'s feedback');
    assert.match(both[1], /^An RPI below 2 in anemia/, 'the explanation');
    assert.deepEqual(errors, []);
  });

  it('numeric with several accepted answers: each scores within its tolerance, a number between them does not', async () => {
    assert.equal(await type('more-types-01-threshold', '7'), 1);
    assert.equal(await type('more-types-01-threshold', '7.4'), 1);
    assert.equal(await type('more-types-01-threshold', '70'), 1, 'the second accepted answer');
    assert.equal(await type('more-types-01-threshold', '69.6'), 1);
    assert.equal(await type('more-types-01-threshold', '35'), 0);
    assert.equal(await type('more-types-01-threshold', '8'), 0);
  });

  it('shows the case\'s images from the package: the smear drawing loads in the item that follows it', async () => {
    await loadItem('thal-major-01-mechanism');
    const image = page.locator('qti-assessment-item img[alt^="Drawing of the smear"]');
    await image.waitFor();
    await waitUntilTrue(page, `[...document.querySelectorAll('qti-assessment-item img')].every((img) => img.complete)`);
    assert.equal(await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), 320);
    assert.match(String(await image.evaluate((img) => (img as unknown as { src: string }).src)), /\/images\/thal-major-01-images-thal-smear-5ca225bc\.svg$/);
    assert.deepEqual(errors, []);
  });

  it('multiple response: all keys and no distractor score; a distractor scores 0', async () => {
    await loadItem('more-types-01-low');
    assert.equal(await choose('Mean corpuscular volume', 'Mean corpuscular hemoglobin'), 2);
    await loadItem('more-types-01-low');
    assert.equal(await choose('Mean corpuscular volume', 'Platelet count'), 0);
  });

  it('short answer: every accepted answer scores without regard to case; another does not', async () => {
    assert.equal(await type('more-types-01-typed', 'rpi'), 1);
    assert.equal(await type('more-types-01-typed', 'Reticulocyte production index'), 1);
    assert.equal(await type('more-types-01-typed', 'MCV'), 0);
  });

  it('ordering, dragged as a student drags: the right order scores, another does not', async () => {
    const dragged = async (labels: string[]) => {
      await loadItem('more-types-01-order');
      for (const [i, label] of labels.entries()) {
        await page.locator('qti-order-interaction qti-simple-choice', { hasText: label }).dragTo(page.locator(`qti-order-interaction drop-list[identifier="droplist${i}"]`));
      }
      return score();
    };
    assert.equal(await dragged(['Blood count', 'Reticulocytes', 'Marrow']), 1);
    assert.equal(await dragged(['Marrow', 'Reticulocytes', 'Blood count']), 0);
    assert.equal(await dragged(['Blood count', 'Marrow', 'Reticulocytes']), 0, 'one pair swapped');
    assert.deepEqual(errors, []);
  });
});
