// What sits under the cursor: the section, the field, and whether the cursor is on its key, its
// value, or a list item of the value. Every editor service starts from here.
import type { CaseModel } from '../model/caseModel';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import { rangeContains, type Position, type Range } from '../text';
import { splitListValue, type ListItem } from '../util/lists';

export type NodeAtPosition =
  | { kind: 'section-header'; section: SectionNode; onQualifier: boolean }
  | { kind: 'key'; section?: SectionNode; field: FieldNode }
  | { kind: 'value'; section?: SectionNode; field: FieldNode; item?: ListItem }
  | { kind: 'prose'; section: SectionNode }
  | { kind: 'none'; section?: SectionNode };

/** `section` is undefined for the header (the fields before the first section). */
export function nodeAtPosition(model: CaseModel, position: Position): NodeAtPosition {
  const section = sectionAt(model, position.line);
  if (section && section.headerRange.start.line === position.line) {
    return { kind: 'section-header', section, onQualifier: Boolean(section.qualifierRange && rangeContains(section.qualifierRange, position)) };
  }
  const fields = section ? section.fields : model.syntax.header;
  for (const field of fields) {
    if (position.line < field.range.start.line || position.line > field.range.end.line) continue;
    if (rangeContains(field.keyRange, position)) return { kind: 'key', section, field };
    if (rangeContains(extendToLineEnd(field.valueRange, model, field), position) || position.line > field.keyRange.start.line) {
      const item = splitListValue(field).find((i) => rangeContains(i.range, position));
      return item ? { kind: 'value', section, field, item } : { kind: 'value', section, field };
    }
    // Between the key and the value (on the colon or the spaces after it): the value.
    if (position.line === field.keyRange.start.line && position.character > field.keyRange.end.character) return { kind: 'value', section, field };
  }
  if (section && section.kind !== 'fields' && section.prose.some((p) => p.range.start.line === position.line)) return { kind: 'prose', section };
  return { kind: 'none', section };
}

/** The section whose lines hold `line` (from its header to the next header). */
export function sectionAt(model: CaseModel, line: number): SectionNode | undefined {
  let found: SectionNode | undefined;
  for (const section of model.syntax.sections) {
    if (section.headerRange.start.line > line) break;
    found = section;
  }
  return found;
}

function extendToLineEnd(range: Range, model: CaseModel, field: FieldNode): Range {
  const lastLine = field.range.end.line;
  return { start: range.start, end: { line: lastLine, character: model.syntax.lines[lastLine]?.length ?? range.end.character } };
}
