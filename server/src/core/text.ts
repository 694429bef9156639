// Positions and ranges as LSP counts them: 0-based lines, UTF-16 code units within a line.
// The core never depends on vscode-languageserver, so it declares its own shapes; they are
// structurally identical to LSP's Position and Range and can be passed straight through.
// Both are read-only: the parser shares one position between the ranges that meet there (a
// key's end is its value's start), so a position changed in place would move several ranges.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Whether a UTF-16 code unit is an ASCII digit (`charCodeAt` past the end gives NaN: not one). */
export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function makeRange(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** A range covering `length` characters of one line, starting at `character`. */
export function lineSpan(line: number, character: number, length: number): Range {
  return makeRange(line, character, line, character + length);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/**
 * Splits a document into lines the way an editor does: `\r\n`, `\n` and a lone `\r` all end
 * a line, and the terminators are not part of the line text. A leading byte-order mark is
 * dropped, as editors drop it when they open a file, so columns match what the user sees.
 */
export interface SourceLines {
  lines: string[];
  /** 1 when the document started with a BOM. */
  bomLength: number;
}

export function splitLines(text: string): SourceLines {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bomLength ? text.slice(1) : text;
  // Most files end lines with \n only: the engine's own split is several times faster than a
  // loop over every character, and a bank is millions of characters.
  if (!body.includes('\r')) return { lines: body.split('\n'), bomLength };
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 10 /* \n */ || code === 13 /* \r */) {
      lines.push(body.slice(start, i));
      if (code === 13 && body.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(body.slice(start));
  return { lines, bomLength };
}
