// Fix on save, opt-in (`casewright.fixAll.onSave`): before a case is saved, the server's
// `source.fixAll.casewright` action (every safe fix, the quick fixes' own edits) is applied.
// The same action also serves `editor.codeActionsOnSave: { "source.fixAll.casewright": ... }`.
import * as vscode from 'vscode';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('casewright');

export function registerFixOnSave(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onWillSaveTextDocument((event) => {
    if (event.document.languageId !== 'case') return;
    if (!vscode.workspace.getConfiguration('casewright', event.document).get<boolean>('fixAll.onSave')) return;
    event.waitUntil(fixAllEdits(event.document));
  }));
}

async function fixAllEdits(document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL.value);
  const edit = actions?.find((a) => a.kind && FIX_ALL.contains(a.kind))?.edit;
  return edit ? edit.get(document.uri) : [];
}
