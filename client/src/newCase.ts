// *Casewright: New Case*: asks for an id, writes a complete skeleton next to the active file
// (or in the first workspace folder), and opens it. An existing file is never overwritten.
import * as vscode from 'vscode';
import { caseIdProblem, newCaseText } from '../../server/src/core';

export function registerNewCase(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('casewright.newCase', () => newCase()));
}

async function newCase(): Promise<vscode.Uri | undefined> {
  const folder = targetFolder();
  if (!folder) {
    void vscode.window.showErrorMessage('Casewright: open a folder (or a file in it) to create a case there.');
    return undefined;
  }
  const id = await vscode.window.showInputBox({
    title: 'New Case',
    prompt: `The case id; the file will be ${vscode.workspace.asRelativePath(folder)}/<id>.case`,
    placeHolder: 'aplastic-anemia-01',
    validateInput: (value) => caseIdProblem(value.trim()),
  });
  if (id === undefined) return undefined;
  const trimmed = id.trim();
  if (caseIdProblem(trimmed)) return undefined;
  const target = vscode.Uri.joinPath(folder, `${trimmed}.case`);
  if (await exists(target)) {
    void vscode.window.showErrorMessage(`Casewright: ${vscode.workspace.asRelativePath(target)} already exists; choose another id.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(newCaseText(trimmed)));
  await vscode.window.showTextDocument(target);
  return target;
}

function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
