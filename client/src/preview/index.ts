// The preview commands: "Open Preview" and "Open Preview to the Side", one panel that follows
// the active case editor, as VS Code's Markdown preview does.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CasePreview, imageRoot } from './casePreview';

export const PREVIEW_VIEW_TYPE = 'casewright.preview';

export function registerPreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
  let preview: CasePreview | undefined;

  const open = (column: vscode.ViewColumn, uri?: vscode.Uri) => {
    const resource = uri ?? activeCaseUri();
    if (!resource) {
      void vscode.window.showInformationMessage('Open a .case file to preview it.');
      return undefined;
    }
    if (preview) {
      preview.show(resource);
      preview.panel.reveal(column, true);
      return preview;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Case Preview', { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableForms: false,
      // The preview's assets and the case's images (its workspace folder), nothing wider.
      localResourceRoots: [mediaRoot, ...[imageRoot(resource)].filter((r): r is vscode.Uri => r !== undefined)],
    });
    panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'preview-icon.svg');
    preview = new CasePreview(panel, resource, client, mediaRoot, () => { preview = undefined; });
    return preview;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('casewright.showPreview', (uri?: vscode.Uri) => open(vscode.ViewColumn.Active, uri)),
    vscode.commands.registerCommand('casewright.showPreviewToSide', (uri?: vscode.Uri) => open(vscode.ViewColumn.Beside, uri)),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (preview && editor?.document.languageId === 'case') preview.show(editor.document.uri);
    }),
    { dispose: () => preview?.dispose() },
  );
}

function activeCaseUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'case' ? editor.document.uri : undefined;
}
