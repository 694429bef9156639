// Formatting changes spaces and tabs only, so it is safe on any file, broken ones included:
// - in each block of fields (the header, each section) the values start in one column;
// - continuation lines are indented by one unit (options.insertSpaces/tabSize), so they still
//   continue their field;
// - trailing spaces and tabs go, runs of blank lines become one, the file ends with one line end;
// - every other line (prose, comments, section headers, lines in error) keeps its text.
// Line ends are kept as they are (a CRLF file stays CRLF). The edits are minimal, one per
// changed line (or per run of deleted lines), and formatting twice changes nothing more.
import type { CaseSyntax, FieldNode } from '../syntax/syntaxTree';
import { splitLines, type Range } from '../text';
import type { TextEdit } from './edits';

export interface FormattingOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/**
 * The edits that format `text` (whose syntax tree is `syntax`). With `range`, only the lines it
 * touches change, but to the same result as formatting the whole document.
 */
export function formatCase(text: string, syntax: CaseSyntax, options: FormattingOptions, range?: Range): TextEdit[] {
  const { lines } = splitLines(text);
  // A syntax tree of another version of the text would misplace every edit.
  if (lines.length !== syntax.lines.length) return [];
  const wanted = lines.map(trimEnd);
  const indent = options.insertSpaces ? ' '.repeat(Math.min(8, Math.max(1, Math.floor(options.tabSize) || 1))) : '\t';
  for (const block of [syntax.header, ...syntax.sections.map((s) => s.fields)]) alignBlock(block, wanted, indent);

  const inRange = lineFilter(range);
  const last = lastNonBlank(wanted);
  const endOfFile = { line: lines.length - 1, character: lines[lines.length - 1].length };
  if (last < 0) {
    // Nothing but blank lines: the document becomes empty.
    const empty = endOfFile.line === 0 && endOfFile.character === 0;
    return empty || !inRange(0) ? [] : [{ range: { start: { line: 0, character: 0 }, end: endOfFile }, newText: '' }];
  }

  const edits: TextEdit[] = [];
  let deleteFrom = -1;
  for (let line = 0; line < last; line++) {
    // The second and later blank lines of a run go, line ends included.
    if (line > 0 && wanted[line] === '' && wanted[line - 1] === '' && inRange(line)) {
      if (deleteFrom < 0) deleteFrom = line;
      continue;
    }
    if (deleteFrom >= 0) {
      edits.push({ range: { start: { line: deleteFrom, character: 0 }, end: { line, character: 0 } }, newText: '' });
      deleteFrom = -1;
    }
    if (inRange(line) && wanted[line] !== lines[line]) edits.push(lineEdit(line, lines[line], wanted[line]));
  }
  if (deleteFrom >= 0) edits.push({ range: { start: { line: deleteFrom, character: 0 }, end: { line: last, character: 0 } }, newText: '' });
  // The blank lines after the last non-blank line belong to it: selecting them trims the end too.
  if (inRange(last) || (range && range.end.line > last)) {
    const edit = lastLineEdit(text, lines, inRange(last) ? wanted[last] : lines[last], last, endOfFile);
    if (edit) edits.push(edit);
  }
  return edits;
}

function alignBlock(fields: FieldNode[], wanted: string[], indent: string): void {
  // Only fields with a value on their own line decide the column: `explanation:` followed by
  // an indented paragraph has nothing to align.
  let widest = 0;
  for (const field of fields) if (inlineValue(field)) widest = Math.max(widest, field.rawKey.length);
  const column = widest + 2; // "key:" and at least one space
  for (const field of fields) {
    const line = field.keyRange.start.line;
    const value = inlineValue(field);
    wanted[line] = value ? `${field.rawKey}:`.padEnd(column) + value : `${field.rawKey}:`;
    // The parser trimmed each piece of spaces and tabs only, so its text is the line's own text.
    for (const piece of field.valueLines) if (piece.range.start.line !== line) wanted[piece.range.start.line] = indent + piece.text;
  }
}

function inlineValue(field: FieldNode): string {
  const first = field.valueLines[0];
  return first && first.range.start.line === field.keyRange.start.line ? first.text : '';
}

/** The last line: its own change and, when needed, exactly one line end after it. */
function lastLineEdit(text: string, lines: string[], wanted: string, last: number, endOfFile: { line: number; character: number }): TextEdit | undefined {
  const current = lines[last];
  const terminators = lineTerminators(text, lines);
  // Already one line end, then nothing: the final "line" is the empty one after it.
  const tailIsFine = last === lines.length - 2 && lines[last + 1] === '';
  if (tailIsFine) return wanted === current ? undefined : lineEdit(last, current, wanted);
  const ending = terminators[last] || terminators.find((t) => t) || '\n';
  let start = 0;
  while (start < current.length && start < wanted.length && current[start] === wanted[start]) start++;
  return { range: { start: { line: last, character: start }, end: endOfFile }, newText: wanted.slice(start) + ending };
}

/** Replaces only the differing middle of a line. */
function lineEdit(line: number, current: string, wanted: string): TextEdit {
  let start = 0;
  while (start < current.length && start < wanted.length && current[start] === wanted[start]) start++;
  let endCurrent = current.length;
  let endWanted = wanted.length;
  while (endCurrent > start && endWanted > start && current[endCurrent - 1] === wanted[endWanted - 1]) {
    endCurrent--;
    endWanted--;
  }
  return { range: { start: { line, character: start }, end: { line, character: endCurrent } }, newText: wanted.slice(start, endWanted) };
}

/** What ends each line: `\r\n`, `\n`, `\r`, or nothing for the last. */
function lineTerminators(text: string, lines: string[]): string[] {
  const result: string[] = [];
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const line of lines) {
    offset += line.length;
    const ending = text.startsWith('\r\n', offset) ? '\r\n' : text[offset] === '\n' || text[offset] === '\r' ? text[offset] : '';
    result.push(ending);
    offset += ending.length;
  }
  return result;
}

/** The lines a range formatting request covers; a selection ending at column 0 stops before that line. */
function lineFilter(range: Range | undefined): (line: number) => boolean {
  if (!range) return () => true;
  const first = range.start.line;
  const last = range.end.character === 0 && range.end.line > first ? range.end.line - 1 : range.end.line;
  return (line) => line >= first && line <= last;
}

function lastNonBlank(lines: string[]): number {
  let line = lines.length - 1;
  while (line >= 0 && lines[line] === '') line--;
  return line;
}

/** Trailing spaces and tabs only: other white space is text to the parser. */
function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}
