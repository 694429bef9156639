// VS Code's watchers of `**/*.case` say nothing when a folder of cases is created, deleted or
// moved (a documented limitation of createFileSystemWatcher): only the folder's own event
// exists. This watcher passes such events on to the server as watched-file changes, so the
// bank, its diagnostics and the status bar's count follow a folder renamed in the Explorer.
// A created path goes on only if it is a folder; a deleted one cannot be asked, so every
// deleted path that is not a .case file or casewright.json goes on (the server looks it up as
// a folder of the bank in one pass per batch).
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent, type LanguageClient } from 'vscode-languageclient/node';

/** How long a burst of events (a folder of folders moved) is gathered into one message, in ms. */
const BATCH_MS = 50;

export function watchFolders(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  let pending: FileEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const send = (event: FileEvent) => {
    pending.push(event);
    timer ??= setTimeout(() => {
      timer = undefined;
      const changes = pending;
      pending = [];
      const client = getClient();
      if (client?.isRunning()) void client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch(() => undefined);
    }, BATCH_MS);
  };
  const watchedByName = (uri: vscode.Uri) => uri.path.endsWith('.case') || uri.path.endsWith('/casewright.json');
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(async (uri) => {
      if (watchedByName(uri)) return;
      const isFolder = await vscode.workspace.fs.stat(uri).then((s) => (s.type & vscode.FileType.Directory) !== 0, () => false);
      if (isFolder) send({ uri: uri.toString(), type: FileChangeType.Created });
    }),
    watcher.onDidDelete((uri) => {
      if (!watchedByName(uri)) send({ uri: uri.toString(), type: FileChangeType.Deleted });
    }),
    { dispose: () => { if (timer) clearTimeout(timer); } },
  );
}
