// Renders the preview body from the same analysis the diagnostics use (one engine).
import { PreviewRequest, type PreviewResult } from '../../protocol/customMessages';
import { getCaseService } from '../../core';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

export const previewFeature: Feature = {
  capabilities: {},
  register(context) {
    context.connection.onRequest(PreviewRequest, (params, token) => runSafe<PreviewResult | null>(context.connection, 'preview', null, token, () => {
      const analysis = context.workspace.analysis(params.uri);
      if (!analysis) return null;
      const view = params.view === 'answer' ? 'answer' : 'learner';
      const learner = {
        bankHideIndices: context.workspace.config?.config.learnerView?.hideIndices,
        hideIndicesOverride: typeof params.hideIndices === 'boolean' ? params.hideIndices : undefined,
      };
      const service = getCaseService();
      const images = service.previewImageSources(analysis);
      return {
        html: service.renderBody(analysis, view, learner, images.sources),
        images: images.paths,
        title: analysis.model.title ?? 'Case',
        version: context.documents.get(params.uri)?.version ?? null,
      };
    }));
  },
};
