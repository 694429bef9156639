// Completion and code actions over the protocol, from dist/server.js started as an editor
// starts it: items for a lab name, a quick fix taken from the published diagnostic, and
// "Suggest mechanism" creating [answer].
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { extractCarets } from '../support/carets';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';
import { applyTextEdits } from '../support/textEdits';

const HEMOLYSIS = 'case: hemo-01\ntitle: Hemolysis\n\n[labs]\nhemoglobin: 7.4 g/dL\nhematocrit: 22 %\nreticulocytes: 14 %\nhaptoglobin: <10 mg/dL\ndat: positive\n\n[smear]\nfindings: spherocytes\n';

describe('language server: completion and code actions', function () {
  this.timeout(30_000);
  let session: LspSession;
  let bank: ReturnType<typeof tempBank>;
  const uriOf = (name: string) => fileUri(path.join(bank.dir, name));

  before(async () => {
    bank = tempBank({ 'other.case': 'case: other-01\ntitle: Other\n' });
    session = new LspSession();
    const init = await session.initialize(bank.dir);
    const capabilities = init.capabilities as { completionProvider?: { triggerCharacters?: string[] }; codeActionProvider?: { codeActionKinds?: string[] } };
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['[', ':', ' ', ',']);
    assert.deepEqual(capabilities.codeActionProvider?.codeActionKinds, ['quickfix', 'refactor.rewrite', 'source.fixAll', 'source.fixAll.casewright']);
  });

  after(async () => {
    await session.dispose();
    bank.cleanup();
  });

  it('completes a lab name in [labs], inserting the canonical unit as a snippet', async () => {
    const uri = uriOf('scratch.case');
    const { text, positions: [at] } = extractCarets('case: scratch-01\ntitle: S\n\n[labs]\nhb: 7 g/dL\nhapt‸\n');
    await session.open(uri, text);
    const items = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at, context: { triggerKind: 1 } });
    const hapto = items.find((i) => i.label === 'haptoglobin');
    assert.ok(hapto?.textEdit && 'range' in hapto.textEdit, items.map((i) => i.label).join(', '));
    assert.equal(hapto.textEdit.newText, 'haptoglobin: ${1} mg/dL');
    assert.equal(hapto.insertTextFormat, 2);
    assert.equal((hapto.documentation as { kind: string }).kind, 'markdown');
    assert.equal(applyTextEdits(text, [hapto.textEdit]), 'case: scratch-01\ntitle: S\n\n[labs]\nhb: 7 g/dL\nhaptoglobin: ${1} mg/dL\n');
    assert.match(items.find((i) => i.label === 'hgb')?.detail ?? '', /^alias of hemoglobin/);
  });

  it('gives an editor without snippet support plain text, never snippet syntax', async () => {
    const plain = new LspSession();
    try {
      await plain.initialize(bank.dir, undefined, { snippetSupport: false });
      const uri = uriOf('plain.case');
      const { text, positions: [labAt, sectionAt] } = extractCarets('case: plain-01\ntitle: P\n\n[labs]\nhapt‸\n\n[‸\n');
      await plain.open(uri, text);
      const labs = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: labAt });
      const hapto = labs.find((i) => i.label === 'haptoglobin');
      assert.ok(hapto?.textEdit && 'range' in hapto.textEdit);
      assert.equal(hapto.textEdit.newText, 'haptoglobin:  mg/dL');
      assert.notEqual(hapto.insertTextFormat, 2);
      const sections = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: sectionAt });
      const later = sections.find((i) => i.label.startsWith('[labs: '));
      assert.ok(later?.textEdit && 'range' in later.textEdit, sections.map((i) => i.label).join(', '));
      assert.equal(later.textEdit.newText, '[labs: day 7]');
      for (const item of [...labs, ...sections]) {
        const edit = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '';
        assert.doesNotMatch(edit, /\$\{?\d/, item.label);
      }
    } finally {
      await plain.dispose();
    }
  });

  it('completes see-also with the ids of the bank, closed files included', async () => {
    const uri = uriOf('linked.case');
    const { text, positions: [at] } = extractCarets('case: linked-01\ntitle: L\nsee-also: ‸\n');
    await session.open(uri, text);
    const items = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at });
    assert.deepEqual(items.map((i) => i.label), ['other-01', 'scratch-01']);
  });

  it('applies the quick fix for a misspelt lab, found from the published diagnostic', async () => {
    const uri = uriOf('misspelt.case');
    const text = 'case: misspelt-01\ntitle: M\n\n[labs]\nhemoglobine: 7.1 g/dL\n';
    const published = await session.open(uri, text);
    const unknown = published.find((d) => d.code === 'unknown-lab');
    assert.ok(unknown?.data, JSON.stringify(published));
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
    const fix = actions.find((a) => a.title === 'Change to `hemoglobin`');
    assert.ok(fix?.edit?.changes, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [unknown]);
    const fixed = applyTextEdits(text, fix.edit.changes[uri] as TextEdit[]);
    assert.equal(fixed, 'case: misspelt-01\ntitle: M\n\n[labs]\nhemoglobin: 7.1 g/dL\n');
    assert.ok(!(await session.change(uri, fixed)).some((d) => d.code === 'unknown-lab'));
  });

  it('finds the fix for a client that does not send `data` back, and none for a diagnostic of another source', async () => {
    const uri = uriOf('nodata.case');
    const text = 'case: nodata-01\ntitle: N\n\n[labs]\nhemoglobin: 61 g/dL\n';
    const published = await session.open(uri, text);
    const implausible = published.find((d) => d.code === 'implausible-value')!;
    const withoutData: Diagnostic = { ...implausible, data: undefined };
    const ask = (diagnostics: Diagnostic[]) => session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: implausible.range, context: { diagnostics, only: ['quickfix'] } });
    assert.deepEqual((await ask([withoutData])).map((a) => a.title), ['Change the unit to g/L', 'Convert to 6.1 g/dL']);
    assert.deepEqual(await ask([{ ...implausible, source: 'spellcheck' }]), []);
  });

  it('"Suggest mechanism" in a case without [answer] creates the section', async () => {
    const uri = uriOf('suggest.case');
    await session.open(uri, HEMOLYSIS);
    const cursor = { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } };
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [] } });
    const suggest = actions.find((a) => a.title.startsWith('Suggest mechanism: peripheral-destruction (score '));
    assert.ok(suggest?.edit?.changes, actions.map((a) => a.title).join(' | '));
    assert.equal(suggest.kind, 'refactor.rewrite');
    const after = applyTextEdits(HEMOLYSIS, suggest.edit.changes[uri] as TextEdit[]);
    assert.equal(after, `${HEMOLYSIS}\n[answer]\n# Evidence: Low haptoglobin, Positive direct antiglobulin test, Spherocytes\nmechanism: peripheral-destruction\n`);
    assert.deepEqual((await session.change(uri, after)).map((d) => d.code), []);
    // Now the answer says it: nothing more to suggest.
    const again = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [] } });
    assert.deepEqual(again.map((a) => a.title), []);
  });

  it('answers only the kinds asked for', async () => {
    const uri = uriOf('kinds.case');
    const published = await session.open(uri, HEMOLYSIS.replace('hemoglobin', 'hemoglobine'));
    const unknown = published.find((d) => d.code === 'unknown-lab')!;
    const ask = (only: string[]) => session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown], only } });
    assert.deepEqual((await ask(['refactor'])).map((a) => a.kind), ['refactor.rewrite']);
    assert.deepEqual((await ask(['quickfix'])).map((a) => a.kind), ['quickfix']);
  });

  it('fixes every safe problem for source.fixAll (fix on save), the quick fixes\' own edits, and nothing else', async () => {
    const uri = uriOf('fixall.case');
    const text = 'case: fixall-01\ntitle: F\n\n[labs]\nhemoglobin: 7.1\nHb 7.2 g/dl\ndat: neg\nhemoglobine: 7 g/dL\n\n[smear]\nfindings: target-cells\n\ncellularity: 90 %\nerythroid: hyperplastic\n';
    const published = await session.open(uri, text);
    assert.deepEqual(published.filter((d) => d.severity !== 3).map((d) => d.code), ['missing-unit', 'not-a-field', 'invalid-lab-value', 'unknown-lab', 'missing-section-header']);
    const cursor = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.casewright', 'Fix all safe Casewright problems']]);
    const fixed = applyTextEdits(text, actions[0].edit!.changes![uri] as TextEdit[]);
    // hemoglobine → hemoglobin is a guess between names, never applied unseen; the rest are.
    assert.equal(fixed, 'case: fixall-01\ntitle: F\n\n[labs]\nhemoglobin: 7.1 g/dL\nHb 7.2 g/dl\ndat: negative\nhemoglobine: 7 g/dL\n\n[smear]\nfindings: target-cells\n\n[marrow]\ncellularity: 90 %\nerythroid: hyperplastic\n');
    const after = await session.change(uri, fixed);
    assert.deepEqual(after.filter((d) => d.severity !== 3).map((d) => d.code), ['not-a-field', 'unknown-lab']);
    // A clean file: saving changes nothing.
    await session.change(uri, 'case: fixall-01\ntitle: F\n');
    assert.deepEqual(await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [], only: ['source.fixAll.casewright'] } }), []);
  });

  it('honours suppression comments, reports an unused one and removes it with its quick fix', async () => {
    const uri = uriOf('suppressed.case');
    const text = 'case: suppressed-01\ntitle: S\n\n[labs]\n# casewright-disable-next-line missing-unit -- the lab sent none\nhemoglobin: 7.1\n# casewright-disable-next-line missing-unit\nmcv: 80 fL\n';
    const published = await session.open(uri, text);
    assert.deepEqual(published.filter((d) => d.severity !== 3).map((d) => `${d.range.start.line}:${d.code}`), ['6:unused-suppression']);
    const unused = published.find((d) => d.code === 'unused-suppression')!;
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unused.range, context: { diagnostics: [unused], only: ['quickfix'] } });
    const removal = actions.find((a) => a.title === 'Remove this `casewright-disable` comment');
    assert.ok(removal, actions.map((a) => a.title).join(', '));
    const fixed = applyTextEdits(text, removal.edit!.changes![uri] as TextEdit[]);
    assert.equal(fixed, text.replace('# casewright-disable-next-line missing-unit\nmcv', 'mcv'));
    assert.deepEqual((await session.change(uri, fixed)).filter((d) => d.severity !== 3), []);
  });

  it('a lab told in prose: a warning on the phrase, whose quick fix adds the field to [labs] and keeps the sentence', async () => {
    const uri = uriOf('prose-lab.case');
    const text = 'case: prose-lab-01\ntitle: P\n\n[history]\nThe GP found Hb 7.2 g/dl last week.\n\n[labs]\nmcv: 80 fL\n';
    const published = (await session.open(uri, text)).filter((d) => d.code === 'lab-in-prose');
    assert.equal(published.length, 1);
    assert.deepEqual(published[0].range, { start: { line: 4, character: 13 }, end: { line: 4, character: 24 } });
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: published[0].range, context: { diagnostics: published, only: ['quickfix'] } });
    const add = actions.find((a) => a.title === 'Add `hemoglobin: 7.2 g/dL` to [labs] (the sentence stays)');
    assert.ok(add, actions.map((a) => a.title).join(', '));
    const fixed = applyTextEdits(text, add.edit!.changes![uri] as TextEdit[]);
    assert.equal(fixed, `${text}hemoglobin: 7.2 g/dL\n`);
    assert.deepEqual((await session.change(uri, fixed)).filter((d) => d.code === 'lab-in-prose'), []);
  });

  it('a labs panel\'s deleted header: one diagnostic, whose quick fix offers the header to name', async () => {
    const uri = uriOf('panels.case');
    const text = 'case: panels-01\ntitle: P\n\n[labs]\nhemoglobin: 7.1 g/dL\nreticulocytes: 1 %\n\n# A week later.\nhemoglobin: 8.1 g/dL\nreticulocytes: 9 %\n';
    const published = (await session.open(uri, text)).filter((d) => d.severity !== 3);
    assert.deepEqual(published.map((d) => d.message), ['`hemoglobin` and `reticulocytes` are given again: a second labs panel missing its `[labs: later]` header?']);
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: published[0].range, context: { diagnostics: published, only: ['quickfix'] } });
    const insert = actions.find((a) => a.title === 'Insert `[labs: later]` here (then name the panel)');
    assert.ok(insert, actions.map((a) => a.title).join(', '));
    assert.equal(applyTextEdits(text, insert.edit!.changes![uri] as TextEdit[]), text.replace('# A week', '[labs: later]\n# A week'));
  });

  it('completes a question\'s stage with the stages this case has, in the order they are revealed', async () => {
    const uri = uriOf('staged.case');
    const { text, positions: [empty, typed] } = extractCarets('case: staged-01\ntitle: Staged\n\n[history]\nPale.\n\n[labs]\nhb: 7 g/dL\n\n[labs: day 3]\nhb: 8 g/dL\n\n[smear]\nfindings: spherocytes\n\n[question: ‸]\n\n[question: after la‸\n');
    await session.open(uri, text);
    const items = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: empty, context: { triggerKind: 2, triggerCharacter: ' ' } });
    assert.deepEqual(items.map((i) => i.label), ['after history', 'after labs', 'after labs day 3', 'after smear'], 'no exam, marrow or course in this case');
    const day3 = items.find((i) => i.label === 'after labs day 3')!;
    assert.ok(day3.textEdit && 'range' in day3.textEdit);
    assert.match(applyTextEdits(text, [day3.textEdit]), /\n\[question: after labs day 3\]\n/);
    const open = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: typed });
    const labs = open.find((i) => i.label === 'after labs')!;
    assert.ok(labs.textEdit && 'range' in labs.textEdit);
    assert.match(applyTextEdits(text, [labs.textEdit]), /\n\[question: after labs\]\n$/, 'the typed part is replaced and the header closed');
  });
});
