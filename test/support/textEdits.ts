// Applies LSP text edits as an editor does, after checking what an editor would reject:
// ranges outside the document and edits that overlap.
import { strict as assert } from 'node:assert';
import { splitLines, type Position, type Range } from '../../server/src/core/text';
import { assertInside } from './ranges';

export interface Edit {
  range: Range;
  newText: string;
}

export function applyTextEdits(text: string, edits: Edit[]): string {
  const { lines, bomLength } = splitLines(text);
  const starts: number[] = [];
  let offset = bomLength;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length;
    offset += text.startsWith('\r\n', offset) ? 2 : text[offset] === '\n' || text[offset] === '\r' ? 1 : 0;
  }
  const at = (p: Position) => starts[p.line] + p.character;
  for (const edit of edits) assertInside(edit.range, text, `edit ${JSON.stringify(edit)}`);
  // Stable sort by start: inserts at one position keep their order, as LSP requires.
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => at(a.edit.range.start) - at(b.edit.range.start) || a.index - b.index);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(at(sorted[i].edit.range.start) >= at(sorted[i - 1].edit.range.end), `edits overlap: ${JSON.stringify(sorted[i - 1].edit)} and ${JSON.stringify(sorted[i].edit)}`);
  }
  let result = '';
  let copied = 0;
  for (const { edit } of sorted) {
    result += text.slice(copied, at(edit.range.start)) + edit.newText;
    copied = at(edit.range.end);
  }
  return result + text.slice(copied);
}
