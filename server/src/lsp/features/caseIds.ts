// Case ids across the bank, open and closed files alike: go to definition from a see-also item,
// find references, rename (the `case:` value and every see-also item naming it), and the file
// that holds an id (the New Case command refuses an id that is taken).
import { ErrorCodes, ResponseError, type Location, type WorkspaceEdit } from 'vscode-languageserver/node';
import { getCaseService, type CaseIdsAndLinks, type Location as CoreLocation, type Position } from '../../core';
import type { Feature, FeatureContext } from '../featureContext';
import { CaseIdFileRequest } from '../../protocol/customMessages';
import { runSafe, runSafeAsync } from '../runner';

/** Every file's id and links, keyed as the editor spells each open document's uri. */
function bank(context: FeatureContext): [string, CaseIdsAndLinks][] {
  // The bank keys on normalised uris; answers about open files use the client's own spelling.
  // Closed files are read from their lean summaries: no full analysis is made for them.
  return [...context.workspace.summaries()].map(([uri, summary]) => [context.workspace.openDocument(uri)?.uri ?? uri, summary]);
}

function idAt(context: FeatureContext, uri: string, position: Position) {
  const analysis = context.workspace.analysis(uri);
  return analysis && getCaseService().caseIdAt(analysis.model, position);
}

const toLocations = (found: CoreLocation[]): Location[] => found.map(({ uri, range }) => ({ uri, range }));

export const caseIdsFeature: Feature = {
  capabilities: { definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true } },
  register(context) {
    const { connection } = context;
    connection.onDefinition((params, token) => runSafe<Location[]>(connection, 'definition', [], token, () => {
      const at = idAt(context, params.textDocument.uri, params.position);
      return at ? toLocations(getCaseService().definitions(at.id, bank(context))) : [];
    }));
    connection.onReferences((params, token) => runSafe<Location[]>(connection, 'references', [], token, () => {
      const at = idAt(context, params.textDocument.uri, params.position);
      return at ? toLocations(getCaseService().references(at.id, bank(context), params.context.includeDeclaration)) : [];
    }));
    connection.onPrepareRename((params, token) => runSafe(connection, 'prepare rename', null, token, () => {
      const at = idAt(context, params.textDocument.uri, params.position);
      return at ? { range: at.range, placeholder: at.id } : null;
    }));
    connection.onRenameRequest((params, token) => runSafe<WorkspaceEdit | null>(connection, 'rename', null, token, () => {
      const at = idAt(context, params.textDocument.uri, params.position);
      // Refusals are ResponseErrors: runSafe passes them on and the editor shows the message.
      if (!at) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a case id can be renamed: the `case:` value or an item of `see-also:`.');
      const outcome = getCaseService().renameCaseId(at.id, params.newName, bank(context));
      if (!outcome.ok) throw new ResponseError(ErrorCodes.InvalidParams, outcome.message);
      return outcome.edit;
    }));
    connection.onRequest(CaseIdFileRequest, (params, token) => runSafeAsync<string | null>(connection, 'case id lookup', null, token, async () => {
      await context.workspace.ready;
      const id = typeof params?.id === 'string' ? params.id : '';
      return id ? bank(context).find(([, summary]) => summary.id === id)?.[0] ?? null : null;
    }));
  },
};
