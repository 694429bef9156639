// Outline, folding, formatting and case ids over the protocol, against dist/server.js on a
// temporary bank of three cases: one opened, one opened and closed again, one never opened.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { DocumentSymbol, FoldingRange, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { extractCarets } from '../support/carets';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';
import { applyTextEdits } from '../support/textEdits';

// ‸ marks: 0 the see-also item `anemia-b-01`, 1 the own `case:` value, 2 the title.
const A_MARKED = 'case: ‸anemia-a-01\ntitle: ‸Anemia A\nsee-also: ‸anemia-b-01, anemia-c-01\n\n[labs]\nhemoglobin: 9 g/dL\n\n[labs: day 7]\n# After a transfusion.\nhemoglobin: 11 g/dL\n';
const A = extractCarets(A_MARKED);
const [CASE_A, TITLE_A, SEE_ALSO_B] = A.positions;
const FILES: Record<string, string> = {
  'a.case': A.text,
  'b.case': 'case: anemia-b-01\ntitle: Anemia B\nsee-also: anemia-a-01\n',
  'closed/c.case': 'case: anemia-c-01\ntitle: Anemia C\nsee-also: anemia-a-01, anemia-b-01\n',
};

const line = (n: number, from: number, to: number): Range => ({ start: { line: n, character: from }, end: { line: n, character: to } });

describe('language server: outline, folding, formatting and case ids', function () {
  this.timeout(30_000);
  let session: LspSession;
  let bank: ReturnType<typeof tempBank>;
  const uriOf = (name: string) => fileUri(path.join(bank.dir, name));
  const where = (locations: Location[]) => locations.map((l) => `${path.relative(bank.dir, new URL(l.uri).pathname)} ${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`).sort();

  before(async () => {
    bank = tempBank(FILES);
    session = new LspSession();
    const init = await session.initialize(bank.dir);
    for (const capability of ['documentSymbolProvider', 'foldingRangeProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'definitionProvider', 'referencesProvider']) {
      assert.ok(init.capabilities[capability], capability);
    }
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
    await session.open(uriOf('a.case'), A.text);
    // b.case was open once: closing it hands it back to the disk, like c.case which never was.
    await session.open(uriOf('b.case'), FILES['b.case']);
    await session.close(uriOf('b.case'));
  });

  after(async () => {
    await session.dispose();
    bank.cleanup();
  });

  it('goes from a see-also item to the case that defines it, in a closed file', async () => {
    const found = await session.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf('a.case') }, position: SEE_ALSO_B });
    assert.deepEqual(where(found), ['b.case 0:6-17']);
    assert.deepEqual(await session.request('textDocument/definition', { textDocument: { uri: uriOf('a.case') }, position: TITLE_A }), []);
  });

  it('finds the references of a case id in open and closed files', async () => {
    const request = (includeDeclaration: boolean) => session.request<Location[]>('textDocument/references', { textDocument: { uri: uriOf('a.case') }, position: CASE_A, context: { includeDeclaration } });
    assert.deepEqual(where(await request(true)), ['a.case 0:6-17', 'b.case 2:10-21', 'closed/c.case 2:10-21']);
    assert.deepEqual(where(await request(false)), ['b.case 2:10-21', 'closed/c.case 2:10-21']);
  });

  it('prepares a rename on a case id only', async () => {
    const prepared = await session.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uriOf('a.case') }, position: SEE_ALSO_B });
    assert.deepEqual(prepared, { range: line(2, 10, 21), placeholder: 'anemia-b-01' });
    assert.equal(await session.request('textDocument/prepareRename', { textDocument: { uri: uriOf('a.case') }, position: TITLE_A }), null);
  });

  it('renames a case id in every file that names it', async () => {
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf('a.case') }, position: SEE_ALSO_B, newName: 'anemia-b-02' });
    const renamed = Object.fromEntries(Object.entries(edit.changes!).map(([uri, edits]) => {
      const name = path.relative(bank.dir, new URL(uri).pathname);
      return [name, applyTextEdits(FILES[name], edits)];
    }));
    assert.deepEqual(renamed, {
      'a.case': A.text.replace('see-also: anemia-b-01', 'see-also: anemia-b-02'),
      'b.case': FILES['b.case'].replace('case: anemia-b-01', 'case: anemia-b-02'),
      'closed/c.case': FILES['closed/c.case'].replace('anemia-b-01', 'anemia-b-02'),
    });
  });

  it('refuses to rename to an invalid id or to one the bank has, with a message', async () => {
    const rename = (newName: string) => session.request('textDocument/rename', { textDocument: { uri: uriOf('a.case') }, position: SEE_ALSO_B, newName });
    await assert.rejects(rename('Anemia B'), (error: { code: number; message: string }) => error.code === -32602 && /not a valid case id/.test(error.message));
    await assert.rejects(rename('anemia-c-01'), (error: { code: number; message: string }) => error.code === -32602 && /already has a case `anemia-c-01`/.test(error.message));
    await assert.rejects(session.request('textDocument/rename', { textDocument: { uri: uriOf('a.case') }, position: TITLE_A, newName: 'x-1' }), /Only a case id can be renamed/);
  });

  it('names the file that holds a case id, open or closed, for the New Case command (casewright/caseIdFile)', async () => {
    const holder = async (id: unknown) => {
      const uri = await session.request<string | null>('casewright/caseIdFile', { id });
      return uri && path.relative(bank.dir, new URL(uri).pathname);
    };
    assert.equal(await holder('anemia-a-01'), 'a.case');
    assert.equal(await holder('anemia-c-01'), path.join('closed', 'c.case'));
    assert.equal(await holder('anemia-z-01'), null);
    assert.equal(await holder(''), null);
    assert.equal(await holder(42), null);
  });

  it('lists the header, the sections and the labs panels with their labs', async () => {
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('a.case') } });
    const tree = symbols.map((s) => [s.name, s.kind, (s.children ?? []).map((c) => `${c.name}=${c.detail}`)]);
    assert.deepEqual(tree, [
      ['anemia-a-01', 2, ['case=anemia-a-01', 'title=Anemia A', 'see-also=anemia-b-01, anemia-c-01']],
      ['labs', 24, ['hemoglobin=9 g/dL']],
      ['labs: day 7', 24, ['hemoglobin=11 g/dL']],
    ]);
    assert.deepEqual(symbols[2].range, { start: { line: 7, character: 0 }, end: { line: 9, character: 19 } });
    const folds = await session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uriOf('a.case') } });
    assert.deepEqual(folds, [{ startLine: 4, endLine: 5 }, { startLine: 7, endLine: 9 }]);
  });

  it('formats a document and a selection; the edits applied give the expected text', async () => {
    const uri = uriOf('messy.case');
    const messy = 'case:messy-01\r\ntitle:    Messy   \r\n\r\n\r\n[labs]\r\nhb:7 g/dL\r\nreticulocytes:  2 %  \r\n[answer]\r\nexplanation: one\r\n      two';
    await session.open(uri, messy);
    const options = { tabSize: 2, insertSpaces: true };
    const whole = await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    assert.ok(whole.length > 1 && whole.every((e) => e.range.start.line === e.range.end.line || e.newText.trim() === ''), 'edits per line, not the whole document');
    const formatted = 'case:  messy-01\r\ntitle: Messy\r\n\r\n[labs]\r\nhb:            7 g/dL\r\nreticulocytes: 2 %\r\n[answer]\r\nexplanation: one\r\n  two\r\n';
    assert.equal(applyTextEdits(messy, whole), formatted);
    const selection = await session.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: line(5, 0, 9), options });
    assert.equal(applyTextEdits(messy, selection), messy.replace('hb:7 g/dL', 'hb:            7 g/dL'));
    await session.change(uri, formatted);
    assert.deepEqual(await session.request('textDocument/formatting', { textDocument: { uri }, options }), []);
  });
});
