// Completion over the protocol: the core's items, with their documentation as markdown.
import { MarkupKind, type CompletionItem, type CompletionItemKind, type InsertTextFormat } from 'vscode-languageserver/node';
import { complete } from '../../core/services/completion';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

export const completionFeature: Feature = {
  // `[` starts a section, `:` and ` ` a value or a unit, `,` the next list item.
  capabilities: { completionProvider: { triggerCharacters: ['[', ':', ' ', ','] } },
  register(context) {
    context.connection.onCompletion((params, token) => runSafe<CompletionItem[]>(context.connection, 'completion', [], token, () => {
      const analysis = context.workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      const ids = [...context.workspace.caseIds().keys()];
      return complete(analysis, params.position, ids).map(({ kind, insertTextFormat, documentation, ...item }) => ({
        ...item,
        kind: kind as CompletionItemKind,
        insertTextFormat: insertTextFormat as InsertTextFormat | undefined,
        documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
      }));
    }));
  },
};
