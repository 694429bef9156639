// Hover: finds what sits under the cursor and hands it to the service that knows it: lab
// lines to labHover (value, conversion, range, flag, indices), the format's own words to
// vocabularyHover. Returns markdown in which all case text is escaped.
import type { CaseAnalysis } from '../analyzeCase';
import type { Position, Range } from '../text';
import { labHover } from './labHover';
import { nodeAtPosition } from './nodeAtPosition';
import { keyHover, sectionHover, valueHover } from './vocabularyHover';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export function hover(analysis: CaseAnalysis, position: Position): HoverResult | undefined {
  const node = nodeAtPosition(analysis.model, position);
  if (node.kind === 'section-header') return sectionHover(analysis, node.section);
  if (node.kind !== 'key' && node.kind !== 'value') return undefined;
  if (node.section?.name === 'labs') return labHover(analysis, node.section, node.field);
  const section = node.section?.name ?? 'header';
  return node.kind === 'key' ? keyHover(section, node.field) : valueHover(analysis, section, node.field, node.item);
}
