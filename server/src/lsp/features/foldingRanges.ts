// Folding of sections, multi-line values and comment runs, from the core.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import { getCaseService } from '../../core';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

export const foldingRangesFeature: Feature = {
  capabilities: { foldingRangeProvider: true },
  register(context) {
    context.connection.onFoldingRanges((params, token) => runSafe<FoldingRange[]>(context.connection, 'folding ranges', [], token, () => {
      const analysis = context.workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      return getCaseService().foldingRanges(analysis.model).map(({ startLine, endLine, kind }) => (kind === 'comment' ? { startLine, endLine, kind: FoldingRangeKind.Comment } : { startLine, endLine }));
    }));
  },
};
