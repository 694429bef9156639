// Debian's chromium driven by playwright-core, with the flags this closed network needs.
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
