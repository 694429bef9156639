// Document symbols: the header (named by the case), each section, each labs panel with its labs.
import type { CaseModel } from '../model/caseModel';
import type { FieldNode } from '../syntax/syntaxTree';
import type { Range } from '../text';

/** LSP SymbolKind numbers. */
const KIND = { module: 2, namespace: 3, field: 8, property: 7, event: 24, string: 15 } as const;

export interface SymbolResult {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: SymbolResult[];
}

function fieldSymbol(field: FieldNode, kind: number): SymbolResult {
  return { name: field.rawKey, detail: field.value.slice(0, 80), kind, range: field.range, selectionRange: field.keyRange };
}

export function documentSymbols(model: CaseModel): SymbolResult[] {
  const symbols: SymbolResult[] = [];
  const header = model.syntax.header;
  if (header.length) {
    const range = { start: header[0].range.start, end: header[header.length - 1].range.end };
    symbols.push({ name: model.id ?? 'header', detail: model.title, kind: KIND.module, range, selectionRange: model.header.get('case')?.keyRange ?? header[0].keyRange, children: header.map((f) => fieldSymbol(f, KIND.property)) });
  }
  for (const section of model.syntax.sections) {
    const name = section.qualifier ? `${section.name}: ${section.qualifier}` : section.name || '[]';
    const isLabs = section.name === 'labs';
    symbols.push({
      name,
      kind: isLabs ? KIND.event : KIND.namespace,
      range: section.range,
      selectionRange: section.headerRange,
      children: section.fields.map((f) => fieldSymbol(f, isLabs ? KIND.field : KIND.property)),
    });
  }
  return symbols;
}
