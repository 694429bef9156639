import { InlayHintKind } from 'vscode-languageserver/node';
import { inlayHints } from '../../core/services/inlayHints';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

export const inlayHintsFeature: Feature = {
  capabilities: { inlayHintProvider: true },
  register(context) {
    context.connection.languages.inlayHint.on((params, token) => runSafe(context.connection, 'inlay hints', [], token, () => {
      const analysis = context.workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      return inlayHints(analysis, params.range, context.settings().inlayHints)
        .map((h) => ({ position: h.position, label: h.label, paddingLeft: h.paddingLeft, kind: InlayHintKind.Parameter, tooltip: h.tooltip }));
    }));
  },
};
