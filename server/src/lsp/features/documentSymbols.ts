// The outline (and breadcrumbs, sticky scroll): the core's symbols as LSP DocumentSymbols.
import type { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { getCaseService, type SymbolResult } from '../../core';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

function toSymbol(symbol: SymbolResult): DocumentSymbol {
  const { name, detail, range, selectionRange, children } = symbol;
  // The core uses the protocol's SymbolKind numbers.
  return { name, detail, kind: symbol.kind as SymbolKind, range, selectionRange, children: children?.map(toSymbol) };
}

export const documentSymbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'Casewright' } },
  register(context) {
    context.connection.onDocumentSymbol((params, token) => runSafe<DocumentSymbol[]>(context.connection, 'document symbols', [], token, () => {
      const analysis = context.workspace.analysis(params.textDocument.uri);
      return analysis ? getCaseService().documentSymbols(analysis.model).map(toSymbol) : [];
    }));
  },
};
