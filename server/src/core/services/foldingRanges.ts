// Folding: each section, multi-line field values, and runs of comment lines.
import type { CaseSyntax } from '../syntax/syntaxTree';

export interface FoldingRangeResult {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export function foldingRanges(syntax: CaseSyntax): FoldingRangeResult[] {
  const ranges: FoldingRangeResult[] = [];
  for (const section of syntax.sections) {
    if (section.range.end.line > section.range.start.line) ranges.push({ startLine: section.range.start.line, endLine: section.range.end.line, kind: 'region' });
  }
  for (const field of [...syntax.header, ...syntax.sections.flatMap((s) => s.fields)]) {
    if (field.range.end.line > field.range.start.line) ranges.push({ startLine: field.range.start.line, endLine: field.range.end.line });
  }
  let runStart = -1;
  let previous = -2;
  for (const comment of syntax.comments) {
    const line = comment.start.line;
    if (line !== previous + 1) {
      if (runStart >= 0 && previous > runStart) ranges.push({ startLine: runStart, endLine: previous, kind: 'comment' });
      runStart = line;
    }
    previous = line;
  }
  if (runStart >= 0 && previous > runStart) ranges.push({ startLine: runStart, endLine: previous, kind: 'comment' });
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
