import { lineSpan, type Range } from '../text';
import type { FieldNode } from '../syntax/syntaxTree';

export interface ListItem {
  readonly text: string;
  readonly range: Range;
}

/** Items by field: the model, the projection and the checks all ask for the same lists. */
const itemsByField = new WeakMap<FieldNode, readonly ListItem[]>();

/**
 * Splits a comma-separated field value into trimmed items, each with its own range. The
 * result is shared between callers, hence read-only (a WeakMap: it goes with the field).
 */
export function splitListValue(field: FieldNode): readonly ListItem[] {
  let items = itemsByField.get(field);
  if (!items) {
    items = splitItems(field);
    itemsByField.set(field, items);
  }
  return items;
}

function splitItems(field: FieldNode): ListItem[] {
  const items: ListItem[] = [];
  for (const line of field.valueLines) {
    let offset = 0;
    for (const part of line.text.split(',')) {
      const lead = part.length - part.trimStart().length;
      const text = part.trim();
      if (text) items.push({ text, range: lineSpan(line.range.start.line, line.range.start.character + offset + lead, text.length) });
      offset += part.length + 1;
    }
  }
  return items;
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

/** Formats `a, b and c` for messages. */
export function andList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
