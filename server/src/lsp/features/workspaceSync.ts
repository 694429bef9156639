// Keeps the bank current with the disk: watched .case files created, changed, renamed or
// deleted, and casewright.json edited. The client registers the file watchers.
import { FileChangeType } from 'vscode-languageserver/node';
import { BANK_STATUS_NOTIFICATION, type BankStatus } from '../../protocol/customMessages';
import type { Feature, FeatureContext } from '../featureContext';

export const workspaceSyncFeature: Feature = {
  capabilities: { workspace: { workspaceFolders: { supported: true, changeNotifications: false } } },
  register(context) {
    context.connection.onDidChangeWatchedFiles(async ({ changes }) => {
      try {
        let configChanged = false;
        const before = context.workspace.uris().length;
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
          // The status bar's case count follows files created, deleted and renamed (a rename is a
          // delete and a create); the config warning is not shown again for that.
          if (context.workspace.uris().length !== before) sendBankStatus(context, false);
        }
      } catch (error) {
        context.connection.console.error(`file change handling failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  },
};

export function sendBankStatus(context: FeatureContext, warn = true): void {
  const config = context.workspace.config;
  const status: BankStatus = { files: context.workspace.uris().length };
  if (config?.file) status.configFile = config.file;
  if (config?.problem) {
    status.configProblem = config.problem;
    if (warn) void context.connection.window.showWarningMessage(`Casewright: casewright.json is ignored: ${config.problem}`);
  }
  void context.connection.sendNotification(BANK_STATUS_NOTIFICATION, status);
}
