// The "check the whole bank" command: publish every file's diagnostics, open or closed. On a
// large bank it yields between slices, so a `$/cancelRequest` (or any other message) gets in.
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { CheckBankRequest, type CheckBankResult } from '../../protocol/customMessages';
import type { Feature } from '../featureContext';
import { runSafeAsync } from '../runner';

export const checkBankFeature: Feature = {
  capabilities: {},
  register(context) {
    context.connection.onRequest(CheckBankRequest, (_params, token) => runSafeAsync<CheckBankResult>(context.connection, 'check bank', { files: 0, errors: 0, warnings: 0 }, token, async () => {
      await context.workspace.ready;
      const result: CheckBankResult = { files: 0, errors: 0, warnings: 0 };
      await context.diagnostics.publishAll(token, (diagnostics) => {
        result.files++;
        for (const d of diagnostics) {
          if (d.severity === DiagnosticSeverity.Error) result.errors++;
          else if (d.severity === DiagnosticSeverity.Warning) result.warnings++;
        }
      });
      return result;
    }));
  },
};
