// Keeps the bank current with the disk: watched .case files created, changed, renamed or
// deleted, folders of them created, deleted or moved, and casewright.json edited. The client
// registers the file watchers (and reports folders, which VS Code's watchers of `**/*.case` do
// not). The status bar's case count follows every change to the bank's files: a file created,
// deleted or renamed on disk, or a document opened before the watcher reports it (the New Case
// command writes a file and opens it at once) or closed.
import { FileChangeType } from 'vscode-languageserver/node';
import { BankStatusNotification, type BankStatus } from '../../protocol/customMessages';
import type { Feature, FeatureContext } from '../featureContext';
import { runSafeNotification } from '../runner';

/** How long the status waits for a burst of changes (a folder of files created) to settle, in ms. */
const STATUS_DELAY_MS = 100;

/** The case count last sent to the status bar, per bank (in-process tests run several servers). */
const sentFiles = new WeakMap<object, number>();

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
      // Anything else than a .case file or casewright.json is a folder the client reports:
      // VS Code's watchers say nothing of the files in a folder created, deleted or moved.
      const foldersGone: string[] = [];
      for (const change of changes) {
        if (change.uri.endsWith('/casewright.json')) {
          configChanged = true;
        } else if (!change.uri.endsWith('.case')) {
          if (change.type === FileChangeType.Deleted) foldersGone.push(change.uri);
          else if (change.type === FileChangeType.Created) await context.workspace.folderCreated(change.uri);
        } else if (change.type === FileChangeType.Deleted) {
          context.workspace.fileDeleted(change.uri);
          context.diagnostics.forget(change.uri);
        } else {
          await context.workspace.fileChanged(change.uri);
        }
      }
      for (const uri of context.workspace.foldersDeleted(foldersGone)) context.diagnostics.forget(uri);
      if (configChanged) {
        await context.workspace.reloadConfig();
        await context.workspace.reanalyzeAll();
        sendBankStatus(context);
        context.diagnostics.republishAll();
      } else {
        context.diagnostics.refreshOthers(undefined);
      }
    }));
    // A file entered or left the bank: a new count for the status bar (a rename is a delete and
    // a create, the same count). The config warning is not shown again for that.
    let timer: NodeJS.Timeout | undefined;
    context.workspace.onDidChange(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void context.workspace.ready.then(() => runSafeNotification(context.connection, 'bank status', () => {
          const sent = sentFiles.get(context.workspace);
          // Before the first scan is done, the initialized handler sends the first status.
          if (sent !== undefined && sent !== context.workspace.uris().length) sendBankStatus(context, false);
        }));
      }, STATUS_DELAY_MS);
      timer.unref?.();
    });
  },
};

export function sendBankStatus(context: FeatureContext, warn = true): void {
  const config = context.workspace.config;
  const status: BankStatus = { files: context.workspace.uris().length };
  sentFiles.set(context.workspace, status.files);
  if (config?.file) status.configFile = config.file;
  if (config?.problem) {
    status.configProblem = config.problem;
    // The log is plain text: the problem may be quoted there in full.
    context.connection.console.warn(`casewright.json is ignored: ${config.problem}`);
    if (warn) void context.connection.window.showWarningMessage(CONFIG_PROBLEM_MESSAGE);
  }
  void context.connection.sendNotification(BankStatusNotification, status);
}
