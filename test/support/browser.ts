// Debian's chromium driven by playwright-core, with the flags this closed network needs.
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const RESULTS = path.resolve(__dirname, '..', '..', 'test-results');

export async function launchChromium(): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`The preview's browser tests drive Chromium, and there is none at ${executablePath}: install it (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Waits until a browser-side expression is true, asking the page from here every 20 ms.
 * Not page.waitForFunction: its polling compiles the predicate inside the page, which a page
 * whose Content Security Policy forbids eval (the preview's, rightly) refuses, so the wait
 * failed whenever the page had not yet caught up at the first look.
 */
export async function waitUntilTrue(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
