// The VS Code extension: starts the language server (dist/server.js) for `.case` files and
// contributes the commands. All format and clinical logic lives in the server's core.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerFixOnSave } from './fixOnSave';
import { watchFolders } from './folderWatcher';
import { registerBankStats, type BankStatsView } from './stats/bankStatsView';
import { registerNewCase } from './newCase';
import { registerPreview } from './preview';
import { BankStatusNotification, CheckBankRequest, SETTINGS_SECTION, type BankStatus, type CheckBankResult } from '../../server/src/protocol/customMessages';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;
let bankStats: BankStatsView | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  statusItem.command = 'casewright.checkBank';
  context.subscriptions.push(statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('casewright.checkBank', () => checkBank()),
    vscode.commands.registerCommand('casewright.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage('Casewright: the language server was restarted.');
    }),
  );
  registerPreview(context, () => client);
  registerNewCase(context, () => client);
  registerFixOnSave(context, () => client);
  watchFolders(context, () => client);
  bankStats = registerBankStats(context, () => client);
  // Trust changes what casewright.json may do: restart the server with the new answer.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.stop().then(() => startClient(context))));
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'case' }, { scheme: 'untitled', language: 'case' }],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.case'),
        vscode.workspace.createFileSystemWatcher('**/casewright.json'),
      ],
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration(SETTINGS_SECTION), trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('casewright', 'Casewright', serverOptions, clientOptions);
  client.onNotification(BankStatusNotification, (status: BankStatus) => showStatus(status));
  bankStats?.attach(client);
  await client.start();
}

function showStatus(status: BankStatus): void {
  if (!statusItem) return;
  statusItem.text = status.configProblem ? '$(warning) Casewright' : `$(checklist) ${status.files} case${status.files === 1 ? '' : 's'}`;
  statusItem.tooltip = status.configProblem
    ? `casewright.json is ignored: ${status.configProblem}`
    : `Casewright bank${status.configFile ? ` (${status.configFile})` : ''}. Click to check the whole bank.`;
  statusItem.show();
}

async function checkBank(): Promise<CheckBankResult | undefined> {
  if (!client) return undefined;
  const result = await client.sendRequest(CheckBankRequest, {});
  const summary = `Casewright checked ${result.files} case${result.files === 1 ? '' : 's'}: ${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}.`;
  if (result.errors || result.warnings) {
    void vscode.window.showWarningMessage(summary, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else {
    void vscode.window.showInformationMessage(summary);
  }
  return result;
}
