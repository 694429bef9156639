import { lineSpan, type Range } from '../text';
import type { FieldNode } from '../syntax/syntaxTree';

export interface ListItem {
  readonly text: string;
  readonly range: Range;
}

/**
 * Splits a comma-separated field value into trimmed items, each with its own range. Worked out
 * on each call, not remembered per field: a WeakMap keyed by the fields of every case of a bank
 * kept each case's items alive past the young-generation collections (V8 clears such entries
 * only in a full collection), which made the garbage collector the largest cost of `check`.
 * The two or three callers per field split a short line each.
 */
export function splitListValue(field: FieldNode): readonly ListItem[] {
  return splitItems(field);
}

function splitItems(field: FieldNode): ListItem[] {
  const items: ListItem[] = [];
  field.forEachValueLine((text, line, character) => {
    forEachPart(text, (start, end) => {
      items.push({ text: text.slice(start, end), range: lineSpan(line, character + start, end - start) });
    });
  });
  return items;
}

/** The items' texts alone, as splitListValue cuts them, for a caller that needs no ranges. */
export function listItemTexts(field: FieldNode): string[] {
  const texts: string[] = [];
  field.forEachValueLine((text) => forEachPart(text, (start, end) => texts.push(text.slice(start, end))));
  return texts;
}

/**
 * Each non-empty part of a line between commas, trimmed as String.prototype.trim trims, found
 * by index: only the items themselves are cut out (no array of parts, no trimmed copies).
 */
function forEachPart(text: string, visit: (start: number, end: number) => void): void {
  let partStart = 0;
  while (partStart <= text.length) {
    let partEnd = text.indexOf(',', partStart);
    if (partEnd < 0) partEnd = text.length;
    let start = partStart;
    let end = partEnd;
    while (start < end && isTrimmedAway(text.charCodeAt(start))) start++;
    while (end > start && isTrimmedAway(text.charCodeAt(end - 1))) end--;
    if (end > start) visit(start, end);
    partStart = partEnd + 1;
  }
}

/** What String.prototype.trim removes: white space (Zs, tab, VT, FF, BOM) and line terminators. */
function isTrimmedAway(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Formats `a, b or c` for messages. Remembered per list: the catalogs' long lists (every smear
 * finding, every field of a section) end a message each time a bank repeats an unknown word.
 * The lists passed are never changed after they are made, so the text cannot go stale.
 */
const formattedLists = new WeakMap<readonly string[], string>();

export function orList(words: readonly string[]): string {
  let text = formattedLists.get(words);
  if (text === undefined) {
    text = words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
    formattedLists.set(words, text);
  }
  return text;
}

/** The first `max` items joined by commas, the rest counted: `a, b, c and 4 more`. */
export function firstNamed(items: readonly string[], max = 10): string {
  return `${items.slice(0, max).join(', ')}${items.length > max ? ` and ${items.length - max} more` : ''}`;
}

/** Formats `a, b and c` for messages. */
export function andList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
