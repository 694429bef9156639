// Every editor feature over the protocol, from dist/server.js started as an editor starts it,
// on the shipped samples and on broken fixtures.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, InlayHint, Location, TextEdit, WorkspaceEdit, FoldingRange } from 'vscode-languageserver-protocol';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';
import { applyEdits } from '../unit/services.test';

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
      'broken.case': 'case: broken-01\ntitle: Broken\n\n[labs]\nhemoglobine: 7.1 g/dL\nhematocrit: 22 %\nreticulocytes: 14 %\nhaptoglobin: <10 mg/dL\nplatelets: 245 mg/dL\ndat: positive\n',
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
    assert.match(value, /maturation 2 days/);
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

  it('completion: lab names in [labs] and units after a number', async () => {
    const uri = uriOf('scratch.case');
    await session.open(uri, 'case: scratch-01\ntitle: S\n[labs]\nhapt\nhemoglobin: 7 \n');
    const names = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 4 } });
    assert.ok(names.some((i) => i.label === 'haptoglobin' && i.textEdit && 'newText' in i.textEdit && i.textEdit.newText === 'haptoglobin: ${1} mg/dL'));
    const units = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 14 } });
    assert.deepEqual(units.map((i) => i.label), ['g/dL', 'g/L', 'mmol/L']);
  });

  it('a quick fix from the published diagnostic, applied, fixes the file', async () => {
    const uri = uriOf('broken.case');
    const text = readFileSync(path.join(bank.dir, 'broken.case'), 'utf8');
    const diagnostics = await session.open(uri, text);
    const unknown = diagnostics.find((d) => d.code === 'unknown-lab')!;
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
    const fix = actions.find((a) => a.title === 'Change to `hemoglobin`')!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.kind, 'quickfix');
    const fixed = applyEdits(text, fix.edit!.changes![uri] as TextEdit[]);
    const after = await session.change(uri, fixed);
    assert.ok(!after.some((d) => d.code === 'unknown-lab'));
  });

  it('"Suggest mechanism" in a case without [answer] creates the section', async () => {
    const uri = uriOf('broken.case');
    const text = readFileSync(path.join(bank.dir, 'broken.case'), 'utf8').replace('hemoglobine', 'hemoglobin').replace('mg/dL\ndat', '10^9/L\ndat');
    await session.change(uri, text);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } });
    const suggest = actions.find((a) => a.title.startsWith('Suggest mechanism: peripheral-destruction'));
    assert.ok(suggest, actions.map((a) => a.title).join(' | '));
    const after = applyEdits(text, suggest.edit!.changes![uri] as TextEdit[]);
    assert.match(after, /\[answer\]\n# Evidence: .+\nmechanism: peripheral-destruction\n$/);
    assert.deepEqual((await session.change(uri, after)).map((d) => d.code), []);
  });

  it('symbols, folding and formatting', async () => {
    const uri = uriOf('b12-deficiency-01.case');
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name).slice(0, 6), ['b12-deficiency-01', 'patient', 'history', 'exam', 'labs', 'labs: day 7']);
    const folds = await session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length >= 8);
    const messy = uriOf('messy.case');
    await session.open(messy, 'case:messy-01\ntitle:    Messy   \n\n\n[labs]\nhb:7 g/dL\n');
    const edits = await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: messy }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(applyEdits('case:messy-01\ntitle:    Messy   \n\n\n[labs]\nhb:7 g/dL\n', edits), 'case:  messy-01\ntitle: Messy\n\n[labs]\nhb: 7 g/dL\n');
  });

  it('definition and references of a case id include closed files; rename edits them all', async () => {
    const uri = uriOf('b12-deficiency-01.case');
    const text = sample('b12-deficiency-01.case');
    const line = text.split('\n').findIndex((l) => l.startsWith('see-also:'));
    const definition = await session.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line, character: 12 } });
    assert.deepEqual(definition.map((l) => path.basename(l.uri)), ['folate-deficiency-01.case']);
    const references = await session.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 8 }, context: { includeDeclaration: true } });
    assert.deepEqual(references.map((l) => path.basename(l.uri)).sort(), ['b12-deficiency-01.case', 'folate-deficiency-01.case']);
    const rename = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 8 }, newName: 'b12-deficiency-02' });
    assert.deepEqual(Object.keys(rename.changes!).map((u) => path.basename(u)).sort(), ['b12-deficiency-01.case', 'folate-deficiency-01.case']);
    await assert.rejects(session.request('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 8 }, newName: 'Not Valid' }), /not a valid case id/);
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
