// `casewright check --fix`: every safe fix, pass after pass (a header inserted lets its fields
// be checked, which may offer more), on the text alone. The edits are the quick fixes' own
// (services/fixes.ts), chosen as fix on save chooses them.
import { analyzeCase, type AnalysisOptions } from '../analyzeCase';
import { applyRules, type CasewrightConfig } from '../config/config';
import { applySuppressions } from '../suppressions';
import { lineEnding } from './codeActions';
import type { TextEdit } from './edits';
import { safeFixEdits } from './fixes';

/** Enough for fixes that uncover fixes; a loop that keeps changing the text stops here. */
const MAX_PASSES = 10;

export interface FixResult {
  text: string;
  /** How many fixes were applied over all passes. */
  fixed: number;
}

export function fixText(text: string, config: CasewrightConfig = {}, options: AnalysisOptions = {}): FixResult {
  let current = text;
  let fixed = 0;
  const eol = lineEnding(text);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const analysis = analyzeCase(current, options);
    const diagnostics = applyRules(applySuppressions(analysis.diagnostics, analysis.suppressions), config);
    const edits = safeFixEdits(analysis, diagnostics, eol);
    if (!edits.length) break;
    current = applyEdits(current, edits);
    fixed += countFixes(edits);
  }
  return { text: current, fixed };
}

/** Edits on the same line count once: one fix may be two edits (a header and a blank line). */
function countFixes(edits: TextEdit[]): number {
  return new Set(edits.map((e) => e.range.start.line)).size;
}

/**
 * Applies non-overlapping edits to `text` as an editor would: positions are lines and UTF-16
 * columns after a byte-order mark, whichever line ends the text uses.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const at = (p: TextEdit['range']['start']) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => at(a.edit.range.start) - at(b.edit.range.start) || a.index - b.index);
  const pieces: string[] = [];
  let copied = 0;
  for (const { edit } of sorted) {
    const start = at(edit.range.start);
    if (start < copied) continue; // overlaps the edit before: left for the next pass
    pieces.push(text.slice(copied, start), edit.newText);
    copied = at(edit.range.end);
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

function lineStarts(text: string): number[] {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = starts[0]; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (code === 10 || code === 13) starts.push(i + 1);
  }
  return starts;
}
