// `casewright stats [PATH…]`: discover the bank, analyse every case on the core, compute the
// coverage summary and put it into the requested format.
import * as path from 'node:path';
import { computeBankStats, getCaseService } from '../../core';
import { openBank, type BankRequest } from '../openBank';
import { readFile } from '../readIntoBank';
import { formatStatsJson, formatStatsMarkdown, formatStatsText } from './formatStats';
import { formatStatsHtml } from './statsHtml';

export const STATS_FORMATS = { text: formatStatsText, json: formatStatsJson, markdown: formatStatsMarkdown, html: formatStatsHtml } as const;
export type StatsFormat = keyof typeof STATS_FORMATS;

export interface StatsOptions extends BankRequest {
  format: StatsFormat;
}

export async function runStats(options: StatsOptions): Promise<{ ok: true; output: string } | { ok: false; message: string }> {
  // Found and read as every command does (openBank, readFile); an unreadable file is counted out.
  const opened = await openBank(options);
  if (!opened.ok) return opened;
  const bank = getCaseService().createBank(opened.loaded.config);
  const cases = [];
  for (const file of opened.files) {
    if (readFile(file, bank).problems.some((p) => p.severity === 'error')) continue;
    cases.push({ file: path.relative(options.cwd, file).split(path.sep).join('/'), analysis: bank.get(file)! });
  }
  const stats = computeBankStats(cases, opened.loaded.config.curriculum);
  return { ok: true, output: STATS_FORMATS[options.format](stats) };
}
