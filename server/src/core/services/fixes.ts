// Every quick fix, by diagnostic code, from the data the diagnostic carries: the editor's
// quick fixes, `source.fixAll` and `casewright check --fix` all take their edits from here, so
// a fix on save is exactly the fix a click makes. A fix is `safe` when nothing is chosen and
// nothing typed is lost: a word completed or re-spelt, a unit added to the value already read
// in it, a missing header inserted. Only safe fixes are applied without a look.
import type { CaseAnalysis } from '../analyzeCase';
import { SECTIONS } from '../catalog/vocabulary';
import { diagnosticRule } from '../diagnosticCatalog';
import type { CaseDiagnostic } from '../diagnostics';
import type { FieldNode } from '../syntax/syntaxTree';
import type { Position, Range } from '../text';
import type { TextEdit } from './edits';
import { writeMechanismEdits } from './mechanismSuggestion';
import { sectionAt } from './nodeAtPosition';
import { questionIn } from '../questions/questionModel';

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
  // The range is the key written with a decimal comma; the replacements are its readings.
  'invalid-numeric-answer': choice,
  // The range is the `* ` that marks nothing in an ordering question: removing it loses nothing shown.
  'ordering-key-marker': (d) => [{ title: 'Remove the `* ` (the order written is the key)', edits: replaceWith(d, ''), preferred: true }],
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
  // The range is the first stray line: the header goes above it (and above the comments that
  // open its paragraph), after a blank line. A header the author must still name (`[labs: later]`)
  // is offered, not applied unseen.
  'missing-section-header': (d, [header], analysis, eol) => {
    if (!header || !/^\[[a-z]+(: [a-z0-9 ]+)?\]$/.test(header)) return [];
    const { lines } = analysis.model.syntax;
    const line = paragraphStart(lines, d.range.start.line);
    const above = line > 0 ? lines[line - 1] : '';
    const at: Position = { line, character: 0 };
    // A guessed prose header is offered like an unnamed one, but has no panel to name.
    const title = d.data?.unnamed && !d.data?.guessed ? `Insert \`${header}\` here (then name the panel)` : `Insert \`${header}\` here`;
    return [{ title, edits: [{ range: { start: at, end: at }, newText: `${above.trim() ? eol : ''}${header}${eol}` }], safe: d.data?.unnamed !== true, preferred: true }];
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
  // `45 years` → `45 y` (the same age re-spelt: safe); a bare `45` → `45 y` (offered: it may be months).
  'invalid-age': (d, _r, analysis) => {
    const typed = textAt(analysis.model.syntax.lines, d.range).trim();
    const spelt = AGE_SPELT.exec(typed);
    const unit = spelt ? AGE_UNITS.find(([pattern]) => pattern.test(spelt[2]))?.[1] : undefined;
    if (spelt && unit) return [{ title: `Change to \`${spelt[1]} ${unit}\``, edits: replaceWith(d, `${spelt[1]} ${unit}`), safe: true, preferred: true }];
    if (/^\d{1,3}(\.\d+)?$/.test(typed)) return [{ title: `Change to \`${typed} y\` (years)`, edits: replaceWith(d, `${typed} y`) }];
    return [];
  },
  // `Thal Major 01` → `thal-major-01`: offered, not applied unseen (links and file names use the id).
  'invalid-case-id': (d, _r, analysis) => {
    const typed = textAt(analysis.model.syntax.lines, d.range);
    const id = typed.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return id && id !== typed && id.length <= 100 ? [{ title: `Change to \`${id}\``, edits: replaceWith(d, id), preferred: true }] : [];
  },
  // `[labs:]`: the colon and the blanks after it go; nothing typed is lost.
  'empty-qualifier': (d, _r, analysis) => {
    const text = analysis.model.syntax.lines[d.range.start.line];
    const close = text.indexOf(']');
    const colon = text.lastIndexOf(':', close);
    if (close < 0 || colon < 0 || text.slice(colon + 1, close).trim()) return [];
    return [{ title: 'Remove the empty `:`', edits: [edit(d.range.start.line, colon, close, '')], safe: true, preferred: true }];
  },
  'malformed-section-header': (d, _r, analysis, eol) => {
    const line = d.range.start.line;
    const text = analysis.model.syntax.lines[line];
    const close = text.indexOf(']');
    // Text after the header: moved to a line of its own, as written.
    if (close >= 0 && d.range.start.character > close) {
      return [{ title: 'Move the text after the header to the next line', edits: [edit(line, close + 1, d.range.start.character, eol)], safe: true, preferred: true }];
    }
    // No closing `]`: added, safely when what it closes is a section the format knows.
    if (close < 0 && d.range.start.character === 0) {
      const end = d.range.end.character;
      const name = text.slice(1, end).split(':')[0].trim().toLowerCase();
      return [{ title: 'Add the closing `]`', edits: [edit(line, end, end, ']')], safe: SECTIONS.some((s) => s.name === name), preferred: true }];
    }
    return [];
  },
  // `[marrow: day 3]`: the qualifier goes (offered: it is typed text the author may want elsewhere).
  'unexpected-qualifier': (d, _r, analysis) => {
    const text = analysis.model.syntax.lines[d.range.start.line];
    const close = text.indexOf(']');
    const colon = text.lastIndexOf(':', d.range.start.character);
    if (close < d.range.end.character || colon < 0) return [];
    return [{ title: 'Remove the qualifier', edits: [edit(d.range.start.line, colon, close, '')], preferred: true }];
  },
  'ready-without-reviewer': backToReview,
  'ready-with-errors': backToReview,
  // The range is the second key: that field (with its continuation lines) goes; the first is the one used.
  'duplicate-field': (d, _r, analysis) => {
    const field = fieldAt(analysis, d.range.start.line);
    if (!field) return [];
    return [{ title: 'Remove this line (the first is the one used)', edits: [deleteLines(analysis.model.syntax.lines, field.range.start.line, field.range.end.line)] }];
  },
  // A lab in prose: the field is added to [labs]; the sentence stays as the author wrote it.
  'lab-in-prose': (_d, [field], analysis, eol) => (field ? [{ title: `Add \`${field}\` to [labs] (the sentence stays)`, edits: [addToLabs(analysis, field, eol)] }] : []),
};

/** The range is the `ready` value: back to review, the author's call. */
function backToReview(d: CaseDiagnostic): Fix[] {
  return [{ title: 'Set `status: review`', edits: replaceWith(d, 'review'), preferred: true }];
}

/** An age with its unit spelt out: `45 years`, `18 mo.`, `3 weeks`, `10 days`, `45 yo`. */
const AGE_SPELT = /^(\d{1,3}(?:\.\d+)?)\s*([a-z/]{1,6})\.?$/i;
const AGE_UNITS: [RegExp, string][] = [
  [/^(y|yr|yrs|year|years|yo|y\/o)$/i, 'y'],
  [/^(m|mo|mos|mth|mths|month|months)$/i, 'mo'],
  [/^(w|wk|wks|week|weeks)$/i, 'wk'],
  [/^(d|day|days)$/i, 'd'],
];

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

/**
 * Where a header for `line` goes: above the comment lines directly over it when a blank line (or
 * the section's header) comes before them, since they open its paragraph. A suppression comment
 * stays with the line it silences.
 */
function paragraphStart(lines: readonly string[], line: number): number {
  let start = line;
  while (start > 0 && /^\s*#/.test(lines[start - 1]) && !/casewright-disable-next-line/.test(lines[start - 1])) start--;
  if (start === line) return line;
  const before = start > 0 ? lines[start - 1].trim() : '';
  return before === '' || before.startsWith('[') ? start : line;
}

/** The whole line with its line end (the one before it, for the last line). */
function deleteLine(lines: readonly string[], line: number): TextEdit {
  return deleteLines(lines, line, line);
}

/** Lines `from` through `to` with their line ends (the one before them, at the end of the file). */
function deleteLines(lines: readonly string[], from: number, to: number): TextEdit {
  if (to + 1 < lines.length) return { range: { start: { line: from, character: 0 }, end: { line: to + 1, character: 0 } }, newText: '' };
  const start: Position = from > 0 ? { line: from - 1, character: lines[from - 1].length } : { line: from, character: 0 };
  return { range: { start, end: { line: to, character: lines[to].length } }, newText: '' };
}

function edit(line: number, from: number, to: number, newText: string): TextEdit {
  return { range: { start: { line, character: from }, end: { line, character: to } }, newText };
}

/** The field whose key is on `line` (in the header or a section). */
function fieldAt(analysis: CaseAnalysis, line: number): FieldNode | undefined {
  const section = sectionAt(analysis.model, line);
  return (section ? section.fields : analysis.model.syntax.header).find((f) => f.line === line);
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
  const section = sectionAt(analysis.model, line);
  const question = questionIn(analysis.model, section);
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
