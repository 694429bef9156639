// Format Document and Format Selection: whitespace-only edits from the core.
import type { TextEdit } from 'vscode-languageserver/node';
import { getCaseService, type FormattingOptions, type Range } from '../../core';
import type { Feature, FeatureContext } from '../featureContext';
import { runSafe } from '../runner';

/** Formatting needs the text itself (line ends included), so only open documents are formatted. */
function format(context: FeatureContext, uri: string, options: FormattingOptions, range?: Range): TextEdit[] {
  const document = context.documents.get(uri);
  const analysis = document && context.workspace.analysis(uri);
  return document && analysis ? getCaseService().format(document.getText(), analysis.model, options, range) : [];
}

export const formattingFeature: Feature = {
  capabilities: { documentFormattingProvider: true, documentRangeFormattingProvider: true },
  register(context) {
    context.connection.onDocumentFormatting((params, token) => runSafe<TextEdit[]>(context.connection, 'formatting', [], token,
      () => format(context, params.textDocument.uri, params.options)));
    context.connection.onDocumentRangeFormatting((params, token) => runSafe<TextEdit[]>(context.connection, 'range formatting', [], token,
      () => format(context, params.textDocument.uri, params.options, params.range)));
  },
};
