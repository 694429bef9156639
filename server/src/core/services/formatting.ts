// Formatting changes whitespace only: values in each block of fields start in one column,
// `key:value` gets one space, trailing blanks go, runs of blank lines collapse to one, and the
// file ends with one newline. Idempotent; line endings kept; minimal edits, one per line.
import type { CaseSyntax, FieldNode } from '../syntax/syntaxTree';
import type { TextEdit } from './edits';

export interface FormattingOptions {
  tabSize: number;
  insertSpaces: boolean;
}

export function formatCase(text: string, syntax: CaseSyntax, options: FormattingOptions): TextEdit[] {
  const lines = syntax.lines;
  const desired = new Map<number, string>();
  const blocks = [syntax.header, ...syntax.sections.map((s) => s.fields)];
  const indent = options.insertSpaces ? ' '.repeat(Math.max(1, Math.min(8, options.tabSize))) : '\t';
  for (const block of blocks) alignBlock(block, lines, desired, indent);
  const edits: TextEdit[] = [];
  // Blank-line runs collapse to one; blanks at the very end go.
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && lines[lastContent].trim() === '') lastContent--;
  let previousBlank = false;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 0; line < lines.length; line++) {
    const current = lines[line];
    const blank = current.trim() === '';
    if (line > lastContent) break;
    if (blank && previousBlank) {
      // Delete the whole line, its line break included.
      edits.push({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' });
      continue;
    }
    previousBlank = blank;
    const wanted = desired.get(line) ?? current.replace(/[ \t]+$/, '');
    if (wanted !== current) edits.push(...minimalEdit(line, current, wanted));
  }
  // One final newline, in the file's own line ending.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (lastContent < 0) return edits;
  const endOfContent = { line: lastContent, character: lines[lastContent].length };
  const endOfFile = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const tail = text.slice(offsetOf(text, lines, endOfContent, bom));
  if (tail !== eol) edits.push({ range: { start: endOfContent, end: endOfFile }, newText: eol });
  return edits;
}

function alignBlock(fields: FieldNode[], lines: string[], desired: Map<number, string>, indent: string): void {
  if (!fields.length) return;
  const column = Math.max(...fields.map((f) => f.rawKey.length)) + 2; // "key:" plus one space
  for (const field of fields) {
    const line = field.keyRange.start.line;
    const value = field.valueLines[0]?.range.start.line === line ? field.valueLines[0].text : '';
    desired.set(line, value ? `${`${field.rawKey}:`.padEnd(column)}${value}` : `${field.rawKey}:`);
    for (const piece of field.valueLines) {
      if (piece.range.start.line === line) continue;
      const text = lines[piece.range.start.line];
      desired.set(piece.range.start.line, `${indent}${text.trim()}`);
    }
  }
}

/** Replaces only the differing middle of a line. */
function minimalEdit(line: number, current: string, wanted: string): TextEdit[] {
  let start = 0;
  while (start < current.length && start < wanted.length && current[start] === wanted[start]) start++;
  let endCurrent = current.length;
  let endWanted = wanted.length;
  while (endCurrent > start && endWanted > start && current[endCurrent - 1] === wanted[endWanted - 1]) {
    endCurrent--;
    endWanted--;
  }
  return [{ range: { start: { line, character: start }, end: { line, character: endCurrent } }, newText: wanted.slice(start, endWanted) }];
}

function offsetOf(text: string, lines: string[], position: { line: number; character: number }, bom: number): number {
  let offset = bom;
  for (let i = 0; i < position.line; i++) {
    offset += lines[i].length;
    offset += text.startsWith('\r\n', offset) ? 2 : 1;
  }
  return offset + position.character;
}
