// How far a section reaches for the outline and for folding: from its `[…]` line to the last
// non-blank line before the next section. Unlike SectionNode.range this counts comment lines,
// so a comment under the last lab folds away with its panel.
import type { CaseSyntax } from '../syntax/syntaxTree';
import { makeRange, type Range } from '../text';

/** Blank as the parser sees it: spaces and tabs only (a no-break space is text). */
export function isBlankLine(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

export function sectionExtent(syntax: CaseSyntax, index: number): Range {
  const section = syntax.sections[index];
  const start = section.headerRange.start.line;
  const next = syntax.sections[index + 1]?.headerRange.start.line ?? syntax.lines.length;
  let end = next - 1;
  while (end > start && isBlankLine(syntax.lines[end])) end--;
  return makeRange(start, 0, end, syntax.lines[end].length);
}
