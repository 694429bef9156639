// Folding: each section (its header to its last non-blank line), each field whose value runs
// over several lines, and each run of two or more consecutive comment lines.
import type { CaseSyntax } from '../syntax/syntaxTree';
import { sectionExtent } from './sectionExtent';

/** LSP-shaped. Sections and fields carry no kind: `region` is for explicit region markers. */
export interface FoldingRangeResult {
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

export function foldingRanges(syntax: CaseSyntax): FoldingRangeResult[] {
  const ranges: FoldingRangeResult[] = [];
  const add = (startLine: number, endLine: number, kind?: 'comment') => {
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  syntax.sections.forEach((_, index) => {
    const extent = sectionExtent(syntax, index);
    add(extent.start.line, extent.end.line);
  });
  for (const field of [...syntax.header, ...syntax.sections.flatMap((s) => s.fields)]) add(field.range.start.line, field.range.end.line);
  // Comment ranges arrive in line order, one per line.
  let runStart = -1;
  let previous = -2;
  for (const comment of syntax.comments) {
    const line = comment.start.line;
    if (line !== previous + 1) {
      add(runStart, previous, 'comment');
      runStart = line;
    }
    previous = line;
  }
  add(runStart, previous, 'comment');
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
