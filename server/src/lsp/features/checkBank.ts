// The "check the whole bank" command: publish every file's diagnostics, open or closed.
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { CHECK_BANK_REQUEST, type CheckBankResult } from '../../protocol/customMessages';
import type { Feature } from '../featureContext';
import { runSafeAsync } from '../runner';

export const checkBankFeature: Feature = {
  capabilities: {},
  register(context) {
    context.connection.onRequest(CHECK_BANK_REQUEST, (_params, token) => runSafeAsync<CheckBankResult>(context.connection, 'check bank', { files: 0, errors: 0, warnings: 0 }, token, async () => {
      await context.workspace.ready;
      const all = context.diagnostics.publishAll().flat();
      return {
        files: context.workspace.uris().length,
        errors: all.filter((d) => d.severity === DiagnosticSeverity.Error).length,
        warnings: all.filter((d) => d.severity === DiagnosticSeverity.Warning).length,
      };
    }));
  },
};
