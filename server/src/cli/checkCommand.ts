// `casewright check`: discover the bank, read and check every file on the core, print.
import * as path from 'node:path';
import { CaseBank } from '../core/bank';
import { diagnostic, type CaseDiagnostic } from '../core/diagnostics';
import { lineSpan } from '../core/text';
import { loadConfig } from '../node/configDiscovery';
import { discoverCaseFiles } from '../node/fileDiscovery';
import { readCaseFileSync } from '../node/readCaseFile';
import type { FileResult } from './formatters/fileResult';
import { createProgress } from './progress';

export interface CheckOptions {
  paths: string[];
  cwd: string;
  configFile?: string;
}

export type CheckOutcome =
  | { ok: true; results: FileResult[] }
  | { ok: false; message: string };

export async function runCheck(options: CheckOptions): Promise<CheckOutcome> {
  const start = options.paths.length ? path.resolve(options.cwd, firstPlainPath(options.paths)) : options.cwd;
  const loaded = await loadConfig(await folderOf(start), options.configFile);
  if (loaded.problem) return { ok: false, message: `invalid configuration: ${loaded.problem}` };

  const discovery = await discoverCaseFiles(options.paths, options.cwd, { root: loaded.root, patterns: loaded.config.ignore ?? [] });
  if (discovery.problems.length) return { ok: false, message: discovery.problems.join('\n') };

  const bank = new CaseBank(loaded.config, { retainAnalyses: false });
  const fileProblems = new Map<string, CaseDiagnostic[]>();
  const progress = createProgress(process.stderr, 'Checking');
  let done = 0;
  for (const file of discovery.files) {
    const read = readCaseFileSync(file);
    if (read.ok) {
      bank.set(file, read.text);
      if (read.invalidUtf8) {
        fileProblems.set(file, [diagnostic('warning', 'invalid-encoding',
          'This file is not valid UTF-8; unreadable bytes are shown as �. Save it as UTF-8.', lineSpan(0, 0, 0))]);
      }
    } else {
      fileProblems.set(file, [diagnostic('error', read.tooLarge ? 'file-too-large' : 'unreadable-file', `This file could not be checked: ${read.problem}.`, lineSpan(0, 0, 0))]);
    }
    progress.tick(++done, discovery.files.length);
  }
  progress.done();

  const results = discovery.files.map((file) => ({
    file,
    displayPath: path.relative(options.cwd, file).split(path.sep).join('/') || path.basename(file),
    diagnostics: [...(fileProblems.get(file) ?? []), ...bank.diagnostics(file)],
  }));
  return { ok: true, results };
}

function firstPlainPath(paths: string[]): string {
  // For a glob, the config search starts at the folder before the first wildcard.
  const first = paths[0];
  const wildcard = first.search(/[*?[{]/);
  return wildcard < 0 ? first : first.slice(0, wildcard) || '.';
}

async function folderOf(target: string): Promise<string> {
  const { promises: fs } = await import('node:fs');
  const stats = await fs.stat(target).catch(() => undefined);
  return stats?.isDirectory() ? target : path.dirname(target);
}
