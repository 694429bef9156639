// A field as the parser builds it: its positions are kept as numbers, and each range (and the
// list of value lines) is made on first read, then kept. A bank has hundreds of thousands of
// fields and `check` reads few of their ranges: made eagerly they were a dozen objects a field,
// most of the parser's allocation.
import type { Range } from '../text';
import type { FieldNode, TextLine } from './syntaxTree';

export class ParsedField implements FieldNode {
  /** The value as joined so far (continueWith adds to it). */
  private joined: string;
  /** Where the value ends: the last character of its last line. */
  private endLine: number;
  private endCharacter: number;
  /** The value lines after the key's line (made as they come: few fields have any). */
  private continuation: TextLine[] | undefined = undefined;
  private madeKeyRange: Range | undefined = undefined;
  private madeValueRange: Range | undefined = undefined;
  private madeRange: Range | undefined = undefined;
  private madeValueLines: readonly TextLine[] | undefined = undefined;
  /** `valueRange.start`: after the colon, or the first continuation line when the key's line has no value. */
  private startLine: number;
  private startCharacter: number;

  /**
   * `onKeyLine` is the value as written on the key's line (trimmed, maybe empty), from
   * `valueStart` on; an empty value's range is the empty range at `valueStart`.
   */
  constructor(
    readonly key: string,
    readonly rawKey: string,
    readonly line: number,
    private readonly onKeyLine: string,
    valueStart: number,
  ) {
    this.joined = onKeyLine;
    this.startLine = line;
    this.startCharacter = valueStart;
    this.endLine = line;
    this.endCharacter = valueStart + onKeyLine.length;
  }

  get value(): string {
    return this.joined;
  }

  get valueLine(): number {
    return this.startLine;
  }

  get valueCharacter(): number {
    return this.startCharacter;
  }

  get valueLineCount(): number {
    return (this.onKeyLine ? 1 : 0) + (this.continuation?.length ?? 0);
  }

  get keyRange(): Range {
    return (this.madeKeyRange ??= span(this.line, 0, this.line, this.rawKey.length));
  }

  get valueRange(): Range {
    return (this.madeValueRange ??= span(this.startLine, this.startCharacter, this.endLine, this.endCharacter));
  }

  get range(): Range {
    return (this.madeRange ??= span(this.line, 0, this.endLine, this.endCharacter));
  }

  get valueLines(): readonly TextLine[] {
    if (this.madeValueLines) return this.madeValueLines;
    const lines: TextLine[] = [];
    if (this.onKeyLine) {
      // A value on the key's line is where valueRange starts.
      lines.push({ text: this.onKeyLine, range: span(this.line, this.startCharacter, this.line, this.startCharacter + this.onKeyLine.length) });
    }
    if (this.continuation) for (const piece of this.continuation) lines.push(piece);
    return (this.madeValueLines = lines);
  }

  /** An indented line that continues the value (the parser's, while it builds the field). */
  continueWith(piece: TextLine): void {
    this.madeValueRange = this.madeRange = this.madeValueLines = undefined;
    if (!this.onKeyLine && !this.continuation) {
      this.startLine = piece.range.start.line;
      this.startCharacter = piece.range.start.character;
    }
    (this.continuation ??= []).push(piece);
    this.joined = this.joined ? `${this.joined} ${piece.text}` : piece.text;
    this.endLine = piece.range.end.line;
    this.endCharacter = piece.range.end.character;
  }
}

function span(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  const start = { line: startLine, character: startCharacter };
  // An empty range shares its one position, as the parser's ranges always have.
  return { start, end: startLine === endLine && startCharacter === endCharacter ? start : { line: endLine, character: endCharacter } };
}
