// Every quick fix, by diagnostic code, from the data the diagnostic carries: the editor's
// quick fixes, `source.fixAll` and `casewright check --fix` all take their edits from here, so
// a fix on save is exactly the fix a click makes. A fix is `safe` when nothing is chosen and
// nothing typed is lost: a word completed or re-spelt, a unit added to the value already read
// in it, a missing header inserted. Only safe fixes are applied without a look.
import type { CaseAnalysis } from '../analyzeCase';
import { diagnosticRule } from '../diagnosticCatalog';
import type { CaseDiagnostic } from '../diagnostics';
import type { Position, Range } from '../text';
import type { TextEdit } from './edits';
import { writeMechanismEdits } from './mechanismSuggestion';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Applied without a look (fix on save, `check --fix`): only one of these per diagnostic. */
  safe?: boolean;
  /** The one candidate (Ctrl+. applies it with the user looking); safe fixes are preferred too. */
  preferred?: boolean;
}

type FixMaker = (d: CaseDiagnostic, replacements: string[], analysis: CaseAnalysis, eol: string) => Fix[];

const replaceWith = (d: CaseDiagnostic, text: string): TextEdit[] => [{ range: d.range, newText: text }];

/** The same word but for case, spaces, `_` and `-`, or the word spelt out from its start (`neg`). */
function sameWordOrSpeltOut(typed: string, replacement: string): boolean {
  const plain = (w: string) => w.toLowerCase().replace(/[\s_-]+/g, '');
  const a = plain(typed);
  const b = plain(replacement);
  return a === b || (a.length >= 3 && b.startsWith(a));
}

/** Did you mean …? The range is the misspelt word; the replacements are the candidates. */
const didYouMean: FixMaker = (d, replacements, analysis) => {
  const typed = textAt(analysis.model.syntax.lines, d.range);
  // Safe only when exactly one candidate is the same word re-spelt (`Hyper-plastic`), not a guess.
  const same = replacements.filter((r) => sameWordOrSpeltOut(typed, r));
  return replacements.map((r) => ({
    title: `Change to \`${r}\``,
    edits: replaceWith(d, r),
    safe: same.length === 1 && same[0] === r,
    preferred: replacements.length === 1,
  }));
};

/** A case id or a lab name re-spelt is another thing, however close: never applied unseen. */
const choice: FixMaker = (d, replacements) => replacements.map((r) => ({ title: `Change to \`${r}\``, edits: replaceWith(d, r), preferred: replacements.length === 1 }));

/** A safer wording for an identifier (a relative day for a date, a role for a name): a choice, never safe. */
const rewordIdentifier: FixMaker = (d, replacements) =>
  replacements.map((r) => ({ title: `Replace with \`${r}\``, edits: replaceWith(d, r) }));

const FIXES: Record<string, FixMaker> = {
  'privacy-date': rewordIdentifier,
  'privacy-age': rewordIdentifier,
  'privacy-name': rewordIdentifier,
  // The range is the numeric key; the replacement is the index as the case's labs give it. Not
  // safe: the author may mean the labs to change instead.
  'question-key-disagrees': (d, [value]) => (value ? [{ title: `Change the key to ${value} (from the case's labs)`, edits: replaceWith(d, value), preferred: true }] : []),
  'unknown-question-stage': choice,
  // The range is the answer: `tolerance: 0` goes on the line after it. A choice (exact only),
  // so never applied unseen.
  'missing-tolerance': (d, [line], analysis, eol) => {
    const edit = line === 'tolerance: 0' ? lineAfterQuestionField(analysis, d.range, 'answer', line, eol) : undefined;
    return edit ? [{ title: 'Add `tolerance: 0` (only an exact answer scores)', edits: [edit] }] : [];
  },
  // The range is the stem: an intended negative stem is marked on the line after it.
  'item-negative-stem': (d, _r, analysis, eol) => {
    const edit = lineAfterQuestionField(analysis, d.range, 'stem', 'negative: yes', eol);
    return edit ? [{ title: 'Mark the negative stem as intended (`negative: yes`)', edits: [edit] }] : [];
  },
  // The range is `single` in `type: single` when several options are keys.
  'single-answer-keys': (d, [type]) => (type === 'multiple' ? [{ title: 'Change to `type: multiple` (several keys)', edits: replaceWith(d, type) }] : []),
  'unknown-section': didYouMean,
  'unknown-field': didYouMean,
  'unknown-lab': choice,
  'unknown-value': didYouMean,
  'unknown-smear-finding': didYouMean,
  'unknown-marrow-value': didYouMean,
  'unknown-mechanism': (d, replacements, analysis, eol) => (d.data?.oneOnly
    ? replacements.map((r) => ({ title: `Keep only \`${r}\``, edits: replaceWith(d, r) }))
    : didYouMean(d, replacements, analysis, eol)),
  'unknown-see-also': choice,
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
  'missing-unit': (d, [unit]) => (unit ? [{ title: `Add the unit ${unit}`, edits: [{ range: { start: d.range.end, end: d.range.end }, newText: ` ${unit}` }], safe: true }] : []),
  'mechanism-conflict': (d, [id]) => (id ? [{ title: `Change mechanism to \`${id}\` (engine's choice)`, edits: replaceWith(d, id) }] : []),
  'inconsistent-value': (d, [value]) => (value ? [{ title: `Use the calculated value ${value}`, edits: replaceWith(d, value) }] : []),
  // The range is a section header: the line is written into [answer] as "Suggest mechanism" does.
  'missing-mechanism': (_d, [id], analysis, eol) => {
    const mechanism = analysis.clinical.mechanisms.ranked.find((m) => m.id === id);
    if (!mechanism || analysis.model.answer.get('mechanism')?.value) return [];
    return [{ title: `Add mechanism \`${id}\` (engine's choice)`, edits: writeMechanismEdits(analysis, mechanism, eol) }];
  },
  // The range is the first stray line: the header goes above it, after a blank line.
  'missing-section-header': (d, [header], analysis, eol) => {
    if (!header || !/^\[[a-z]+\]$/.test(header)) return [];
    const line = d.range.start.line;
    const above = line > 0 ? analysis.model.syntax.lines[line - 1] : '';
    const at: Position = { line, character: 0 };
    return [{ title: `Insert \`${header}\` here`, edits: [{ range: { start: at, end: at }, newText: `${above.trim() ? eol : ''}${header}${eol}` }], safe: true }];
  },
  // A lab written as a line in [labs] (`Hb 7.2 g/dl`): the same lab in field form.
  // Only for a whole line and a replacement in field form: the data comes back from the client.
  'not-a-field': (d, [field], analysis) => {
    const line = analysis.model.syntax.lines[d.range.start.line];
    const whole = d.range.start.character === 0 && d.range.end.line === d.range.start.line && d.range.end.character === line.trimEnd().length;
    if (!field || !whole || !/^[a-z0-9][a-z0-9.-]*: \S/.test(field)) return [];
    return [{ title: `Rewrite as \`${field}\``, edits: replaceWith(d, field), safe: d.data?.repeated !== true }];
  },
  'unused-suppression': removeSuppression,
  // A lab in prose: the field is added to [labs]; the sentence stays as the author wrote it.
  'lab-in-prose': (_d, [field], analysis, eol) => (field ? [{ title: `Add \`${field}\` to [labs] (the sentence stays)`, edits: [addToLabs(analysis, field, eol)] }] : []),
};

/**
 * Codes whose absence the text alone cannot show: checked across the bank, or against files
 * (an image). `check --fix` sees one file, so it would find their suppressions unused.
 */
const CONTEXT_DEPENDENT = new Set(['image-not-found']);

function removableUnseen(code: string): boolean {
  const rule = diagnosticRule(code);
  return rule !== undefined && rule.scope === 'document' && !CONTEXT_DEPENDENT.has(code);
}

/**
 * A `casewright-disable` comment that silences nothing: the unused code taken out of its list,
 * or the comment's line removed when none of its codes is used (`data.removes`). Safe when every
 * code removed is a Casewright code whose absence the text shows; a comment without codes, or
 * with a code Casewright does not know (a typo of the one meant?), is left for the author.
 */
function removeSuppression(d: CaseDiagnostic, replacements: string[], analysis: CaseAnalysis): Fix[] {
  const { lines } = analysis.model.syntax;
  const line = d.range.start.line;
  const suppression = analysis.suppressions.find((s) => s.range.start.line === line);
  const removes = d.data?.removes;
  if (!suppression || (removes !== 'comment' && removes !== 'code')) return [];
  const respelt = replacements.map((r) => ({ title: `Change to \`${r}\``, edits: replaceWith(d, r) }));
  if (removes === 'comment') {
    const covered = suppression.codes.map((c) => c.code);
    const safe = covered.length > 0 && covered.every(removableUnseen);
    return [{ title: 'Remove this `casewright-disable` comment', edits: [deleteLine(lines, line)], safe, preferred: true }, ...respelt];
  }
  const code = textAt(lines, d.range).toLowerCase();
  if (!code) return respelt;
  return [{ title: `Remove \`${code}\` from this comment`, edits: [deleteListItem(lines[line], d.range)], safe: removableUnseen(code), preferred: true }, ...respelt];
}

/** The whole line with its line end (the one before it, for the last line). */
function deleteLine(lines: readonly string[], line: number): TextEdit {
  if (line + 1 < lines.length) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const start: Position = line > 0 ? { line: line - 1, character: lines[line - 1].length } : { line, character: 0 };
  return { range: { start, end: { line, character: lines[line].length } }, newText: '' };
}

/** One item of a comma-separated list, with the comma that joins it to the next (or the previous) one. */
function deleteListItem(text: string, range: Range): TextEdit {
  let start = range.start.character;
  let end = range.end.character;
  let after = end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (text[after] === ',') {
    after++;
    while (text[after] === ' ' || text[after] === '\t') after++;
    end = after;
  } else {
    let before = start;
    while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
    if (text[before - 1] === ',') start = before - 1;
  }
  return { range: { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: end } }, newText: '' };
}

/** The fixes for one diagnostic; none for a diagnostic from an older text that points past its end. */
export function fixesFor(d: CaseDiagnostic, analysis: CaseAnalysis, eol: string): Fix[] {
  const make = FIXES[d.code];
  if (!make || !insideDocument(d.range, analysis.model.syntax.lines)) return [];
  return make(d, strings(d.data?.replacements), analysis, eol);
}

/**
 * The safe fixes for `diagnostics`, one per diagnostic that has exactly one, as edits that do
 * not overlap (a later fix touching an earlier one's range waits for the next pass).
 */
export function safeFixEdits(analysis: CaseAnalysis, diagnostics: readonly CaseDiagnostic[], eol: string): TextEdit[] {
  const chosen: TextEdit[][] = [];
  for (const d of diagnostics) {
    const safe = fixesFor(d, analysis, eol).filter((f) => f.safe);
    if (safe.length === 1) chosen.push(safe[0].edits);
  }
  const order = (a: Range, b: Range) => a.start.line - b.start.line || a.start.character - b.start.character;
  chosen.sort((a, b) => order(a[0].range, b[0].range));
  const edits: TextEdit[] = [];
  let reached: Position | undefined;
  for (const fix of chosen) {
    const sorted = [...fix].sort((a, b) => order(a.range, b.range));
    if (reached && before(sorted[0].range.start, reached)) continue;
    for (const edit of sorted) edits.push(edit);
    reached = sorted[sorted.length - 1].range.end;
  }
  return edits;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** At the end of the first panel's last line, or a new [labs] after the first prose section. */
function addToLabs(analysis: CaseAnalysis, field: string, eol: string): TextEdit {
  const { lines } = analysis.model.syntax;
  const panel = analysis.model.panels[0]?.section;
  if (panel) {
    const at: Position = { line: panel.range.end.line, character: lines[panel.range.end.line].length };
    return { range: { start: at, end: at }, newText: `${eol}${field}` };
  }
  const prose = analysis.model.syntax.sections.find((s) => s.kind === 'prose');
  const line = prose ? prose.range.end.line : lines.length - 1;
  const at: Position = { line, character: lines[line].length };
  return { range: { start: at, end: at }, newText: `${eol}${eol}[labs]${eol}${field}` };
}

/** A line after the question field (`key`) whose range holds `range`'s start (past its continuation lines). */
function lineAfterQuestionField(analysis: CaseAnalysis, range: Range, key: string, text: string, eol: string): TextEdit | undefined {
  const line = range.start.line;
  const question = analysis.model.questions.find((q) => q.section.range.start.line <= line && line <= q.section.range.end.line);
  const field = question?.section.fields.find((f) => f.key === key && f.range.start.line <= line && line <= f.range.end.line);
  if (!field) return undefined;
  const end = field.range.end.line;
  const at: Position = { line: end, character: analysis.model.syntax.lines[end].length };
  return { range: { start: at, end: at }, newText: `${eol}${text}` };
}

/** The client sends `data` back as it got it, but it is still input: keep one-line strings only, a few. */
export function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && !/[\r\n]/.test(v)).slice(0, 5);
}

function textAt(lines: readonly string[], range: Range): string {
  return range.start.line === range.end.line ? lines[range.start.line].slice(range.start.character, range.end.character) : '';
}

function insideDocument(range: Range, lines: readonly string[]): boolean {
  const fits = (p: Range['start']) => Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length && Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length;
  return fits(range.start) && fits(range.end) && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}
