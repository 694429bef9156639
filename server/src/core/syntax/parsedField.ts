// A field as the parser builds it: its positions are kept as numbers, and each range (and the
// list of value lines) is made when read. A bank has hundreds of thousands of fields and `check`
// reads few of their ranges, each once: made eagerly they were a dozen objects a field, most of
// the parser's allocation. Nothing is kept once made, so the field stays six slots.
import type { Range } from '../text';
import type { FieldNode, TextLine } from './syntaxTree';

const NO_LINES: readonly TextLine[] = Object.freeze([]);

export class ParsedField implements FieldNode {
  /** The value as joined so far (continueWith adds to it). */
  private joined: string;
  /**
   * Every value line, once the value is continued on an indented line (few fields are): then
   * the value starts at the first and ends at the last. Undefined while the value is the key's
   * line alone, from `valueStart`.
   */
  private pieces: TextLine[] | undefined = undefined;

  /** `onKeyLine` is the value as written on the key's line (trimmed, maybe empty), from `valueStart` on. */
  constructor(
    readonly key: string,
    readonly rawKey: string,
    readonly line: number,
    onKeyLine: string,
    private readonly valueStart: number,
  ) {
    this.joined = onKeyLine;
  }

  get value(): string {
    return this.joined;
  }

  get valueLine(): number {
    return this.pieces ? this.pieces[0].range.start.line : this.line;
  }

  get valueCharacter(): number {
    return this.pieces ? this.pieces[0].range.start.character : this.valueStart;
  }

  get valueLineCount(): number {
    return this.pieces ? this.pieces.length : this.joined ? 1 : 0;
  }

  get keyRange(): Range {
    return span(this.line, 0, this.line, this.rawKey.length);
  }

  get valueRange(): Range {
    if (!this.pieces) return this.keyLineValueRange();
    const first = this.pieces[0].range.start;
    const last = this.pieces[this.pieces.length - 1].range.end;
    return span(first.line, first.character, last.line, last.character);
  }

  get range(): Range {
    const end = this.pieces ? this.pieces[this.pieces.length - 1].range.end : { line: this.line, character: this.valueStart + this.joined.length };
    return span(this.line, 0, end.line, end.character);
  }

  get valueLines(): readonly TextLine[] {
    if (this.pieces) return this.pieces;
    return this.joined ? [{ text: this.joined, range: this.keyLineValueRange() }] : NO_LINES;
  }

  forEachValueLine(visit: (text: string, line: number, character: number) => void): void {
    if (!this.pieces) {
      if (this.joined) visit(this.joined, this.line, this.valueStart);
      return;
    }
    for (const { text, range } of this.pieces) visit(text, range.start.line, range.start.character);
  }

  /** An indented line that continues the value (the parser's, while it builds the field). */
  continueWith(piece: TextLine): void {
    this.pieces ??= this.joined ? [{ text: this.joined, range: this.keyLineValueRange() }] : [];
    this.pieces.push(piece);
    this.joined = this.joined ? `${this.joined} ${piece.text}` : piece.text;
  }

  /** The value on the key's line (an empty range after the colon when there is none). */
  private keyLineValueRange(): Range {
    return span(this.line, this.valueStart, this.line, this.valueStart + this.joined.length);
  }
}

function span(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  const start = { line: startLine, character: startCharacter };
  // An empty range shares its one position, as the parser's ranges always have.
  return { start, end: startLine === endLine && startCharacter === endCharacter ? start : { line: endLine, character: endCharacter } };
}
