// One preview panel: renders its case through the language server (the same analysis as the
// diagnostics), refreshes as the case is edited (throttled, stale versions skipped), keeps its
// scroll position, and syncs scrolling with the editor by source line both ways.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderDocumentShell, withImageSources, type PreviewView } from '../../../server/src/core';
import { PreviewRequest, type PreviewResult } from '../../../server/src/protocol/customMessages';
import type { FromWebview, ToWebview } from './messages';

const REFRESH_DELAY_MS = 300;

export class CasePreview implements vscode.Disposable {
  private view: PreviewView = 'learner';
  /** The "Hide indices" toggle, once the author has used it; until then the case decides. */
  private hideIndices: boolean | undefined;
  private timer: NodeJS.Timeout | undefined;
  private requested = 0;
  private shellReady = false;
  /** Set while the preview scrolls the editor, so the editor does not scroll it back. */
  private syncingFromPreview = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resource: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly mediaRoot: vscode.Uri,
    onDispose: () => void,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => { onDispose(); this.dispose(); }),
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.toString() === this.resource.toString()) this.scheduleRefresh(); }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScrolled(e)),
    );
    void this.refresh();
  }

  get uri(): vscode.Uri {
    return this.resource;
  }

  /** Follow another case editor. */
  show(resource: vscode.Uri): void {
    if (resource.toString() === this.resource.toString()) return;
    this.resource = resource;
    this.shellReady = false;
    this.hideIndices = undefined; // another case: its own choice
    void this.refresh();
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const ticket = ++this.requested;
    const document = await vscode.workspace.openTextDocument(this.resource);
    let result: PreviewResult | null = null;
    try {
      result = await client.sendRequest(PreviewRequest, { uri: document.uri.toString(), view: this.view, hideIndices: this.hideIndices });
    } catch {
      return; // the server is restarting; the next edit refreshes
    }
    if (ticket !== this.requested || !result) return; // a newer refresh is on its way
    this.panel.title = `Preview ${path.basename(this.resource.fsPath)}`;
    result = { ...result, html: withImageSources(result.html, (i) => this.imageUri(result!.images?.[i])) };
    if (this.allowImagesFrom(imageRoot(this.resource))) this.shellReady = false;
    if (this.shellReady) {
      this.post({ type: 'update', html: result.html, view: this.view });
    } else {
      this.panel.webview.html = this.shell(result);
      this.shellReady = true;
    }
  }

  /**
   * The webview URI of an image of the case, or undefined (its alt text is shown) for a path
   * that leaves the folder the webview may read: the case's workspace folder, or its own folder.
   */
  private imageUri(relative: string | undefined): string | undefined {
    const root = imageRoot(this.resource);
    if (!relative || !root) return undefined;
    const target = vscode.Uri.joinPath(vscode.Uri.joinPath(this.resource, '..'), relative);
    if (!target.path.startsWith(`${root.path.replace(/\/$/, '')}/`)) return undefined;
    return this.panel.webview.asWebviewUri(target).toString();
  }

  /** Lets the webview read the images under `root` (and the preview's own assets); true when that changed. */
  private allowImagesFrom(root: vscode.Uri | undefined): boolean {
    const roots = root ? [this.mediaRoot, root] : [this.mediaRoot];
    const current = this.panel.webview.options.localResourceRoots ?? [];
    if (current.length === roots.length && current.every((r, i) => r.toString() === roots[i].toString())) return false;
    this.panel.webview.options = { ...this.panel.webview.options, localResourceRoots: roots };
    return true;
  }

  private shell(result: PreviewResult): string {
    const webview = this.panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, name)).toString();
    const kind = vscode.window.activeColorTheme.kind;
    const body = `<div hidden data-theme="${kind}"></div>${result.html}`;
    return renderDocumentShell(body, result.title, {
      view: this.view, mode: 'webview', nonce: randomBytes(16).toString('base64'), cspSource: webview.cspSource,
      styles: [{ href: asset('preview.css') }], scripts: [{ src: asset('preview.js') }],
    });
  }

  private onMessage(message: FromWebview): void {
    if (message.type === 'setView' && (message.view === 'learner' || message.view === 'answer')) {
      this.view = message.view;
      void this.refresh();
    } else if (message.type === 'setHideIndices' && typeof message.hide === 'boolean') {
      this.hideIndices = message.hide;
      void this.refresh();
    } else if (message.type === 'revealLine' && Number.isInteger(message.line)) {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.resource.toString());
      if (!editor) return;
      this.syncingFromPreview = Date.now();
      const line = Math.min(Math.max(0, message.line), editor.document.lineCount - 1);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    } else if (message.type === 'ready') {
      this.syncFromEditor();
    }
  }

  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (event.textEditor.document.uri.toString() !== this.resource.toString()) return;
    if (Date.now() - this.syncingFromPreview < 300) return;
    const top = event.visibleRanges[0]?.start.line;
    if (top !== undefined) this.post({ type: 'scrollToLine', line: top });
  }

  private syncFromEditor(): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.resource.toString());
    const top = editor?.visibleRanges[0]?.start.line;
    if (top) this.post({ type: 'scrollToLine', line: top });
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The folder a case's images may come from: its workspace folder, or its own folder outside one. */
export function imageRoot(resource: vscode.Uri): vscode.Uri | undefined {
  if (resource.scheme !== 'file') return undefined;
  return vscode.workspace.getWorkspaceFolder(resource)?.uri ?? vscode.Uri.joinPath(resource, '..');
}
