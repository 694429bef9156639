// *Casewright: New Case*: asks for an id, writes a complete skeleton and opens it. The folder is
// the one chosen in the Explorer (its context menu), else the active file's, else the workspace
// folder (picked when there are several); with no folder open at all, the skeleton opens as an
// untitled case to save wherever the author likes. An id that is taken (a file of that name in
// the folder, or a case of that id anywhere in the bank) is refused with the reason as it is
// typed, and the file is created only if it does not exist: nothing is ever overwritten.
//
// `casewright.newCase` also takes the folder and the id as arguments (a keybinding, a test):
// with an id, nothing is asked.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { caseIdProblem, newCaseText } from '../../server/src/core';
import { CaseIdFileRequest } from '../../server/src/protocol/customMessages';

type GetClient = () => LanguageClient | undefined;

export function registerNewCase(context: vscode.ExtensionContext, getClient: GetClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('casewright.newCase', (where?: unknown, id?: unknown) =>
    newCase(getClient, where instanceof vscode.Uri ? where : undefined, typeof id === 'string' ? id : undefined)));
}

async function newCase(getClient: GetClient, where: vscode.Uri | undefined, givenId: string | undefined): Promise<vscode.Uri | undefined> {
  const folder = await targetFolder(where);
  if (folder === null) return undefined; // the folder pick was dismissed
  const id = givenId ?? await vscode.window.showInputBox({
    title: 'Casewright: New Case',
    prompt: folder ? `The case id; the file will be ${display(vscode.Uri.joinPath(folder, '<id>.case'))}` : 'The case id; no folder is open, so the case opens unsaved',
    placeHolder: 'aplastic-anemia-01',
    validateInput: async (value) => plain(caseIdProblem(value.trim()) ?? await takenProblem(getClient, folder, value.trim())),
  });
  if (id === undefined) return undefined;
  const trimmed = id.trim();
  const problem = caseIdProblem(trimmed) ?? await takenProblem(getClient, folder, trimmed);
  if (problem) {
    void vscode.window.showErrorMessage(`Casewright: ${plain(problem)}`);
    return undefined;
  }
  const text = newCaseText(trimmed);
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'case', content: text });
    await vscode.window.showTextDocument(document, { preview: false });
    return document.uri;
  }
  const target = vscode.Uri.joinPath(folder, `${trimmed}.case`);
  // Created only if absent (no overwrite, no ignoreIfExists): a file that appeared meanwhile is kept.
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Casewright: could not create ${display(target)}; if it exists, choose another id.`);
    return undefined;
  }
  await vscode.window.showTextDocument(target, { preview: false });
  return target;
}

/** The folder the case goes in; undefined with no folder open; null when the author dismissed the pick. */
async function targetFolder(where: vscode.Uri | undefined): Promise<vscode.Uri | undefined | null> {
  if (where?.scheme === 'file') {
    const isFolder = await vscode.workspace.fs.stat(where).then((s) => (s.type & vscode.FileType.Directory) !== 0, () => false);
    return isFolder ? where : vscode.Uri.joinPath(where, '..');
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return vscode.Uri.joinPath(active, '..');
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder for the new case' });
  return picked?.uri ?? null;
}

/** Why `id` is taken: a file `<id>.case` in the folder, or a case with that id in the bank. */
async function takenProblem(getClient: GetClient, folder: vscode.Uri | undefined, id: string): Promise<string | undefined> {
  if (folder) {
    const target = vscode.Uri.joinPath(folder, `${id}.case`);
    if (await vscode.workspace.fs.stat(target).then(() => true, () => false)) return `${display(target)} already exists: choose another id.`;
  }
  const client = getClient();
  if (!client?.isRunning()) return undefined;
  const holder = await client.sendRequest(CaseIdFileRequest, { id }).then((uri) => uri, () => null);
  return holder ? `\`${id}\` is already the id of the case in ${display(vscode.Uri.parse(holder))}: choose another id.` : undefined;
}

/**
 * The input box and notifications show text, not Markdown: the core's messages quote words in
 * backticks for hovers and the Problems view, which would show here as stray marks.
 */
function plain(message: string | undefined): string | undefined {
  return message?.replace(/`([^`\n]*)`/g, '‘$1’');
}

function display(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : uri.toString(true);
}
