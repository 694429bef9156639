// `casewright check`: discover the bank, read and check every file on the core, print.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { getCaseService, type CasewrightConfig } from '../core';
import { loadConfig } from '../node/configDiscovery';
import { discoverCaseFiles, SYNC_FILE_SYSTEM } from '../node/fileDiscovery';
import type { FileResult } from './formatters/fileResult';
import { analyzeFiles } from './parallelCheck';
import { createProgress } from './progress';

export interface CheckOptions {
  paths: string[];
  cwd: string;
  configFile?: string;
}

export type CheckOutcome =
  | { ok: true; results: FileResult[]; config: CasewrightConfig }
  | { ok: false; message: string };

export async function runCheck(options: CheckOptions): Promise<CheckOutcome> {
  const start = options.paths.length ? path.resolve(options.cwd, firstPlainPath(options.paths)) : options.cwd;
  const loaded = await loadConfig(await folderOf(start), options.configFile);
  if (loaded.problem) return { ok: false, message: `invalid configuration: ${loaded.problem}` };

  // Synchronous file-system calls: the CLI has nothing to do while it waits for them.
  const discovery = await discoverCaseFiles(options.paths, options.cwd, { root: loaded.root, patterns: loaded.config.ignore ?? [] }, SYNC_FILE_SYSTEM);
  if (discovery.problems.length) return { ok: false, message: discovery.problems.join('\n') };

  const bank = getCaseService().createLeanBank(loaded.config);
  // CASEWRIGHT_PROGRESS_DELAY_MS: how long a check runs before the progress line shows (tests set 0).
  const delay = Number(process.env.CASEWRIGHT_PROGRESS_DELAY_MS);
  const progress = createProgress(process.stderr, 'Checking', Number.isFinite(delay) && delay >= 0 ? delay : 1000);
  const fileProblems = await analyzeFiles(discovery.files, bank, loaded.config, (done) => progress.tick(done, discovery.files.length));
  progress.done();

  const results = discovery.files.map((file) => ({
    file,
    displayPath: displayPath(options.cwd, file),
    diagnostics: [...(fileProblems.get(file) ?? []), ...bank.diagnostics(file)],
  }));
  return { ok: true, results, config: loaded.config };
}

/** The path as the user sees it, `/`-separated, relative to where they ran the command. */
function displayPath(cwd: string, file: string): string {
  // Most files sit under the working folder: a slice, not a path.relative per file.
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const relative = file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(cwd, file);
  return relative.split(path.sep).join('/') || path.basename(file);
}

function firstPlainPath(paths: string[]): string {
  // For a glob, the config search starts at the folder before the first wildcard.
  const first = paths[0];
  const wildcard = first.search(/[*?[{]/);
  return wildcard < 0 ? first : first.slice(0, wildcard) || '.';
}

async function folderOf(target: string): Promise<string> {
  const stats = await fs.stat(target).catch(() => undefined);
  return stats?.isDirectory() ? target : path.dirname(target);
}
