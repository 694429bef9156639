// Push diagnostics: debounced per document (delay from the settings, so tests can shorten it),
// the same codes and ranges as the CLI, re-published for other open documents when a bank-wide
// result changes (a duplicate id appears or goes), cleared when a document closes.
import { TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { toLspDiagnostic } from '../convert';
import type { Feature } from '../featureContext';
import type { WorkspaceBank } from '../workspaceBank';
import type { CasewrightSettings } from '../../protocol/customMessages';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

interface PublisherContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: WorkspaceBank;
  settings(): CasewrightSettings;
}
import { normalizeUri } from '../uris';

export const diagnosticsFeature: Feature = {
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false } },
  register(context) {
    const publisher = context.diagnostics;
    // didOpen is followed by a content event for the same text: publish it at once, once.
    const justOpened = new Set<string>();
    context.documents.onDidOpen(({ document }) => {
      context.workspace.open(document);
      justOpened.add(document.uri);
      publisher.schedule(document.uri, 0);
    });
    context.documents.onDidChangeContent(({ document }) => {
      if (justOpened.delete(document.uri)) return;
      publisher.schedule(document.uri);
    });
    context.documents.onDidClose(({ document }) => {
      justOpened.delete(document.uri);
      publisher.cancel(document.uri);
      publisher.forget(document.uri);
      void context.workspace.close(document.uri).then(() => publisher.refreshOthers(undefined));
    });
  },
};

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** What was last published for each uri, to re-publish only on change. */
  private readonly published = new Map<string, string>();
  /** Uris published for closed files by the check-bank command. */
  private readonly bankWide = new Set<string>();

  constructor(private readonly context: PublisherContext) {}

  schedule(uri: string, delay = this.context.settings().validate.delay): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      // Bank-wide checks need the workspace scan: the first result must already be the CLI's.
      void this.context.workspace.ready.then(() => {
        if (this.timers.get(uri) !== timer) return; // superseded by a newer edit
        this.timers.delete(uri);
        if (!this.context.documents.get(uri)) return; // closed meanwhile
        this.publish(uri);
        this.refreshOthers(uri);
      });
    }, delay);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Publishes now for one document, with the client's spelling of its uri. */
  publish(uri: string, force = false): Diagnostic[] {
    const document = this.context.documents.get(uri);
    const enabled = this.context.settings().validate.enable;
    const diagnostics = enabled ? this.context.workspace.diagnostics(uri).map(toLspDiagnostic) : [];
    const key = normalizeUri(uri);
    const serialized = JSON.stringify(diagnostics);
    if (force || this.published.get(key) !== serialized || document) {
      this.published.set(key, serialized);
      void this.context.connection.sendDiagnostics({ uri, version: document?.version, diagnostics });
    }
    return diagnostics;
  }

  /** Re-publishes other open documents (and bank-wide ones) whose diagnostics changed. */
  refreshOthers(except: string | undefined): void {
    const skip = except && normalizeUri(except);
    for (const document of this.context.documents.all()) {
      if (normalizeUri(document.uri) === skip || this.timers.has(document.uri)) continue;
      const key = normalizeUri(document.uri);
      const next = JSON.stringify(this.context.settings().validate.enable ? this.context.workspace.diagnostics(document.uri).map(toLspDiagnostic) : []);
      if (this.published.get(key) !== next) this.publish(document.uri);
    }
    for (const uri of this.bankWide) {
      if (uri === skip || this.context.workspace.isOpen(uri)) continue;
      const next = JSON.stringify(this.context.workspace.diagnostics(uri).map(toLspDiagnostic));
      if (this.published.get(uri) !== next) this.publish(uri);
    }
  }

  /** Publishes every file of the bank, open or not (the "check the whole bank" command). */
  publishAll(): Diagnostic[][] {
    const all: Diagnostic[][] = [];
    for (const uri of this.context.workspace.uris()) {
      if (!this.context.workspace.isOpen(uri)) this.bankWide.add(uri);
      all.push(this.publish(this.context.documents.get(uri)?.uri ?? uri, true));
    }
    return all;
  }

  /** A file left the bank: clear what was published for it. */
  forget(uri: string): void {
    const key = normalizeUri(uri);
    this.bankWide.delete(key);
    if (this.published.delete(key)) void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings or configuration changed: re-publish everything that was published. */
  republishAll(): void {
    for (const document of this.context.documents.all()) this.publish(document.uri, true);
    for (const uri of this.bankWide) if (!this.context.workspace.isOpen(uri)) this.publish(uri, true);
  }
}
