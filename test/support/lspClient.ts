// An LSP client for tests: starts dist/server.js over stdio as an editor does (or, with
// `inProcess`, the same server on a pair of in-memory streams), and waits for notifications
// instead of sleeping (STYLE.md rule 9).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  type Diagnostic, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerHandle, type ServerOptions } from '../../server/src/lsp/startServer';

export const SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export interface SessionOptions {
  /** Run the server in this process on in-memory streams (its state is then in `server`). */
  inProcess?: boolean;
  /** Options for an in-process server. */
  serverOptions?: ServerOptions;
  /** Extra environment for a server process. */
  env?: Record<string, string>;
  /** false plays a client that never answers `workspace/configuration`. */
  answerConfiguration?: boolean;
}

export class LspSession {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess | undefined;
  /** The in-process server's state (undefined for a server process). */
  readonly server: ServerHandle | undefined;
  private readonly disposeServer: () => void = () => undefined;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';
  exited: number | null | undefined;

  constructor(private readonly settings: Record<string, unknown> = {}, readonly options: SessionOptions = {}) {
    if (options.inProcess) {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      // Reader and writer objects, not raw streams: given streams, the library exits the process when they end.
      const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      this.server = startServer(serverConnection, options.serverOptions);
      this.disposeServer = () => serverConnection.dispose();
      this.connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    } else {
      this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
      this.child.stderr!.on('data', (chunk) => { this.stderr += String(chunk); });
      this.child.on('exit', (code) => { this.exited = code; });
      this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    }
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      const ready = this.waiters.filter((w) => w.uri === params.uri && w.accept(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(params);
    });
    for (const method of ['casewright/bankStatus', 'casewright/bankStatsChanged', 'window/logMessage', 'window/showMessage']) {
      this.connection.onNotification(method, (params: unknown) => { this.notifications.push({ method, params }); });
    }
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => (options.answerConfiguration === false
      ? new Promise(() => undefined) // never answers
      : params.items.map(() => ({ validate: { enable: true, delay: 0 }, ...this.settings }))));
    // A message with actions is a request; kept with the notifications for tests to read.
    this.connection.onRequest('window/showMessageRequest', (params: unknown) => { this.notifications.push({ method: 'window/showMessageRequest', params }); return null; });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.listen();
  }

  /**
   * `snippetSupport: false` plays an editor that cannot expand snippets (Neovim's default);
   * `waitForScan: false` returns before the workspace folder is loaded.
   */
  async initialize(rootFolder?: string, initializationOptions?: unknown, client: { snippetSupport?: boolean; waitForScan?: boolean } = {}) {
    const folders = rootFolder ? [{ uri: fileUri(rootFolder), name: path.basename(rootFolder) }] : null;
    const result = await this.connection.sendRequest('initialize', {
      // In-process, a process id would start the library's parent-watching timer in this process.
      processId: this.options.inProcess ? null : process.pid,
      rootUri: rootFolder ? fileUri(rootFolder) : null,
      workspaceFolders: folders,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: client.snippetSupport ?? true } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    }) as { capabilities: Record<string, unknown> };
    const scanned = this.waitForNotification('casewright/bankStatus');
    await this.connection.sendNotification('initialized', {});
    if (rootFolder && client.waitForScan !== false) await scanned;
    return result;
  }

  /** Resolves with the next diagnostics for `uri` that `accept` takes (e.g. a given version). */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, accept, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Resolves with the params of the next notification of `method` not yet seen. */
  waitForNotification(method: string, timeoutMs = 15_000): Promise<unknown> {
    const seen = this.notifications.length;
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const hit = this.notifications.slice(seen).find((n) => n.method === method);
        if (hit) return resolve(hit.params);
        if (Date.now() - started > timeoutMs) return reject(new Error(`no ${method} within ${timeoutMs} ms`));
        setImmediate(poll);
      };
      poll();
    });
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'case', version: 1, text } });
    return (await published).diagnostics;
  }

  /** Replaces the whole text; resolves with the diagnostics published for the new version. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.waitForDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await published).diagnostics;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async dispose(): Promise<void> {
    try {
      if (this.exited === undefined) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => { timer = setTimeout(r, 2000); })]);
        clearTimeout(timer);
        // In-process, `exit` would end this very process.
        if (this.child) await this.connection.sendNotification('exit');
      }
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.disposeServer();
    if (this.child && this.exited === undefined) this.child.kill();
  }

  /** Writes raw bytes to the server process's stdin (for malformed frames). */
  writeRaw(bytes: string): void {
    if (!this.child) throw new Error('writeRaw needs a server process');
    this.child.stdin!.write(bytes);
  }

  /** Resolves with the exit code once the server process has exited. */
  whenExited(timeoutMs = 15_000): Promise<number | null> {
    const child = this.child;
    if (!child) return Promise.reject(new Error('no server process'));
    if (this.exited !== undefined) return Promise.resolve(this.exited);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      child.on('exit', (code) => { clearTimeout(timer); resolve(code); });
    });
  }
}
