// Hover and inlay hints over the protocol (completion, code actions and navigation have
// their own suites), from dist/server.js started as an editor starts it,
// on the shipped samples and on broken fixtures.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Hover, InlayHint } from 'vscode-languageserver-protocol';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');
const sample = (name: string) => readFileSync(path.join(SAMPLES, name), 'utf8');

describe('language server: editor features', function () {
  this.timeout(30_000);
  let session: LspSession;
  let bank: ReturnType<typeof tempBank>;
  const uriOf = (name: string) => fileUri(path.join(bank.dir, name));

  before(async () => {
    bank = tempBank({
      'b12-deficiency-01.case': sample('b12-deficiency-01.case'),
      'folate-deficiency-01.case': sample('folate-deficiency-01.case'),
      'warm-aiha-01.case': sample('warm-aiha-01.case'),
      'ttp-01.case': sample('ttp-01.case'),
      'itp-01.case': sample('itp-01.case'),
    });
    session = new LspSession();
    const init = await session.initialize(bank.dir);
    for (const capability of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'inlayHintProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'documentFormattingProvider', 'definitionProvider', 'referencesProvider', 'renameProvider']) {
      assert.ok(init.capabilities[capability], `capability ${capability}`);
    }
  });

  after(async () => {
    await session.dispose();
    bank.cleanup();
  });

  it('hover on reticulocytes shows the RPI with its band and source (sample)', async () => {
    const uri = uriOf('b12-deficiency-01.case');
    const text = sample('b12-deficiency-01.case');
    await session.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('reticulocytes:'));
    const result = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    const value = (result.contents as { value: string }).value;
    assert.match(value, /Reticulocyte production index 0\\\.24/);
    assert.match(value, /Maturation time: 2\\\.0 days \\\(hematocrit 16 to &lt; 26 %\\\)/);
    // What it means leads the hover, before the detail.
    assert.match(value, /^\*\*Reticulocytes\*\* `reticulocytes`\n\n\*\*RPI 0\\\.24\*\*: the marrow is not answering; almost no red\\-cell output\.\n/);
    assert.match(value, /Hillman/);
  });

  it('inlay hints: the RPI and conversions, and none when the settings turn them off', async () => {
    const uri = uriOf('warm-aiha-01.case');
    await session.open(uri, sample('warm-aiha-01.case'));
    const hints = await session.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 80, character: 0 } } });
    assert.deepEqual(hints.map((h) => h.label), ['= 7.4 g/dL', 'RPI 3.42']);
    const quiet = new LspSession({ inlayHints: { rpi: false, conversions: false } });
    try {
      await quiet.initialize(bank.dir);
      await quiet.open(uri, sample('warm-aiha-01.case'));
      assert.deepEqual(await quiet.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 80, character: 0 } } }), []);
    } finally {
      await quiet.dispose();
    }
  });

  it('answers requests for documents it never opened, and malformed params, without exiting', async () => {
    const nowhere = fileUri(path.join(bank.dir, 'never-opened.case'));
    assert.equal(await session.request('textDocument/hover', { textDocument: { uri: nowhere }, position: { line: 0, character: 0 } }), null);
    // Malformed params get a result or a proper LSP error, never a crash.
    const malformed = await session.request('textDocument/hover', { textDocument: {}, position: 'x' }).then((r) => r, (e: Error) => e);
    assert.ok(malformed === null || malformed instanceof Error);
    const uri = uriOf('b12-deficiency-01.case');
    assert.ok(await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), 'still answering');
    writeFileSync(path.join(bank.dir, 'x.txt'), '');
    assert.deepEqual(await session.request('textDocument/documentSymbol', { textDocument: { uri: fileUri(path.join(bank.dir, 'x.txt')) } }), []);
    assert.equal(session.exited, undefined);
  });
});
