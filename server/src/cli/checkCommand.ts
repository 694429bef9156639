// `casewright check`: discover the bank, read and check every file on the core, print.
import * as path from 'node:path';
import { getCaseService, type CasewrightConfig } from '../core';
import type { FileResult } from './formatters/fileResult';
import { openBank, type BankRequest } from './openBank';
import { analyzeFiles } from './parallelCheck';
import { createProgress } from './progress';
import { resourceExists } from '../node/resourceExists';

export type CheckOptions = BankRequest;

export type CheckOutcome =
  | { ok: true; results: FileResult[]; config: CasewrightConfig }
  | { ok: false; message: string };

export async function runCheck(options: CheckOptions): Promise<CheckOutcome> {
  const opened = await openBank(options);
  if (!opened.ok) return opened;
  const { loaded, files } = opened;

  const bank = getCaseService().createLeanBank(loaded.config, resourceExists);
  // CASEWRIGHT_PROGRESS_DELAY_MS: how long a check runs before the progress line shows (tests set 0).
  const delay = Number(process.env.CASEWRIGHT_PROGRESS_DELAY_MS);
  const progress = createProgress(process.stderr, 'Checking', Number.isFinite(delay) && delay >= 0 ? delay : 1000);
  const fileProblems = await analyzeFiles(files, bank, loaded.config, (done) => progress.tick(done, files.length));
  progress.done();

  const shown = displayPaths(options.cwd);
  const results = files.map((file) => ({
    file,
    displayPath: shown(file),
    diagnostics: [...(fileProblems.get(file) ?? []), ...bank.diagnostics(file)],
  }));
  return { ok: true, results, config: loaded.config };
}

/** The path as the user sees it, `/`-separated, relative to where they ran the command. */
export function displayPath(cwd: string, file: string): string {
  // Most files sit under the working folder: a slice, not a path.relative per file.
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const relative = file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(cwd, file);
  return relative.split(path.sep).join('/') || path.basename(file);
}

/**
 * displayPath for the many files of a bank: the folders' relative paths are worked out once
 * each (a path.relative per file was ~20 ms on 3,000 files outside the working folder). Files
 * are absolute and normalized (discovery resolves them), so a file's path is its folder's
 * relative path, a separator and its name: the same text displayPath gives.
 */
export function displayPaths(cwd: string): (file: string) => string {
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const folders = new Map<string, string>();
  return (file) => {
    const cut = file.lastIndexOf(path.sep) + 1;
    if (cut <= 1 || file.startsWith(prefix)) return displayPath(cwd, file);
    const folder = file.slice(0, cut);
    let shown = folders.get(folder);
    if (shown === undefined) {
      const relative = path.relative(cwd, folder);
      shown = relative ? relative.split(path.sep).join('/') + '/' : '';
      folders.set(folder, shown);
    }
    return shown + file.slice(cut) || path.basename(file);
  };
}
