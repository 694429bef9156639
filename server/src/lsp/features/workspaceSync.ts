// Keeps the bank current with the disk: watched .case files created, changed, renamed or
// deleted, and casewright.json edited. The client registers the file watchers.
import { FileChangeType } from 'vscode-languageserver/node';
import { BankStatusNotification, type BankStatus } from '../../protocol/customMessages';
import type { Feature, FeatureContext } from '../featureContext';
import { runSafeNotification } from '../runner';

/**
 * What the editor pops up when casewright.json cannot be used. VS Code renders links in such
 * messages (`[label](command:…)` becomes a clickable command, even in an untrusted folder), so
 * nothing from the file, its keys or its path goes into it: the problem itself is in the log and
 * in the status bar's tooltip, which show plain text.
 */
export const CONFIG_PROBLEM_MESSAGE = 'Casewright: casewright.json is ignored because it has problems. Hover over Casewright in the status bar, or see the Casewright output, for what to fix.';

export const workspaceSyncFeature: Feature = {
  capabilities: { workspace: { workspaceFolders: { supported: true, changeNotifications: false } } },
  register(context) {
    context.connection.onDidChangeWatchedFiles(({ changes }) => runSafeNotification(context.connection, 'file change handling', async () => {
      let configChanged = false;
      for (const change of changes) {
        if (change.uri.endsWith('/casewright.json')) {
          configChanged = true;
        } else if (change.type === FileChangeType.Deleted) {
          context.workspace.fileDeleted(change.uri);
          context.diagnostics.forget(change.uri);
        } else {
          await context.workspace.fileChanged(change.uri);
        }
      }
      if (configChanged) {
        await context.workspace.reloadConfig();
        await context.workspace.reanalyzeAll();
        sendBankStatus(context);
        context.diagnostics.republishAll();
      } else {
        context.diagnostics.refreshOthers(undefined);
      }
    }));
  },
};

export function sendBankStatus(context: FeatureContext): void {
  const config = context.workspace.config;
  const status: BankStatus = { files: context.workspace.uris().length };
  if (config?.file) status.configFile = config.file;
  if (config?.problem) {
    status.configProblem = config.problem;
    // The log is plain text: the problem may be quoted there in full.
    context.connection.console.warn(`casewright.json is ignored: ${config.problem}`);
    void context.connection.window.showWarningMessage(CONFIG_PROBLEM_MESSAGE);
  }
  void context.connection.sendNotification(BankStatusNotification, status);
}
