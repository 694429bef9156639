// The outline: a header symbol named by the case, with its fields; each section with its fields;
// each labs panel and each smear named with its qualifier (`labs: day 7`, `smear: day 7`), with
// one child per field.
import { sectionSpec } from '../catalog/vocabulary';
import type { CaseModel } from '../model/caseModel';
import type { FieldNode } from '../syntax/syntaxTree';
import type { Range } from '../text';
import { sectionExtent } from './sectionExtent';

/** LSP SymbolKind numbers (the core does not import the protocol). */
export const SYMBOL_KIND = { module: 2, namespace: 3, property: 7, field: 8, event: 24 } as const;

const DETAIL_LENGTH = 80;

/** LSP DocumentSymbol: `selectionRange` always lies inside `range`, and names are never empty. */
export interface SymbolResult {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: SymbolResult[];
}

export function documentSymbols(model: CaseModel): SymbolResult[] {
  const { syntax } = model;
  const symbols: SymbolResult[] = [];
  if (syntax.header.length) {
    const first = syntax.header[0];
    const last = syntax.header[syntax.header.length - 1];
    const caseField = model.header.get('case');
    symbols.push({
      name: model.id ?? model.title ?? 'header',
      detail: model.id ? model.title : undefined,
      kind: SYMBOL_KIND.module,
      range: { start: first.range.start, end: last.range.end },
      selectionRange: caseField?.keyRange ?? first.keyRange,
      children: syntax.header.map((f) => fieldSymbol(f, SYMBOL_KIND.property)),
    });
  }
  syntax.sections.forEach((section, index) => {
    const isLabs = section.name === 'labs';
    // A timepoint (a labs panel, a smear) is an event on the case's time axis.
    const isTimepoint = sectionSpec(section.name)?.repeatable === true;
    symbols.push({
      // A qualifier tells the panels apart; the raw name keeps an unknown section recognisable.
      name: (section.qualifier ? `${section.name}: ${section.qualifier}` : section.name) || `[${section.rawName}]`,
      kind: isTimepoint ? SYMBOL_KIND.event : SYMBOL_KIND.namespace,
      range: sectionExtent(syntax, index),
      selectionRange: section.headerRange,
      children: section.fields.map((f) => fieldSymbol(f, isLabs ? SYMBOL_KIND.field : SYMBOL_KIND.property)),
    });
  });
  return symbols;
}

function fieldSymbol(field: FieldNode, kind: number): SymbolResult {
  // Dropping the last code point of the cut keeps an emoji from being split in half.
  const detail = field.value.length > DETAIL_LENGTH ? `${[...field.value.slice(0, DETAIL_LENGTH)].slice(0, -1).join('')}…` : field.value;
  return { name: field.rawKey, detail: detail || undefined, kind, range: field.range, selectionRange: field.keyRange };
}
