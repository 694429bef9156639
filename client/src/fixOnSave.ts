// Fix on save, opt-in (`casewright.fixAll.onSave`): before a case is saved, the server's
// `source.fixAll.casewright` action (every safe fix, the quick fixes' own edits) is applied.
// The same action also serves `editor.codeActionsOnSave: { "source.fixAll.casewright": ... }`.
//
// The server is asked directly rather than through `vscode.executeCodeActionProvider`: save
// participants share a 1.5 s budget, and the command's round trip through the workbench (the
// browser, in code-server) is the slow part of it on a loaded machine.
import * as vscode from 'vscode';
import { CodeActionRequest, type LanguageClient } from 'vscode-languageclient/node';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('casewright');

export function registerFixOnSave(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.workspace.onWillSaveTextDocument((event) => {
    if (event.document.languageId !== 'case') return;
    if (!vscode.workspace.getConfiguration('casewright', event.document).get<boolean>('fixAll.onSave')) return;
    const client = getClient();
    if (!client?.isRunning()) return;
    event.waitUntil(fixAllEdits(client, event.document));
  }));
}

async function fixAllEdits(client: LanguageClient, document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const result = await client.sendRequest(CodeActionRequest.type, {
    textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document),
    range: client.code2ProtocolConverter.asRange(whole),
    context: { diagnostics: [], only: [FIX_ALL.value] },
  });
  const actions = (await client.protocol2CodeConverter.asCodeActionResult(result ?? [])) as (vscode.CodeAction | vscode.Command)[];
  const fixAll = actions.find((a): a is vscode.CodeAction => a instanceof vscode.CodeAction && !!a.kind && FIX_ALL.contains(a.kind));
  return fixAll?.edit?.get(document.uri) ?? [];
}
