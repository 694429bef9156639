// Completion after a field's colon: a qualitative lab's words, the units accepted for a lab
// after its number, the vocabulary of enum fields, smear findings and see-also ids (list items:
// the item under the cursor, none already listed), the mechanisms as the engine ranks them, and
// what a question `asks` (the mechanism or an index) and the key of a numeric one that asks.
import type { CaseAnalysis } from '../analyzeCase';
import { findLab, type LabDefinition } from '../catalog/labCatalog';
import { fieldSpec, MECHANISMS, terms, type Term } from '../catalog/vocabulary';
import { INDEX_DEFINITIONS, INDEX_IDS } from '../clinical/indexDefinitions';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import { isAsciiDigit, type Position, type Range } from '../text';
import { splitListValue } from '../util/lists';
import { expectedIndexKeys } from '../questions/questionKeyChecks';
import { questionIn } from '../questions/questionModel';
import { ITEM_KIND, sortKey, type CompletionResult } from './completionItem';

/** What an item replaces on the cursor's line, and the space it needs before it (`key:value`). */
interface Span {
  range: Range;
  prefix: string;
}

export function valueItems(analysis: CaseAnalysis, section: SectionNode | undefined, field: FieldNode, position: Position, bankCaseIds: readonly string[]): CompletionResult[] {
  const lineText = analysis.model.syntax.lines[position.line] ?? '';
  // The value starts after the colon on the key's line, and at the margin on continuation lines.
  const onKeyLine = position.line === field.keyRange.start.line;
  const areaStart = onKeyLine ? lineText.indexOf(':', field.keyRange.end.character) + 1 : 0;
  if ((onKeyLine && areaStart === 0) || position.character < areaStart) return [];
  const name = section?.name ?? 'header';
  if (name === 'labs') {
    // A lab's value is on its key's line.
    const lab = findLab(field.key);
    if (!lab || !onKeyLine) return [];
    if (lab.kind === 'qualitative') return words(lab.values ?? [], wholeSpan(lineText, areaStart, position), ITEM_KIND.value);
    return unitItems(lab, lineText, areaStart, position);
  }
  if (name === 'answer' && field.key === 'mechanism') return mechanismItems(analysis, wholeSpan(lineText, areaStart, position));
  if (name === 'question' && field.key === 'asks' && onKeyLine) return asksItems(wholeSpan(lineText, areaStart, position));
  if (name === 'question' && field.key === 'answer' && onKeyLine) return keyItems(analysis, section!, wholeSpan(lineText, areaStart, position));
  if (name === 'header' && field.key === 'see-also') {
    const taken = otherItems(field, position);
    const ids = [...new Set(bankCaseIds)].filter((id) => id !== analysis.model.id && !taken.has(id.toLowerCase())).sort();
    return words(ids, itemSpan(lineText, areaStart, position), ITEM_KIND.reference);
  }
  if (name === 'header' && field.key === 'hide-indices') {
    // `yes` or `no` alone, or the index ids not listed yet.
    const taken = otherItems(field, position);
    const choices = taken.size ? INDEX_IDS.filter((id) => !taken.has(id)) : ['yes', 'no', ...INDEX_IDS];
    return words(choices, itemSpan(lineText, areaStart, position), ITEM_KIND.value);
  }
  const spec = fieldSpec(name, field.key);
  if (!spec?.values) return [];
  if (spec.type === 'list') {
    const taken = otherItems(field, position);
    return termItems(terms(spec.values).filter((t) => !taken.has(t.id.toLowerCase())), itemSpan(lineText, areaStart, position));
  }
  return termItems(terms(spec.values), wholeSpan(lineText, areaStart, position));
}

/** After the number of a quantitative lab: its accepted units, the canonical one first. */
function unitItems(lab: LabDefinition, lineText: string, areaStart: number, position: Position): CompletionResult[] {
  const typed = numberThenUnit(lineText.slice(areaStart, position.character));
  if (!typed) return [];
  const start = position.character - typed.unit.length;
  const span: Span = { range: lineRange(position.line, start, tokenEnd(lineText, position.character)), prefix: typed.gap ? '' : ' ' };
  return (lab.units ?? []).map((unit, i) => ({
    label: unit.unit,
    kind: ITEM_KIND.unit,
    detail: unit.unit === lab.canonicalUnit ? `canonical unit of ${lab.name}` : `× ${unit.factor} = ${lab.canonicalUnit}`,
    sortText: sortKey(i),
    filterText: unit.unit,
    textEdit: { range: span.range, newText: span.prefix + unit.unit },
  }));
}

/**
 * `[blanks][comparison][blanks][sign]number[gap][unit]` with no blank in the unit, as typed
 * before the cursor; undefined when the text is not a number followed by a unit so far. A
 * scanner, not a regular expression: two runs of blanks around an optional word made the
 * regex it replaces quadratic (6 s on a line of 60,000 spaces).
 */
export function numberThenUnit(text: string): { gap: string; unit: string } | undefined {
  let i = skipBlanks(text, 0);
  const comparison = ['<=', '>=', '<', '>', '≤', '≥'].find((op) => text.startsWith(op, i));
  if (comparison) i = skipBlanks(text, i + comparison.length);
  if (text[i] === '+' || text[i] === '-') i++;
  const digitsStart = i;
  i = skipDigits(text, i);
  if (i > digitsStart) {
    if (text[i] === '.') i = skipDigits(text, i + 1);
  } else {
    if (text[i] !== '.' || !isAsciiDigit(text.charCodeAt(i + 1))) return undefined;
    i = skipDigits(text, i + 1);
  }
  const gapStart = i;
  i = skipBlanks(text, i);
  const unit = text.slice(i);
  if (/\s/.test(unit)) return undefined;
  return { gap: text.slice(gapStart, i), unit };
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (isBlank(text[i])) i++;
  return i;
}

function skipDigits(text: string, from: number): number {
  let i = from;
  while (isAsciiDigit(text.charCodeAt(i))) i++;
  return i;
}


/** The mechanisms in the engine's order, its first choice preselected when it has any score. */
function mechanismItems(analysis: CaseAnalysis, span: Span): CompletionResult[] {
  const ranked = analysis.clinical.mechanisms.ranked;
  const order = (t: Term) => {
    const i = ranked.findIndex((m) => m.id === t.id);
    return i < 0 ? ranked.length : i;
  };
  const first = !analysis.clinical.mechanisms.withheld && ranked[0] && ranked[0].score > 0 ? ranked[0].id : undefined;
  return [...MECHANISMS].sort((a, b) => order(a) - order(b)).map((t, i) => {
    const score = ranked.find((m) => m.id === t.id)?.score;
    const chosen = t.id === first ? ` — the engine's first choice${analysis.clinical.mechanisms.clearChoice === t.id ? ' (clear)' : ''}` : '';
    return {
      label: t.id,
      kind: ITEM_KIND.enumMember,
      detail: score === undefined ? undefined : `score ${score}${chosen}`,
      documentation: t.description,
      sortText: sortKey(i),
      filterText: t.id,
      preselect: t.id === first || undefined,
      textEdit: { range: span.range, newText: span.prefix + t.id },
    };
  });
}

/** What a question's key can be checked against: the mechanism, or an index by id. */
function asksItems(span: Span): CompletionResult[] {
  const choices = [
    { id: 'mechanism', detail: 'the key must name the mechanism in [answer]' },
    ...INDEX_DEFINITIONS.map((d) => ({ id: d.id, detail: `${d.name}${d.unit ? `, ${d.unit}` : ''}: a numeric key computed from the labs` })),
  ];
  return choices.map((c, i) => ({
    label: c.id, kind: ITEM_KIND.enumMember, detail: c.detail, sortText: sortKey(i), filterText: c.id,
    textEdit: { range: span.range, newText: span.prefix + c.id },
  }));
}

/** The key of a numeric question that `asks` about an index, as the labs revealed by then give it. */
function keyItems(analysis: CaseAnalysis, section: SectionNode, span: Span): CompletionResult[] {
  const question = questionIn(analysis.model, section);
  if (!question || question.type !== 'numeric') return [];
  return expectedIndexKeys(analysis.clinical, question).map((key, i) => ({
    label: key.text, kind: ITEM_KIND.value, detail: `${key.name}${key.unit ? ` in ${key.unit}` : ''}, from ${key.panel}`, sortText: sortKey(i), filterText: key.text,
    textEdit: { range: span.range, newText: span.prefix + key.text },
  }));
}

function termItems(list: readonly Term[], span: Span): CompletionResult[] {
  return list.map((t, i) => ({
    label: t.id, kind: ITEM_KIND.enumMember, documentation: t.description, sortText: sortKey(i), filterText: t.id,
    textEdit: { range: span.range, newText: span.prefix + t.id },
  }));
}

function words(list: readonly string[], span: Span, kind: number): CompletionResult[] {
  return list.map((word, i) => ({ label: word, kind, sortText: sortKey(i), filterText: word, textEdit: { range: span.range, newText: span.prefix + word } }));
}

/** Items already in the list, except the one being typed, lowercased. */
function otherItems(field: FieldNode, position: Position): Set<string> {
  const inside = (r: Range) => r.start.line === position.line && r.start.character <= position.character && position.character <= r.end.character;
  return new Set(splitListValue(field).filter((item) => !inside(item.range)).map((item) => item.text.toLowerCase()));
}

/** The whole value on the cursor's line. */
function wholeSpan(lineText: string, areaStart: number, position: Position): Span {
  return trimmedSpan(lineText, areaStart, lineText.length, position);
}

/** The comma-separated item under the cursor. */
function itemSpan(lineText: string, areaStart: number, position: Position): Span {
  const comma = lineText.lastIndexOf(',', position.character - 1);
  const next = lineText.indexOf(',', position.character);
  return trimmedSpan(lineText, Math.max(areaStart, comma + 1), next < 0 ? lineText.length : next, position);
}

/** [from, to) without its blanks, stretched to hold the cursor. */
function trimmedSpan(lineText: string, from: number, to: number, position: Position): Span {
  let start = from;
  let end = to;
  while (start < end && isBlank(lineText[start])) start++;
  while (end > start && isBlank(lineText[end - 1])) end--;
  start = Math.min(start, position.character);
  end = Math.max(end, position.character);
  // Right after `:` or `,` the item needs its space: `key: value`, `a, b`.
  const prefix = start > 0 && !isBlank(lineText[start - 1]) ? ' ' : '';
  return { range: lineRange(position.line, start, end), prefix };
}

function tokenEnd(lineText: string, from: number): number {
  let end = from;
  while (end < lineText.length && !isBlank(lineText[end])) end++;
  return end;
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
