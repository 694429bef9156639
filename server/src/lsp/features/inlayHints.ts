// Inlay hints (the RPI, unit conversions) from the core; the settings casewright.inlayHints.rpi
// and .conversions turn each kind off.
import { getCaseService } from '../../core';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

export const inlayHintsFeature: Feature = {
  capabilities: { inlayHintProvider: true },
  register(context) {
    context.connection.languages.inlayHint.on((params, token) => runSafe(context.connection, 'inlay hints', [], token, () => {
      const analysis = context.workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      // No `kind`: these are neither types nor parameter names, so the editor's plain style fits.
      return getCaseService().inlayHints(analysis, params.range, context.settings().inlayHints)
        .map((h) => ({ position: h.position, label: h.label, paddingLeft: h.paddingLeft, tooltip: h.tooltip }));
    }));
  },
};
