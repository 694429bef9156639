// Code actions. Quick fixes are found by diagnostic code, from the data the diagnostic carries
// (the client sends our diagnostics back with their `code` and `data`), so a fix is exactly what
// the check meant. "Suggest mechanism" writes the engine's first choice into [answer] wherever
// the cursor is in a case with labs.
import type { CaseAnalysis } from '../analyzeCase';
import type { CaseDiagnostic } from '../diagnostics';
import type { Range } from '../text';
import type { TextEdit, WorkspaceEdit } from './edits';
import { evidenceSummary, mechanismToSuggest, writeMechanismEdits } from './mechanismSuggestion';

export interface CodeActionResult {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  diagnostics?: CaseDiagnostic[];
  isPreferred?: boolean;
  edit: WorkspaceEdit;
}

export interface CodeActionOptions {
  /** The document's line ending, for the lines an action adds. */
  eol?: string;
}

interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without a look (auto-fix): only when there is nothing to choose between. */
  preferred?: boolean;
}

type FixMaker = (d: CaseDiagnostic, replacements: string[], analysis: CaseAnalysis, eol: string) => Fix[];

const replaceWith = (d: CaseDiagnostic, text: string): TextEdit[] => [{ range: d.range, newText: text }];

/** Did you mean …? The range is the misspelt word; the replacements are the candidates. */
const didYouMean: FixMaker = (d, replacements) =>
  replacements.map((r) => ({ title: `Change to \`${r}\``, edits: replaceWith(d, r), preferred: replacements.length === 1 }));

/** A safer wording for an identifier (a relative day for a date, a role for a name). */
const rewordIdentifier: FixMaker = (d, replacements) =>
  replacements.map((r) => ({ title: `Replace with \`${r}\``, edits: replaceWith(d, r) }));

const FIXES: Record<string, FixMaker> = {
  'privacy-date': rewordIdentifier,
  'privacy-age': rewordIdentifier,
  'privacy-name': rewordIdentifier,
  'unknown-section': didYouMean,
  'unknown-field': didYouMean,
  'unknown-lab': didYouMean,
  'unknown-value': didYouMean,
  'unknown-smear-finding': didYouMean,
  'unknown-marrow-value': didYouMean,
  'unknown-mechanism': didYouMean,
  'unknown-see-also': didYouMean,
  'unit-not-accepted': didYouMean,
  'invalid-lab-value': didYouMean,
  // The range is number and unit: `61 g/dL` → `61 g/L` (the unit slipped) or `6.1 g/dL` (converted).
  'implausible-value': (d, replacements) => {
    const converted = strings(d.data?.canonicalValues);
    return [
      ...replacements.map((r) => ({ title: `Change the unit to ${r.slice(r.indexOf(' ') + 1)}`, edits: replaceWith(d, r) })),
      ...converted.map((c) => ({ title: `Convert to ${c}`, edits: replaceWith(d, c) })),
    ];
  },
  // The range is the number: the unit goes after it. The value is read in this unit already.
  'missing-unit': (d, [unit]) => (unit ? [{ title: `Add the unit ${unit}`, edits: [{ range: { start: d.range.end, end: d.range.end }, newText: ` ${unit}` }], preferred: true }] : []),
  // The range is the numeric key; the replacement is the index as the case's labs give it.
  'question-key-disagrees': (d, [value]) => (value ? [{ title: `Change the key to ${value} (from the case's labs)`, edits: replaceWith(d, value), preferred: true }] : []),
  'unknown-question-stage': didYouMean,
  'mechanism-conflict': (d, [id]) => (id ? [{ title: `Change mechanism to \`${id}\` (engine's choice)`, edits: replaceWith(d, id) }] : []),
  'inconsistent-value': (d, [value]) => (value ? [{ title: `Use the calculated value ${value}`, edits: replaceWith(d, value) }] : []),
  // The range is a section header: the line is written into [answer] as "Suggest mechanism" does.
  'missing-mechanism': (_d, [id], analysis, eol) => {
    const mechanism = analysis.clinical.mechanisms.ranked.find((m) => m.id === id);
    if (!mechanism || analysis.model.answer.get('mechanism')?.value) return [];
    return [{ title: `Add mechanism \`${id}\` (engine's choice)`, edits: writeMechanismEdits(analysis, mechanism, eol) }];
  },
};

/**
 * Quick fixes for `diagnostics` (those the client sent for the range) and the mechanism
 * suggestion. `_range` is not needed: the fixes follow the diagnostics, and the suggestion is
 * offered wherever the cursor is.
 */
export function codeActions(analysis: CaseAnalysis, _range: Range, diagnostics: readonly CaseDiagnostic[], uri: string, options: CodeActionOptions = {}): CodeActionResult[] {
  const eol = options.eol ?? '\n';
  const actions: CodeActionResult[] = [];
  for (const d of diagnostics) {
    const make = FIXES[d.code];
    // A diagnostic from an older version of the text may point past its end: no fix for it.
    if (!make || !insideDocument(d.range, analysis.model.syntax.lines)) continue;
    const replacements = strings(d.data?.replacements);
    for (const fix of make(d, replacements, analysis, eol)) {
      actions.push({ title: fix.title, kind: 'quickfix', diagnostics: [d], isPreferred: fix.preferred || undefined, edit: { changes: { [uri]: fix.edits } } });
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

/** The document's line ending, for callers that have its text. */
export function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** The client sends `data` back as it got it, but it is still input: keep one-line strings only, a few. */
function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && !/[\r\n]/.test(v)).slice(0, 5);
}

function insideDocument(range: Range, lines: readonly string[]): boolean {
  const fits = (p: Range['start']) => Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length && Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length;
  return fits(range.start) && fits(range.end) && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}
