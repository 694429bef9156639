// The server as a process (issue 15, items 10 and 11): a frame it cannot read ends it so the
// editor restarts it (it never falls silent), a client that never answers workspace/configuration still gets
// diagnostics, errors that escape every handler are logged while it keeps serving, and a long
// request yields so that its cancellation is honoured.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LSPErrorCodes, type Hover } from 'vscode-languageserver-protocol';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';
import { withHeader } from '../support/cases';

const LAB_CASE = withHeader('[labs]\nhemoglobin: 61 g/dL\n');

/** A request the server answers only if it is still reading its input. */
async function answersHover(session: LspSession, uri: string): Promise<boolean> {
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
  return hover !== null;
}

describe('language server: the process', function () {
  this.timeout(60_000);

  const body = '{"jsonrpc":"2.0","method":"initialized","params":{}}';
  for (const [name, frame] of [
    ['a Content-Length that is not a number', `Content-Length: many\r\n\r\n${body}`],
    ['no Content-Length at all', `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`],
    ['a negative Content-Length', `Content-Length: -5\r\n\r\n${body}`],
    ['a body that is not JSON', 'Content-Length: 29\r\n\r\n{"jsonrpc": "2.0", "method": '],
  ]) {
    it(`exits with 1 (so the editor restarts it) on a frame with ${name}`, async () => {
      const session = new LspSession();
      try {
        await session.initialize();
        session.writeRaw(frame);
        // What follows is a well-formed request: a server that went on reading garbage would never answer or exit.
        void session.request('textDocument/hover', { textDocument: { uri: 'file:///x.case' }, position: { line: 0, character: 0 } }).catch(() => undefined);
        assert.equal(await session.whenExited(), 1);
        assert.match(session.stderr, /cannot be read.*exits so that the editor can restart it/);
      } finally {
        await session.dispose();
      }
    });
  }

  it('exits with 1 when a Content-Length promises more than ever comes (the stream would be swallowed)', async () => {
    const session = new LspSession({}, { env: { CASEWRIGHT_PARTIAL_MESSAGE_TIMEOUT_MS: '100' } });
    try {
      await session.initialize();
      session.writeRaw(`Content-Length: 1000000\r\n\r\n${body}`);
      assert.equal(await session.whenExited(), 1);
      assert.match(session.stderr, /still incomplete after 0\.3 s/);
    } finally {
      await session.dispose();
    }
  });

  it('publishes diagnostics with default settings when the client never answers workspace/configuration', async () => {
    const bank = tempBank({ 'a.case': 'case: a-01\ntitle: A\n' });
    const session = new LspSession({}, { answerConfiguration: false, env: { CASEWRIGHT_CONFIGURATION_TIMEOUT_MS: '300' } });
    try {
      await session.initialize(bank.dir);
      const uri = fileUri(path.join(bank.dir, 'b.case'));
      const diagnostics = await session.open(uri, LAB_CASE);
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['implausible-value', 'missing-mechanism']);
      assert.ok(session.notifications.some((n) => n.method === 'window/logMessage' && /did not answer workspace\/configuration within 300 ms/.test((n.params as { message: string }).message)));
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });

  it('logs an exception and a rejection that no handler caught, and keeps serving', async () => {
    const bank = tempBank({});
    // A module preloaded into the server that throws from a timer and rejects a promise nobody
    // awaits, once the first message has arrived (the server's handlers are installed by then).
    const preload = path.join(bank.dir, 'stray-errors.cjs');
    writeFileSync(preload, `process.stdin.once('data', () => setImmediate(() => {
  Promise.reject(new Error('stray rejection'));
  throw new Error('stray exception');
}));\n`);
    const session = new LspSession({}, { env: { NODE_OPTIONS: `--require ${JSON.stringify(preload)}` } });
    try {
      const logged = (pattern: RegExp) => session.notifications.some((n) => n.method === 'window/logMessage' && pattern.test((n.params as { message: string }).message));
      await session.initialize(bank.dir);
      const uri = fileUri(path.join(bank.dir, 'a.case'));
      const diagnostics = await session.open(uri, LAB_CASE);
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['implausible-value', 'missing-mechanism']);
      assert.equal(await answersHover(session, uri), true);
      assert.ok(logged(/uncaught exception: Error: stray exception/), JSON.stringify(session.notifications));
      assert.ok(logged(/unhandled rejection: Error: stray rejection/), JSON.stringify(session.notifications));
      assert.equal(session.exited, undefined);
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });

  it('logs a notification handler that fails and keeps serving', async () => {
    const bank = tempBank({});
    const session = new LspSession();
    try {
      await session.initialize(bank.dir);
      const uri = fileUri(path.join(bank.dir, 'a.case'));
      await session.open(uri, LAB_CASE);
      const failed = session.waitForNotification('window/logMessage');
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 1 }] });
      assert.match((await failed as { message: string }).message, /file change handling failed/);
      assert.equal(await answersHover(session, uri), true);
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });

  it('honours the cancellation of a whole-bank check: it yields and stops early', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`c${i}.case`] = `case: c-${String(i).padStart(4, '0')}\ntitle: C\n`;
    const bank = tempBank(files);
    const session = new LspSession({}, { inProcess: true });
    try {
      await session.initialize(bank.dir);
      let published = 0;
      session.connection.onNotification('textDocument/publishDiagnostics', () => { published++; });
      const source = new (await import('vscode-languageserver-protocol')).CancellationTokenSource();
      const answer = session.connection.sendRequest('casewright/checkBank', {}, source.token);
      source.cancel();
      await assert.rejects(answer, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
      // Whatever was published before the cancellation arrived, it was not the whole bank.
      assert.ok(published < 1000, `published ${published}`);
      // The server still answers; a check that is not cancelled covers every file.
      const full = await session.request<{ files: number }>('casewright/checkBank', {});
      assert.equal(full.files, 1000);
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });
});
