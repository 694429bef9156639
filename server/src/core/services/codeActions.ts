// Code actions: quick fixes found by diagnostic code (from the diagnostic's data), and
// "Suggest mechanism" from the engine wherever the cursor is in a case with labs.
import type { CaseAnalysis } from '../analyzeCase';
import type { CaseDiagnostic } from '../diagnostics';
import type { MechanismScore } from '../clinical/mechanismEngine';
import type { Range } from '../text';
import type { TextEdit, WorkspaceEdit } from './edits';

export interface CodeActionResult {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  diagnostics?: CaseDiagnostic[];
  isPreferred?: boolean;
  edit: WorkspaceEdit;
}

/** Codes whose `data.replacements` replace the diagnostic's range, with how to title them. */
const REPLACE_TITLES: Record<string, (replacement: string) => string> = {
  'unknown-section': (r) => `Change to [${r}]`,
  'unknown-field': (r) => `Change to \`${r}\``,
  'unknown-lab': (r) => `Change to \`${r}\``,
  'unknown-value': (r) => `Change to \`${r}\``,
  'unknown-smear-finding': (r) => `Change to \`${r}\``,
  'unknown-marrow-value': (r) => `Change to \`${r}\``,
  'unknown-mechanism': (r) => `Change to \`${r}\``,
  'unknown-see-also': (r) => `Change to \`${r}\``,
  'unit-not-accepted': (r) => `Change the unit to ${r}`,
  'invalid-lab-value': (r) => `Change to \`${r}\``,
  'implausible-value': (r) => `Change to ${r}`,
  'inconsistent-value': (r) => `Use the calculated value ${r}`,
  'mechanism-conflict': (r) => `Change mechanism to \`${r}\` (the engine's choice)`,
};

export function codeActions(analysis: CaseAnalysis, range: Range, diagnostics: CaseDiagnostic[], uri: string): CodeActionResult[] {
  const actions: CodeActionResult[] = [];
  const edit = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [uri]: edits } });
  for (const d of diagnostics) {
    const replacements = Array.isArray(d.data?.replacements) ? d.data.replacements.filter((r): r is string => typeof r === 'string') : [];
    const title = REPLACE_TITLES[d.code];
    if (title) {
      replacements.slice(0, 5).forEach((r, i) => actions.push({ title: title(r), kind: 'quickfix', diagnostics: [d], isPreferred: i === 0, edit: edit([{ range: d.range, newText: r }]) }));
    }
    if (d.code === 'implausible-value' && Array.isArray(d.data?.canonicalValues)) {
      for (const value of d.data.canonicalValues.filter((v): v is string => typeof v === 'string').slice(0, 2)) {
        actions.push({ title: `Convert to ${value}`, kind: 'quickfix', diagnostics: [d], edit: edit([{ range: d.range, newText: value }]) });
      }
    }
    if (d.code === 'missing-unit' && replacements[0]) {
      actions.push({ title: `Add the unit ${replacements[0]}`, kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: edit([{ range: { start: d.range.end, end: d.range.end }, newText: ` ${replacements[0]}` }]) });
    }
    if (d.code === 'missing-mechanism' && replacements[0]) {
      const best = analysis.clinical.mechanisms.ranked.find((m) => m.id === replacements[0]);
      if (best) actions.push({ ...suggestMechanism(analysis, best, uri), kind: 'quickfix', diagnostics: [d], isPreferred: true });
    }
  }
  const suggestion = suggestedMechanism(analysis);
  if (suggestion && range) actions.push(suggestMechanism(analysis, suggestion, uri));
  return actions;
}

/** The engine's top mechanism, when the case has labs and does not already state it. */
function suggestedMechanism(analysis: CaseAnalysis): MechanismScore | undefined {
  if (!analysis.model.panels.some((p) => p.results.length)) return undefined;
  const [best] = analysis.clinical.mechanisms.ranked;
  if (!best || best.score <= 0) return undefined;
  if (analysis.model.answer.get('mechanism')?.value.toLowerCase() === best.id) return undefined;
  return best;
}

function evidenceSummary(best: MechanismScore): string {
  return best.evidence.filter((e) => e.effect === 'supports').slice(0, 3).map((e) => e.label.split(':')[0].replace(/\s*\(.*\)$/, '')).join('; ');
}

/** Inserts or replaces `mechanism:` in [answer] (creating the section), with the evidence as a comment. */
function suggestMechanism(analysis: CaseAnalysis, best: MechanismScore, uri: string): CodeActionResult {
  const evidence = evidenceSummary(best);
  const title = `Suggest mechanism: ${best.id} (score ${best.score}${evidence ? `: ${evidence}` : ''})`;
  const comment = `# Evidence: ${evidence || 'see the preview'}`;
  const { syntax, answer, sections } = analysis.model;
  const lines = syntax.lines;
  const existing = answer.get('mechanism');
  let edits: TextEdit[];
  if (existing) {
    const line = existing.keyRange.start.line;
    const previous = line > 0 ? lines[line - 1].trim() : '';
    edits = [{ range: existing.value ? existing.valueRange : { start: existing.range.end, end: existing.range.end }, newText: existing.value ? best.id : ` ${best.id}` }];
    if (!previous.startsWith('# Evidence:')) edits.unshift({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${comment}\n` });
  } else if (sections.get('answer')) {
    const header = sections.get('answer')!.headerRange;
    const at = { line: header.start.line, character: header.end.character };
    edits = [{ range: { start: at, end: at }, newText: `\n${comment}\nmechanism: ${best.id}` }];
  } else {
    const lastLine = lines.length - 1;
    const end = { line: lastLine, character: lines[lastLine].length };
    const lead = lines[lastLine] === '' ? (lastLine > 0 && lines[lastLine - 1] === '' ? '' : '\n') : '\n\n';
    edits = [{ range: { start: end, end }, newText: `${lead}[answer]\n${comment}\nmechanism: ${best.id}\n` }];
  }
  return { title, kind: 'refactor.rewrite', edit: { changes: { [uri]: edits } } };
}
