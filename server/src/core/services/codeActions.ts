// Code actions. Quick fixes are found by diagnostic code, from the data the diagnostic carries
// (the client sends our diagnostics back with their `code` and `data`), so a fix is exactly what
// the check meant. "Suggest mechanism" writes the engine's first choice into [answer] wherever
// the cursor is in a case with labs.
import type { CaseAnalysis } from '../analyzeCase';
import type { CaseDiagnostic } from '../diagnostics';
import type { Range } from '../text';
import type { WorkspaceEdit } from './edits';
import { fixesFor, safeFixEdits } from './fixes';
import { evidenceSummary, mechanismToSuggest, writeMechanismEdits } from './mechanismSuggestion';

export interface CodeActionResult {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite' | 'source.fixAll.casewright';
  diagnostics?: CaseDiagnostic[];
  isPreferred?: boolean;
  edit: WorkspaceEdit;
}

export interface CodeActionOptions {
  /** The document's line ending, for the lines an action adds. */
  eol?: string;
}

/**
 * Quick fixes for `diagnostics` (those the client sent for the range) and the mechanism
 * suggestion. `_range` is not needed: the fixes follow the diagnostics, and the suggestion is
 * offered wherever the cursor is.
 */
export function codeActions(analysis: CaseAnalysis, _range: Range, diagnostics: readonly CaseDiagnostic[], uri: string, options: CodeActionOptions = {}): CodeActionResult[] {
  const eol = options.eol ?? '\n';
  const actions: CodeActionResult[] = [];
  for (const d of diagnostics) {
    const fixes = fixesFor(d, analysis, eol);
    // A lone candidate or the one safe fix is preferred (Ctrl+. applies it); a choice stays a choice.
    const safe = fixes.filter((f) => f.safe).length === 1;
    for (const fix of fixes) {
      const preferred = fixes.length === 1 ? fix.preferred || fix.safe : safe && fix.safe;
      actions.push({ title: fix.title, kind: 'quickfix', diagnostics: [d], isPreferred: preferred || undefined, edit: { changes: { [uri]: fix.edits } } });
    }
  }
  const best = mechanismToSuggest(analysis);
  if (best) {
    const evidence = evidenceSummary(best);
    actions.push({
      title: `Suggest mechanism: ${best.id} (score ${best.score}${evidence ? `: ${evidence}` : ''})`,
      kind: 'refactor.rewrite',
      edit: { changes: { [uri]: writeMechanismEdits(analysis, best, eol) } },
    });
  }
  return actions;
}

/**
 * Every safe fix at once (`source.fixAll.casewright`: fix on save), or nothing when there is
 * none, so saving a clean file changes nothing.
 */
export function fixAllAction(analysis: CaseAnalysis, diagnostics: readonly CaseDiagnostic[], uri: string, options: CodeActionOptions = {}): CodeActionResult | undefined {
  const edits = safeFixEdits(analysis, diagnostics, options.eol ?? '\n');
  return edits.length ? { title: 'Fix all safe Casewright problems', kind: 'source.fixAll.casewright', edit: { changes: { [uri]: edits } } } : undefined;
}

/** The document's line ending, for callers that have its text. */
export function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

