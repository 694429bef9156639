import type { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import { complete } from '../../core/services/completion';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: ['[', ':', ' ', ','] } },
  register(context) {
    context.connection.onCompletion((params, token) => runSafe<CompletionItem[]>(context.connection, 'completion', [], token, () => {
      const analysis = context.workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      return complete(analysis, params.position, [...context.workspace.caseIds().keys()]).map((item) => ({
        ...item,
        kind: item.kind as CompletionItemKind,
        insertTextFormat: item.insertTextFormat as InsertTextFormat | undefined,
        documentation: item.documentation ? { kind: 'markdown' as MarkupKind, value: item.documentation } : undefined,
      }));
    }));
  },
};
