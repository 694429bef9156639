// Symbols, folding, formatting, and case ids across the bank (definition, references, rename).
import { ResponseError, ErrorCodes, SymbolKind, FoldingRangeKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { CaseModel } from '../../core/model/caseModel';
import { caseIdAt, definitions, references, renameCaseId } from '../../core/services/caseIdReferences';
import { documentSymbols, type SymbolResult } from '../../core/services/documentSymbols';
import { foldingRanges } from '../../core/services/foldingRanges';
import { formatCase } from '../../core/services/formatting';
import type { Feature, FeatureContext } from '../featureContext';
import { runSafe } from '../runner';

function bankModels(context: FeatureContext): [string, CaseModel][] {
  return [...context.workspace.analyses()].map(([uri, analysis]) => [uri, analysis.model]);
}

function toSymbol(s: SymbolResult): DocumentSymbol {
  return { name: s.name || '(empty)', detail: s.detail, kind: s.kind as SymbolKind, range: s.range, selectionRange: s.selectionRange, children: s.children?.map(toSymbol) };
}

export const navigationFeature: Feature = {
  capabilities: {
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    documentFormattingProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
  },
  register(context) {
    const { connection, workspace } = context;
    connection.onDocumentSymbol((params, token) => runSafe(connection, 'symbols', [], token, () => {
      const analysis = workspace.analysis(params.textDocument.uri);
      return analysis ? documentSymbols(analysis.model).map(toSymbol) : [];
    }));
    connection.onFoldingRanges((params, token) => runSafe(connection, 'folding', [], token, () => {
      const analysis = workspace.analysis(params.textDocument.uri);
      return analysis ? foldingRanges(analysis.model.syntax).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region })) : [];
    }));
    connection.onDocumentFormatting((params, token) => runSafe(connection, 'formatting', [], token, () => {
      const document = context.documents.get(params.textDocument.uri);
      const analysis = workspace.analysis(params.textDocument.uri);
      return document && analysis ? formatCase(document.getText(), analysis.model.syntax, params.options) : [];
    }));
    connection.onDefinition((params, token) => runSafe(connection, 'definition', [], token, () => {
      const analysis = workspace.analysis(params.textDocument.uri);
      const at = analysis && caseIdAt(analysis.model, params.position);
      return at ? definitions(at.id, bankModels(context)) : [];
    }));
    connection.onReferences((params, token) => runSafe(connection, 'references', [], token, () => {
      const analysis = workspace.analysis(params.textDocument.uri);
      const at = analysis && caseIdAt(analysis.model, params.position);
      return at ? references(at.id, bankModels(context), params.context.includeDeclaration) : [];
    }));
    connection.onPrepareRename((params, token) => runSafe(connection, 'prepare rename', null, token, () => {
      const analysis = workspace.analysis(params.textDocument.uri);
      const at = analysis && caseIdAt(analysis.model, params.position);
      return at ? { range: at.range, placeholder: at.id } : null;
    }));
    connection.onRenameRequest((params, token) => runSafe(connection, 'rename', null, token, () => {
      const analysis = workspace.analysis(params.textDocument.uri);
      const at = analysis && caseIdAt(analysis.model, params.position);
      if (!at) throw new ResponseError(ErrorCodes.InvalidRequest, 'Rename works on a case id: the `case:` value or a see-also item.');
      const outcome = renameCaseId(at.id, params.newName, bankModels(context));
      if (!outcome.ok) throw new ResponseError(ErrorCodes.InvalidParams, outcome.message);
      return outcome.edit;
    }));
  },
};
