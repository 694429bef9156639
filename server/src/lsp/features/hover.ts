// Hover from the core, as markdown (the core escapes all case text in it).
import { MarkupKind } from 'vscode-languageserver/node';
import { getCaseService } from '../../core';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(context) {
    context.connection.onHover((params, token) => runSafe(context.connection, 'hover', null, token, () => {
      const analysis = context.workspace.analysis(params.textDocument.uri);
      const result = analysis && getCaseService().hover(analysis, params.position);
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
    }));
  },
};
