// `casewright stats [PATH…]`: discover the bank, analyse every case on the core, compute the
// coverage summary and put it into the requested format.
import * as path from 'node:path';
import { caseFacts, getCaseService, summarizeBank, type CaseFacts } from '../../core';
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
  // A lean bank and a few words per case (caseFacts): memory stays flat on a large bank.
  const bank = getCaseService().createLeanBank(opened.loaded.config);
  const cases: CaseFacts[] = [];
  for (const file of opened.files) {
    const outcome = readFile(file, bank);
    if (!outcome.analysis || outcome.problems.some((p) => p.severity === 'error')) continue;
    cases.push(caseFacts(path.relative(options.cwd, file).split(path.sep).join('/'), outcome.analysis));
  }
  const stats = summarizeBank(cases, opened.loaded.config.curriculum);
  return { ok: true, output: STATS_FORMATS[options.format](stats) };
}
