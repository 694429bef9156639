// `casewright stats [PATH…]`: discover the bank, analyse every case on the core, compute the
// coverage summary and put it into the requested format.
import * as path from 'node:path';
import { computeBankStats, getCaseService } from '../../core';
import { loadConfig } from '../../node/configDiscovery';
import { discoverCaseFiles, SYNC_FILE_SYSTEM } from '../../node/fileDiscovery';
import { readCaseFile } from '../../node/readCaseFile';
import { formatStatsJson, formatStatsMarkdown, formatStatsText } from './formatStats';
import { formatStatsHtml } from './statsHtml';

export const STATS_FORMATS = { text: formatStatsText, json: formatStatsJson, markdown: formatStatsMarkdown, html: formatStatsHtml } as const;
export type StatsFormat = keyof typeof STATS_FORMATS;

export interface StatsOptions {
  paths: string[];
  cwd: string;
  format: StatsFormat;
  configFile?: string;
}

export async function runStats(options: StatsOptions): Promise<{ ok: true; output: string } | { ok: false; message: string }> {
  const loaded = await loadConfig(path.resolve(options.cwd, options.paths[0] ?? '.'), options.configFile);
  if (loaded.problem) return { ok: false, message: `invalid configuration: ${loaded.problem}` };
  const discovery = await discoverCaseFiles(options.paths, options.cwd, { root: loaded.root, patterns: loaded.config.ignore ?? [] }, SYNC_FILE_SYSTEM);
  if (discovery.problems.length) return { ok: false, message: discovery.problems.join('\n') };
  // The bank applies the configuration (the RPI table) exactly as `check` and `export` do.
  const bank = getCaseService().createBank(loaded.config);
  const cases = [];
  for (const file of discovery.files) {
    const read = await readCaseFile(file);
    if (!read.ok) return { ok: false, message: `${file}: ${read.problem}` };
    bank.set(file, read.text);
    cases.push({ file: path.relative(options.cwd, file).split(path.sep).join('/'), analysis: bank.get(file)! });
  }
  const stats = computeBankStats(cases, loaded.config.curriculum);
  return { ok: true, output: STATS_FORMATS[options.format](stats) };
}
