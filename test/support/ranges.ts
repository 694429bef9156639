import { strict as assert } from 'node:assert';
import { splitLines, type Range } from '../../server/src/core/text';

/** Asserts that a range lies inside the document (as an editor would clamp it, it must not need to). */
export function assertInside(range: Range, text: string, what = 'range'): void {
  const { lines } = splitLines(text);
  const check = (p: Range['start'], end: string) => {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what} ${end} line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
      `${what} ${end} character ${p.character} outside line ${p.line} (length ${lines[p.line].length})`);
  };
  check(range.start, 'start');
  check(range.end, 'end');
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what} ends before it starts`);
}
