// A minimal timing LSP client for benchmarks: any server over stdio, timestamps on every
// publishDiagnostics, and the server's resident memory from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

export class TimingClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  private waiters: { accept: (p: PublishDiagnosticsParams) => boolean; resolve: () => void }[] = [];
  private notifications: { method: string; params: unknown }[] = [];

  constructor(command: string, args: string[], private readonly configuration: (section: string | undefined) => unknown) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const ready = this.waiters.filter((w) => w.accept(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve();
    });
    this.connection.onNotification('casewright/bankStatus', (params: unknown) => this.notifications.push({ method: 'casewright/bankStatus', params }));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => this.configuration(i.section)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.listen();
  }

  async initialize(rootUri: string | null, initializationOptions?: unknown): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null, initializationOptions,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  bankStatus(timeoutMs = 600_000): Promise<void> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const poll = () => {
        if (this.notifications.some((n) => n.method === 'casewright/bankStatus')) return resolve();
        if (Date.now() - started > timeoutMs) return reject(new Error('no bank status'));
        setTimeout(poll, 5);
      };
      poll();
    });
  }

  diagnostics(accept: (p: PublishDiagnosticsParams) => boolean): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ accept, resolve }));
  }

  /** Resident memory of the server process, in MiB (Linux). */
  rssMiB(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // gone already
    }
    this.connection.dispose();
    this.child.kill();
  }
}

export function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}
