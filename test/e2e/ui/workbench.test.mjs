// The packaged extension in a real VS Code workbench (code-server), driven like a user would:
// language, colours, squiggle and Problems row, hover, code action, preview, the New Case
// command, the missing-header fix and fix on save. A screenshot of
// each step goes to test-results/e2e/.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.CS_BASE;
const WORKSPACE = process.env.E2E_WORKSPACE;
const RESULTS = process.env.E2E_RESULTS;
const STARTED = Date.now();
/** Takes a screenshot into test-results/e2e/ and fails the step if none was written. */
async function shot(page, name) {
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  const written = statSync(file);
  assert.ok(written.size > 1000 && written.mtimeMs >= STARTED - 1000, `screenshot ${name}.png was not written`);
}

/** The case count the status bar shows ("16 cases"). */
async function statusCount(page) {
  const item = page.locator('.statusbar-item', { hasText: /^\s*\d+ cases?\s*$/ }).first();
  await item.waitFor({ timeout: 30_000 });
  return Number(/(\d+)/.exec(await item.innerText())[1]);
}

async function waitForStatusCount(page, expected) {
  let count;
  for (let i = 0; i < 150; i++) {
    count = await statusCount(page);
    if (count === expected) return;
    await page.waitForTimeout(200);
  }
  assert.equal(count, expected, 'the status bar\'s case count');
}

async function quickOpen(page, text, rowText, palette = false) {
  await page.keyboard.press(palette ? 'Control+Shift+P' : 'Control+P');
  await page.locator('.quick-input-widget input.input').waitFor();
  await page.keyboard.type(palette ? text : text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Chooses the code-action row holding `text` with the keyboard, as users do: the menu's pointer block swallows clicks. */
async function chooseAction(page, text) {
  for (let i = 0; i < 10 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: text }).count()); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

async function hoverWord(page, word, expect) {
  const span = page.locator('.monaco-editor .view-lines .view-line span span', { hasText: word }).first();
  await span.waitFor({ timeout: 30_000 });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expect }).first();
  for (let i = 0; i < 15; i++) {
    const box = await span.boundingBox();
    const text = await span.textContent();
    const cw = box.width / text.length;
    const idx = text.indexOf(word);
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x + (idx + word.length / 2) * cw, box.y + box.height / 2, { steps: 3 });
    try {
      await hover.waitFor({ timeout: 3000 });
      return hover.innerText();
    } catch {
      // the extension may still be activating: hover again
    }
  }
  throw new Error(`no hover containing ${expect}`);
}

describe('Casewright in VS Code (code-server)', function () {
  this.timeout(180_000);
  let context;
  let page;
  let profile;

  before(async () => {
    profile = mkdtempSync(path.join(process.env.E2E_HOME, 'chrome-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Fix on save is on from the start, as a user's workspace would have it: a settings file
    // written while the workbench runs reaches the extension only after the file watcher
    // reports it, and a save in between would race it. (No other step saves a file with a safe fix.)
    mkdirSync(path.join(WORKSPACE, '.vscode'), { recursive: true });
    writeFileSync(path.join(WORKSPACE, '.vscode', 'settings.json'), JSON.stringify({ 'casewright.fixAll.onSave': true }));
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${BASE}/?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'drafts' }).waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    // What the workbench showed when a step failed, for the reader of test-results/e2e/.
    if (this.currentTest?.state === 'failed') {
      for (const [i, open] of context.pages().entries()) await open.screenshot({ path: path.join(RESULTS, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}-${i}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('opens a .case file as the Case language', async () => {
    await quickOpen(page, 'broken-unit.case', 'broken-unit.case');
    const mode = page.locator('.statusbar-item', { hasText: /^Case$/ }).first();
    await mode.waitFor({ timeout: 30_000 });
    await shot(page, '01-language');
  });

  it('colours the tokens with the grammar', async () => {
    const line = page.locator('.view-line', { hasText: 'hemoglobin: 7.4 g/dL' }).first();
    await line.waitFor();
    // The line shows before the grammar has tokenized it (every span `mtk1`): wait for the colours.
    let classes = [];
    for (let i = 0; i < 100; i++) {
      classes = await line.locator('span > span').evaluateAll((spans) => spans.map((s) => s.className));
      if (new Set(classes).size >= 3) break;
      await page.waitForTimeout(100);
    }
    assert.ok(new Set(classes).size >= 3, `expected several token colours, got ${classes.join(' ')}`);
    await shot(page, '02-highlighting');
  });

  it('shows a squiggle and a Problems row for the bad unit', async () => {
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await quickOpen(page, '>Problems: Focus on Problems View', 'Focus on Problems', true);
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'is not a unit for Platelets' }).first();
    await row.waitFor({ timeout: 30_000 });
    await shot(page, '03-problems');
  });

  it('hovers reticulocytes to show the RPI', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    const text = await hoverWord(page, 'reticulocytes', 'RPI');
    assert.match(text, /RPI|production index/);
    await page.waitForTimeout(300); // let the hover finish fading in for the picture
    await shot(page, '04-hover');
    await page.mouse.move(5, 5);
  });

  it('applies the "Suggest mechanism" code action, which changes the file', async () => {
    await page.locator('.view-line', { hasText: 'haptoglobin' }).first().click();
    await page.keyboard.press('Control+.');
    const action = page.locator('.action-widget .monaco-list-row, .context-view .action-label', { hasText: 'Suggest mechanism' }).first();
    await action.waitFor({ timeout: 30_000 });
    await shot(page, '05-code-action-menu');
    await chooseAction(page, 'Suggest mechanism');
    await page.locator('.view-line', { hasText: 'mechanism: peripheral-destruction' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+S');
    await shot(page, '06-code-action-applied');
    const onDisk = readFileSync(path.join(WORKSPACE, 'drafts', 'broken-unit.case'), 'utf8');
    for (let i = 0; i < 50 && !onDisk.includes('mechanism:'); i++) await page.waitForTimeout(100);
    assert.match(readFileSync(path.join(WORKSPACE, 'drafts', 'broken-unit.case'), 'utf8'), /\[answer\][\s\S]*mechanism: peripheral-destruction/);
  });

  it('opens the preview to the side with the labs table, the chart and the view toggle', async () => {
    await quickOpen(page, 'b12-deficiency-01.case', 'b12-deficiency-01.case');
    await page.locator('.view-line', { hasText: 'hemoglobin' }).first().waitFor({ timeout: 30_000 });
    await quickOpen(page, '>Casewright: Open Preview to the Side', 'Open Preview to the Side', true);
    const outer = page.frameLocator('iframe.webview.ready');
    const frame = outer.frameLocator('#active-frame');
    await frame.locator('h1').waitFor({ timeout: 60_000 });
    const reveal = frame.getByRole('button', { name: 'Reveal labs' });
    await reveal.click();
    await frame.locator('table.labs').first().waitFor();
    assert.ok((await frame.locator('svg.chart-hemoglobin circle').count()) >= 2, 'chart points');
    await shot(page, '07-preview-learner');
    await frame.getByRole('button', { name: 'Answer view' }).click();
    await frame.locator('.answer-mechanism').waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('.answer-mechanism').innerText(), /Ineffective hematopoiesis/);
    await shot(page, '08-preview-answer');
  });

  it('updates the preview as the case is edited', async () => {
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await page.locator('.view-line', { hasText: 'title: Tired, breathless' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited live)');
    await frame.locator('h1', { hasText: '(edited live)' }).waitFor({ timeout: 30_000 });
    await shot(page, '09-preview-live-update');
  });

  it('creates a case with Casewright: New Case, beside the active file, and opens it clean', async () => {
    const before = await statusCount(page);
    await quickOpen(page, '>Casewright: New Case', 'New Case', true);
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await page.keyboard.type('Bad Id');
    await page.locator('.quick-input-widget', { hasText: 'lowercase letters' }).first().waitFor({ timeout: 15_000 });
    await shot(page, '10-new-case-invalid-id');
    // A file of that name in the folder, or an id the bank has in another file, is refused while
    // typing: nothing is overwritten.
    await input.fill('folate-deficiency-01');
    await page.locator('.quick-input-widget', { hasText: 'folate-deficiency-01.case already exists' }).first().waitFor({ timeout: 15_000 });
    await input.fill('broken-unit-01');
    await page.locator('.quick-input-widget', { hasText: '‘broken-unit-01’ is already the id of the case in drafts/broken-unit.case' }).first().waitFor({ timeout: 15_000 });
    await shot(page, '10b-new-case-taken-id');
    await page.keyboard.press('Enter'); // refused: the box stays open
    await input.fill('new-case-01');
    await page.locator('.quick-input-widget', { hasText: 'the file will be <id>.case' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: 'case: new-case-01' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.view-line', { hasText: '[labs]' }).first().waitFor();
    assert.ok(existsSync(path.join(WORKSPACE, 'new-case-01.case')), 'written in the folder of the active file');
    // The status bar counts it; the Problems view lists nothing for it (the skeleton is clean).
    await waitForStatusCount(page, before + 1);
    await quickOpen(page, '>Problems: Focus on Problems View', 'Focus on Problems', true);
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'broken-unit.case' }).first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'new-case-01.case' }).count(), 0, 'no problem in the new case');
    await shot(page, '11-new-case-opened');
  });

  it('shows a file icon for .case files in the Explorer', async () => {
    const label = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'itp-01.case' }).locator('.monaco-icon-label').first();
    await label.waitFor({ timeout: 30_000 });
    const image = await label.evaluate((el) => getComputedStyle(el, '::before').backgroundImage);
    assert.match(image, /case-file-(light|dark)\.svg/);
  });

  it('keeps the status bar\'s case count as files are created, renamed and deleted', async () => {
    const before = await statusCount(page);
    const file = path.join(WORKSPACE, 'status-count.case');
    writeFileSync(file, 'case: status-count-01\ntitle: Counted\n');
    await waitForStatusCount(page, before + 1);
    renameSync(file, `${file}.txt`); // no longer a case
    await waitForStatusCount(page, before);
    renameSync(`${file}.txt`, path.join(WORKSPACE, 'drafts', 'status-count.case'));
    await waitForStatusCount(page, before + 1);
    await shot(page, '11b-status-count');
    unlinkSync(path.join(WORKSPACE, 'drafts', 'status-count.case'));
    await waitForStatusCount(page, before);
    // A folder of cases moved in, renamed and deleted: VS Code reports the folder alone.
    const outside = mkdtempSync(path.join(process.env.E2E_HOME, 'unit-'));
    writeFileSync(path.join(outside, 'a.case'), 'case: unit-a-01\ntitle: A\n');
    writeFileSync(path.join(outside, 'b.case'), 'case: unit-b-01\ntitle: B\n');
    const unit = path.join(WORKSPACE, 'unit-4');
    renameSync(outside, unit);
    await waitForStatusCount(page, before + 2);
    renameSync(unit, path.join(WORKSPACE, 'unit-5'));
    unlinkSync(path.join(WORKSPACE, 'unit-5', 'a.case'));
    await waitForStatusCount(page, before + 1);
    rmSync(path.join(WORKSPACE, 'unit-5'), { recursive: true });
    await waitForStatusCount(page, before);
  });

  it('recognises a missing [marrow] header and inserts it with the quick fix', async () => {
    await quickOpen(page, 'missing-header.case', 'missing-header.case');
    const stray = page.locator('.view-line', { hasText: 'cellularity: 90 %' }).first();
    await stray.waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await stray.click();
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Insert `[marrow]` here' }).first();
    await fix.waitFor({ timeout: 30_000 });
    await shot(page, '12-missing-header-fix');
    await chooseAction(page, 'Insert `[marrow]`');
    await page.locator('.view-line', { hasText: /^\[marrow\]$/ }).first().waitFor({ timeout: 15_000 });
    await shot(page, '13-missing-header-fixed');
  });

  it('applies the safe fixes on save when casewright.fixAll.onSave is on', async () => {
    await quickOpen(page, 'fix-on-save.case', 'fix-on-save.case');
    const title = page.locator('.view-line', { hasText: 'title: A draft with shorthand' }).first();
    await title.waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await shot(page, '14-fix-on-save-before');
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type('.');
    await page.keyboard.press('Control+S');
    await page.locator('.view-line', { hasText: 'dat: negative' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.view-line', { hasText: 'hemoglobin: 7.4 g/dL' }).first().waitFor();
    await shot(page, '15-fix-on-save-after');
    const file = path.join(WORKSPACE, 'drafts', 'fix-on-save.case');
    for (let i = 0; i < 50 && !readFileSync(file, 'utf8').includes('dat: negative'); i++) await page.waitForTimeout(100);
    assert.match(readFileSync(file, 'utf8'), /hemoglobin: 7\.4 g\/dL\ndat: negative\n/);
  });

  it('shows a case\'s smear image in the preview, loaded from the workspace under the webview\'s policy', async () => {
    // Focus the editors' group (not the preview's), so the case opens there and the preview follows it.
    await page.keyboard.press('Control+1');
    await quickOpen(page, 'thal-major-01.case', 'thal-major-01.case');
    await page.locator('.view-line', { hasText: 'title: Beta-thalassemia major' }).first().waitFor({ timeout: 30_000 });
    // The preview opened earlier follows the active editor: no second one is opened.
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('h1', { hasText: /thalass/i }).waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Answer view' }).click();
    const image = frame.locator('figure img').first();
    await image.waitFor({ timeout: 30_000 });
    let width = 0;
    for (let i = 0; i < 100 && width === 0; i++) {
      width = await image.evaluate((img) => (img.complete ? img.naturalWidth : 0));
      if (width === 0) await page.waitForTimeout(100);
    }
    assert.ok(width > 0, 'the smear image loaded');
    assert.doesNotMatch(await image.getAttribute('src'), /^casewright-image:|^file:|^images\//, 'a webview resource address, not a stand-in or a file path');
    await image.scrollIntoViewIfNeeded();
    await shot(page, '16-preview-image');
  });

  it('with no folder open, New Case opens the skeleton as an unsaved case', async () => {
    const empty = await context.newPage();
    try {
      await empty.goto(`${BASE}/?ew=true`);
      await empty.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      // The extensions are registered once the workbench has restored (the palette lists them then).
      await empty.waitForTimeout(2000);
      await quickOpen(empty, '>Casewright: New Case', 'New Case', true);
      await empty.locator('.quick-input-widget', { hasText: 'no folder is open' }).first().waitFor({ timeout: 30_000 });
      await empty.keyboard.type('loose-case-01');
      await empty.keyboard.press('Enter');
      await empty.locator('.view-line', { hasText: 'case: loose-case-01' }).first().waitFor({ timeout: 30_000 });
      await empty.locator('.statusbar-item', { hasText: /^Case$/ }).first().waitFor({ timeout: 30_000 });
      // Coloured as a case (the grammar's tokens arrive a moment after the text).
      const line = empty.locator('.view-line', { hasText: 'level: introductory' }).first();
      for (let i = 0; i < 50 && new Set(await line.locator('span > span').evaluateAll((spans) => spans.map((x) => x.className))).size < 2; i++) await empty.waitForTimeout(200);
      assert.ok(new Set(await line.locator('span > span').evaluateAll((spans) => spans.map((x) => x.className))).size >= 2, 'the untitled case is coloured');
      await shot(empty, '17-new-case-no-folder');
    } finally {
      await empty.close();
    }
  });
});
