// Writes the engine's mechanism into [answer]: replaces the value of an existing `mechanism:`,
// or adds the line under the [answer] header, or adds [answer] at the end of the file. A
// `# Evidence: …` comment goes just above the line (an older one is brought up to date).
// Each edit touches only what changes, and none removes text the author wrote.
import type { CaseAnalysis } from '../analyzeCase';
import type { MechanismScore } from '../clinical/mechanismEngine';
import type { Position, Range } from '../text';
import type { TextEdit } from './edits';

const EVIDENCE_COMMENT = /^[ \t]*#[ \t]*Evidence:/i;

/** The engine's top mechanism, when the case has labs and a cytopenia, it scores above zero and the answer does not already say it. */
export function mechanismToSuggest(analysis: CaseAnalysis): MechanismScore | undefined {
  if (!analysis.model.panels.some((p) => p.results.length)) return undefined;
  // No anemia or cytopenia for age: the pathway stops and nothing is suggested.
  if (analysis.clinical.mechanisms.withheld) return undefined;
  const [best] = analysis.clinical.mechanisms.ranked;
  if (!best || !(best.score > 0)) return undefined;
  // Controlled words are case-insensitive: `Aplasia` already says `aplasia`.
  if (analysis.model.answer.get('mechanism')?.value.toLowerCase() === best.id) return undefined;
  return best;
}

/** The first three supporting findings, in short: `Low haptoglobin, Spherocytes, …`. */
export function evidenceSummary(mechanism: MechanismScore): string {
  return mechanism.evidence
    .filter((e) => e.effect === 'supports')
    .slice(0, 3)
    .map((e) => withoutTrailingNote(e.label.split(':')[0]))
    .join(', ');
}

/** `Low haptoglobin (12 mg/dL)` → `Low haptoglobin`: index arithmetic, no backtracking regex. */
function withoutTrailingNote(label: string): string {
  const text = label.trimEnd();
  if (!text.endsWith(')')) return text.trim();
  const open = text.indexOf('(', text.lastIndexOf(')', text.length - 2) + 1);
  return (open < 0 || open === text.length - 1 ? text : text.slice(0, open)).trim();
}

export function writeMechanismEdits(analysis: CaseAnalysis, mechanism: MechanismScore, eol: string): TextEdit[] {
  const { lines } = analysis.model.syntax;
  const evidence = evidenceSummary(mechanism);
  const comment = `# Evidence: ${evidence || `score ${mechanism.score}`}`;
  const existing = analysis.model.answer.get('mechanism');
  if (existing) {
    const line = existing.keyRange.start.line;
    const edits: TextEdit[] = [];
    const above = line > 0 ? lines[line - 1] : undefined;
    if (above !== undefined && EVIDENCE_COMMENT.test(above)) {
      if (above !== comment) edits.push({ range: span(line - 1, 0, above.length), newText: comment });
    } else {
      edits.push({ range: span(line, 0, 0), newText: `${comment}${eol}` });
    }
    edits.push(valueEdit(lines[line], existing.value ? existing.valueRange : undefined, line, existing.keyRange.end.character, mechanism.id));
    return edits;
  }
  const answer = analysis.model.sections.get('answer');
  if (answer) {
    // At the end of the header's line, so whatever follows the `]` stays on it.
    const line = answer.headerRange.start.line;
    const at: Position = { line, character: lines[line].length };
    return [{ range: { start: at, end: at }, newText: `${eol}${comment}${eol}mechanism: ${mechanism.id}` }];
  }
  return [appendAnswer(lines, `[answer]${eol}${comment}${eol}mechanism: ${mechanism.id}${eol}`, eol)];
}

/** Replaces the value, or fills an empty `mechanism:` (trailing blanks and all). */
function valueEdit(lineText: string, valueRange: Range | undefined, line: number, keyEnd: number, id: string): TextEdit {
  // A value continued over lines is one value: all of it is replaced.
  if (valueRange) return { range: valueRange, newText: id };
  const afterColon = lineText.indexOf(':', keyEnd) + 1;
  return { range: span(line, afterColon, lineText.length - afterColon), newText: ` ${id}` };
}

/** Adds text at the end of the file on a line of its own, after one blank line. */
function appendAnswer(lines: string[], block: string, eol: string): TextEdit {
  const last = lines.length - 1;
  const end: Position = { line: last, character: lines[last].length };
  const endsWithBreak = lines[last] === '';
  // The line just above where the block will start: is it already blank?
  const lineAbove = endsWithBreak ? lines[last - 1] : lines[last];
  const needsBlank = lineAbove !== undefined && lineAbove.trim() !== '';
  const lead = (endsWithBreak ? '' : eol) + (needsBlank ? eol : '');
  return { range: { start: end, end }, newText: lead + block };
}

function span(line: number, character: number, length: number): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}
