// Runs the extension-host suite inside code-server's extension host: the workbench opens with a
// payload naming extensionDevelopmentPath and extensionTestsPath, and calls
// window.codeAutomationExit(code) when the tests finish (as @vscode/test-web does).
import { mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.CS_BASE;
const authority = new URL(base).host;
const payload = [
  ['extensionDevelopmentPath', `vscode-remote://${authority}${process.env.EXT_DEV}`],
  ['extensionTestsPath', `vscode-remote://${authority}${process.env.EXT_TESTS}`],
];
const url = `${base}/?folder=${encodeURIComponent(process.env.E2E_WORKSPACE)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const profile = mkdtempSync(path.join(process.env.E2E_HOME, 'chrome-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
let finish;
const exited = new Promise((resolve) => { finish = resolve; });
let totals = '';
await page.exposeFunction('codeAutomationExit', (code) => finish(code));
// The workbench mirrors the extension host's console into the page's console.
page.on('console', (message) => {
  const text = message.text();
  const match = /EXTENSION-HOST-TOTALS (\d+ passed, \d+ failed)/.exec(text);
  if (match) totals = match[1];
  else if (/✔|✓|passing|failing|\d+\) |Error|assert/i.test(text)) console.log(`  ${text.slice(0, 400)}`);
});
await page.goto(url);
const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 240_000))]);
await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(`extension-host tests exit code: ${code}`);
console.log(totals || `0 passed, 1 failed`);
process.exit(code === 0 ? 0 : 1);
