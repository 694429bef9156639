// "Casewright: Show Bank Statistics": one webview with what `casewright stats` prints, asked of
// the language server (its bank, open documents at their current text) and asked again when
// the server says the bank changed. A hidden view waits until it is shown again.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { BankStatsChangedNotification, BankStatsRequest, type BankStatsResult } from '../../../server/src/protocol/customMessages';
import { LOADING_BODY, statsPage, type FromStatsWebview, type ToStatsWebview } from './statsPage';

export const STATS_VIEW_TYPE = 'casewright.bankStats';

export class BankStatsView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private requested = 0;
  /** The bank changed while the view was hidden: refresh when it is shown. */
  private stale = false;
  /** Files the view links to: the only ones it may ask to open. */
  private linked = new Set<string>();
  /** Whether the page holds statistics (then updates are posted to its script) or the loading line. */
  private pageReady = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly mediaRoot: vscode.Uri, private readonly client: () => LanguageClient | undefined) {}

  /** Listens to a (new) language client: its change notices, and its restarts (a new server knows of no view). */
  attach(client: LanguageClient): void {
    this.disposables.push(
      client.onNotification(BankStatsChangedNotification, () => this.changed()),
      client.onDidChangeState((e) => { if (e.newState === State.Running && this.panel) void this.refresh(); }),
    );
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(STATS_VIEW_TYPE, 'Case Bank Statistics', { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableForms: false,
      localResourceRoots: [this.mediaRoot],
    });
    panel.iconPath = vscode.Uri.joinPath(this.mediaRoot, 'preview-icon.svg');
    this.panel = panel;
    this.pageReady = false;
    panel.webview.html = this.page(LOADING_BODY);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: FromStatsWebview) => this.onMessage(message)),
      panel.onDidChangeViewState(() => { if (panel.visible && this.stale) void this.refresh(); }),
    ];
    panel.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
      this.panel = undefined;
      this.pageReady = false;
      this.linked.clear();
      // The server stops announcing changes to nobody.
      void this.client()?.sendRequest(BankStatsRequest, { follow: false }).catch(() => undefined);
    });
    void this.refresh();
  }

  private page(body: string): string {
    const webview = this.panel!.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, name)).toString();
    return statsPage({ body, nonce: randomBytes(16).toString('base64'), cspSource: webview.cspSource, styleHref: asset('stats.css'), scriptHref: asset('stats.js') });
  }

  private changed(): void {
    if (!this.panel) return;
    if (this.panel.visible) void this.refresh();
    else this.stale = true;
  }

  /** Asks the server; an answer overtaken by a newer request is dropped. */
  async refresh(): Promise<void> {
    const client = this.client();
    if (!client || !this.panel) return;
    const ticket = ++this.requested;
    this.stale = false;
    let result: BankStatsResult;
    try {
      result = await client.sendRequest(BankStatsRequest, { follow: true });
    } catch {
      return; // the server is restarting; it is asked again once it runs
    }
    if (ticket !== this.requested || !this.panel) return;
    this.linked = new Set([...result.stats.engine.conflicts, ...result.stats.engine.weak].map((ref) => ref.file));
    this.panel.title = `Case Bank Statistics (${result.stats.cases})`;
    if (this.pageReady) {
      this.post({ type: 'update', html: result.html });
    } else {
      // The first answer makes the page; later ones go to its script, which keeps the scroll.
      this.panel.webview.html = this.page(result.html);
      this.pageReady = true;
    }
  }

  private onMessage(message: FromStatsWebview): void {
    if (message?.type === 'ready') {
      // The page was made again (a hidden view shown) or for the first time: ask for the latest.
      void this.refresh();
    } else if (message?.type === 'open' && typeof message.file === 'string' && this.linked.has(message.file)) {
      void vscode.window.showTextDocument(vscode.Uri.parse(message.file), { viewColumn: vscode.ViewColumn.One });
    }
  }

  private post(message: ToStatsWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function registerBankStats(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): BankStatsView {
  const view = new BankStatsView(vscode.Uri.joinPath(context.extensionUri, 'media'), client);
  context.subscriptions.push(view, vscode.commands.registerCommand('casewright.showStats', () => view.show()));
  return view;
}
