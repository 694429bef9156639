// Push diagnostics: debounced per document (delay from the settings, so tests can shorten it),
// the same codes and ranges as the CLI, re-published for other files only when what they see of
// the bank changed (an id or a link), cleared when a document closes. Every map here is keyed by
// the normalised uri; the editor's own spelling is used only in what is sent to it.
import { TextDocumentSyncKind, type CancellationToken, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CasewrightSettings } from '../../protocol/customMessages';
import { toLspDiagnostic } from '../convert';
import type { Feature } from '../featureContext';
import { runSafeNotification, yieldToEventLoop } from '../runner';
import { normalizeUri } from '../uris';
import type { WorkspaceBank } from '../workspaceBank';

interface PublisherContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: WorkspaceBank;
  settings(): CasewrightSettings;
}

/** Longest stretch of publishing the whole bank between two yields: milliseconds, files. */
const PUBLISH_SLICE_MS = 15;
const PUBLISH_SLICE_FILES = 200;

export const diagnosticsFeature: Feature = {
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false } },
  register(context) {
    const { connection, diagnostics: publisher, workspace } = context;
    // didOpen is followed by a content event for the same text: publish it at once, once.
    const justOpened = new Set<string>();
    context.documents.onDidOpen(({ document }) => runSafeNotification(connection, 'didOpen', () => {
      workspace.open(document);
      justOpened.add(normalizeUri(document.uri));
      publisher.schedule(document.uri, 0);
    }));
    context.documents.onDidChangeContent(({ document }) => runSafeNotification(connection, 'didChange', () => {
      if (justOpened.delete(normalizeUri(document.uri))) return;
      publisher.schedule(document.uri);
    }));
    context.documents.onDidClose(({ document }) => runSafeNotification(connection, 'didClose', async () => {
      justOpened.delete(normalizeUri(document.uri));
      publisher.cancel(document.uri);
      publisher.forget(document.uri);
      await workspace.close(document.uri);
      publisher.refreshOthers(undefined);
    }));
  },
};

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** What was last published for each file, to re-publish only on change. */
  private readonly published = new Map<string, string>();
  /** Closed files published by the check-bank command, kept current from then on. */
  private readonly bankWide = new Set<string>();
  /** Work done, for tests and the benchmark: files whose diagnostics were worked out. */
  readonly work = { checked: 0 };

  constructor(private readonly context: PublisherContext) {}

  schedule(uri: string, delay = this.context.settings().validate.delay): void {
    const key = normalizeUri(uri);
    this.cancel(key);
    const timer = setTimeout(() => {
      // Bank-wide checks need the workspace scan: the first result must already be the CLI's.
      void this.context.workspace.ready.then(() => runSafeNotification(this.context.connection, 'publish diagnostics', () => {
        if (this.timers.get(key) !== timer) return; // superseded by a newer edit
        this.timers.delete(key);
        if (!this.context.workspace.isOpen(key)) return; // closed meanwhile
        this.publish(key);
        this.refreshOthers(key);
      }));
    }, delay);
    this.timers.set(key, timer);
  }

  cancel(uri: string): void {
    const key = normalizeUri(uri);
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  /** Publishes now for one file, under the editor's spelling of its uri when it is open. */
  publish(uri: string, force = false): Diagnostic[] {
    return this.publishKey(normalizeUri(uri), force ? 'always' : 'open-or-changed');
  }

  /** Open documents are re-sent on every publish (their version moved on); closed files on change. */
  private publishKey(key: string, when: 'always' | 'open-or-changed' | 'changed'): Diagnostic[] {
    const document = this.context.workspace.openDocument(key);
    const diagnostics = this.current(key);
    const serialized = JSON.stringify(diagnostics);
    const changed = this.published.get(key) !== serialized;
    if (when === 'always' || changed || (when === 'open-or-changed' && document)) {
      this.published.set(key, serialized);
      void this.context.connection.sendDiagnostics({ uri: document?.uri ?? key, version: document?.version, diagnostics });
    }
    return diagnostics;
  }

  private current(key: string): Diagnostic[] {
    if (!this.context.settings().validate.enable) return [];
    this.work.checked++;
    return this.context.workspace.diagnostics(key).map(toLspDiagnostic);
  }

  /**
   * Re-publishes the other open documents (and bank-wide ones) that a change made stale, if
   * their diagnostics changed. The bank index names them: an edit to a lab value names none, an
   * edit to an id or a link names only the files that share or cite it.
   */
  refreshOthers(except: string | undefined): void {
    const skip = except && normalizeUri(except);
    for (const key of this.context.workspace.takeStale()) {
      if (key === skip || this.timers.has(key)) continue;
      if (!this.context.workspace.isOpen(key) && !this.bankWide.has(key)) continue;
      this.publishKey(key, 'changed');
    }
  }

  /**
   * Publishes every file of the bank, open or not (the "check the whole bank" command), handing
   * each file's diagnostics to `each`. Yields between slices and stops when cancelled.
   */
  async publishAll(token: CancellationToken | undefined, each: (diagnostics: Diagnostic[]) => void = () => undefined): Promise<void> {
    this.context.workspace.takeStale(); // every file is published below
    let sliceStart = performance.now();
    let inSlice = 0;
    for (const key of this.context.workspace.uris()) {
      if (token?.isCancellationRequested) return;
      if (!this.context.workspace.isOpen(key)) this.bankWide.add(key);
      each(this.publish(key, true));
      if (++inSlice >= PUBLISH_SLICE_FILES || performance.now() - sliceStart > PUBLISH_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
        inSlice = 0;
      }
    }
  }

  /** A file left the bank: clear what was published for it. */
  forget(uri: string): void {
    const key = normalizeUri(uri);
    this.bankWide.delete(key);
    const spelling = this.context.workspace.openDocument(key)?.uri ?? uri;
    if (this.published.delete(key)) void this.context.connection.sendDiagnostics({ uri: spelling, diagnostics: [] });
  }

  /** Settings or configuration changed: re-publish everything that was published. */
  republishAll(): void {
    this.context.workspace.takeStale();
    for (const key of this.context.workspace.openUris()) this.publish(key, true);
    for (const key of this.bankWide) if (!this.context.workspace.isOpen(key)) this.publish(key, true);
  }
}
