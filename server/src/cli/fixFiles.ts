// `check --fix` and `--fix-dry-run`: the safe fixes (the quick fixes' own edits) applied to each
// file with problems, written back, or printed as a unified diff and left alone.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { getCaseService, maturationTableFor, type CasewrightConfig } from '../core';
import { describeFsError } from '../node/fileDiscovery';
import { readCaseFileSync } from '../node/readCaseFile';
import type { FileResult } from './formatters/fileResult';
import { unifiedDiff } from './unifiedDiff';

export interface FixOutcome {
  /** Fixes applied (or, in a dry run, that would be). */
  fixed: number;
  files: number;
  /** The unified diff of every change (dry run), `a/` and `b/` before the display paths. */
  diff: string;
  /** Files that could not be written, one line each. */
  problems: string[];
}

export function fixFiles(results: FileResult[], config: CasewrightConfig, write: boolean): FixOutcome {
  const options = { maturation: maturationTableFor(config).table };
  const outcome: FixOutcome = { fixed: 0, files: 0, diff: '', problems: [] };
  const diffs: string[] = [];
  for (const result of results) {
    if (!result.diagnostics.length) continue;
    const read = readCaseFileSync(result.file);
    // A file that is not valid UTF-8 would lose its unreadable bytes if written back.
    if (!read.ok || read.invalidUtf8) continue;
    const { text, fixed } = getCaseService().fixText(read.text, config, options);
    if (text === read.text) continue;
    if (write) {
      const problem = writeIfUnchanged(result.file, read.text, text);
      if (problem) {
        outcome.problems.push(`${result.displayPath}: ${problem}`);
        continue;
      }
    } else {
      diffs.push(unifiedDiff(read.text, text, `a/${result.displayPath}`, `b/${result.displayPath}`));
    }
    // Counted only once written (or shown): a file left alone is a problem, not a fix.
    outcome.fixed += fixed;
    outcome.files++;
  }
  outcome.diff = diffs.join('');
  return outcome;
}

/**
 * Writes `text` over a file that still holds `before`, keeping its byte-order mark; the reason
 * when it does not: a read-only file is left as it is (even for root, who could write it), and so
 * is one that changed since it was read (an editor saved it meanwhile), rather than lose what was
 * typed. A symbolic link is written through, and stays a link.
 */
export function writeIfUnchanged(file: string, before: string, text: string): string | undefined {
  try {
    if ((statSync(file).mode & 0o222) === 0) return 'the file is read-only; not fixed';
    const now = readCaseFileSync(file);
    if (!now.ok || now.text !== before) return 'the file changed while it was being fixed; not fixed (run --fix again)';
    // Keep a byte-order mark the file had: the reader dropped it.
    const bom = readFileSync(file).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? '\uFEFF' : '';
    writeFileSync(file, bom + text, 'utf8');
    return undefined;
  } catch (error) {
    return `could not write the fixes (${describeFsError(error)})`;
  }
}
