// Completion over the protocol: the core's items, with their documentation as markdown. An
// editor that cannot expand snippets (Neovim's built-in client, by default) gets the plain
// text a snippet would leave, never `${1:…}` typed into the case.
import { MarkupKind, type CompletionItem, type CompletionItemKind, type InsertTextFormat } from 'vscode-languageserver/node';
import { getCaseService, SNIPPET, snippetToPlainText } from '../../core';
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
      const snippets = context.client().textDocument?.completion?.completionItem?.snippetSupport === true;
      return getCaseService().complete(analysis, params.position, ids).map(({ kind, insertTextFormat, documentation, textEdit, ...item }) => {
        const plain = insertTextFormat === SNIPPET && !snippets;
        return {
          ...item,
          kind: kind as CompletionItemKind,
          textEdit: plain ? { range: textEdit.range, newText: snippetToPlainText(textEdit.newText) } : textEdit,
          insertTextFormat: (plain ? 1 : insertTextFormat) as InsertTextFormat | undefined,
          documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
        };
      });
    }));
  },
};
