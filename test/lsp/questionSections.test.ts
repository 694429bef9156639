// Question sections in the editor, over the protocol (the server in-process): what a teacher
// meets while writing `[question: after …]` items — completion of the stage, the keys and
// their values, hover on each key, the outline, folding, formatting, and the quick fixes of
// the question checks (issue 12, "The format" and "Checks no peer has").
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { extractCarets } from '../support/carets';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';
import { applyTextEdits } from '../support/textEdits';

const CASE = `case: quiz-01
title: Quiz

[history]
Pale.

[labs]
hemoglobin: 6.1 g/dL
hematocrit: 19 %
reticulocytes: 4.0 %

[answer]
mechanism: ineffective-hematopoiesis
`;

describe('language server: question sections', function () {
  this.timeout(30_000);
  let session: LspSession;
  let bank: ReturnType<typeof tempBank>;
  let count = 0;
  const uriOf = () => fileUri(path.join(bank.dir, `q${++count}.case`));
  /** The hover's markdown without its escapes. */
  const hoverText = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value.replace(/\\/g, '') : '');
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  before(async () => {
    bank = tempBank({});
    session = new LspSession({}, { inProcess: true });
    await session.initialize(bank.dir);
  });

  after(async () => {
    await session.dispose();
    bank.cleanup();
  });

  it('completes the keys of a question, the types, what it asks, and `negative`', async () => {
    const uri = uriOf();
    const { text, positions: [key, type, asks, negative] } = extractCarets(`${CASE}
[question: after labs]
‸
type: ‸
asks: ‸
negative: ‸
`);
    await session.open(uri, text);
    const at = (position: unknown) => session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    // The keys this question has already (type, asks, negative) are not offered again.
    assert.deepEqual(labels(await at(key)), ['id', 'stem', 'option', 'feedback', 'answer', 'tolerance', 'unit', 'explanation', 'points', 'tags', 'objective', 'image', 'alt']);
    assert.deepEqual(labels(await at(type)), ['single', 'multiple', 'numeric', 'short', 'ordering']);
    const asked = await at(asks);
    assert.equal(asked[0].label, 'mechanism');
    assert.ok(labels(asked).includes('rpi') && labels(asked).includes('absolute-reticulocytes'), labels(asked).join(', '));
    const rpi = asked.find((i) => i.label === 'rpi')!;
    assert.match(rpi.detail ?? '', /Reticulocyte production index/);
    assert.ok(rpi.textEdit && 'range' in rpi.textEdit);
    assert.match(applyTextEdits(text, [rpi.textEdit]), /\nasks: rpi\n/);
    assert.deepEqual(labels(await at(negative)), ['yes', 'no']);
  });

  it('completes the key of a numeric question that asks about an index with what the labs give by then, in its unit', async () => {
    const uri = uriOf();
    const { text, positions: [rpi, count] } = extractCarets(`${CASE.replace('reticulocytes: 4.0 %', 'reticulocytes: 4.0 %\nrbc: 3.3 10^12/L')}
[question: after labs]
type: numeric
stem: What is the RPI?
asks: rpi
answer: ‸
tolerance: 0.1

[question: after labs]
type: numeric
stem: And the absolute count?
asks: absolute-reticulocytes
unit: /uL
answer: ‸
tolerance: 1000
`);
    await session.open(uri, text);
    const at = (position: unknown) => session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    const [key] = await at(rpi);
    assert.deepEqual([key.label, key.detail], ['0.84', 'an RPI, from [labs]']);
    assert.ok(key.textEdit && 'range' in key.textEdit);
    assert.match(applyTextEdits(text, [key.textEdit]), /\nanswer: 0\.84\ntolerance: 0\.1\n/);
    const [perMicrolitre] = await at(count);
    assert.deepEqual([perMicrolitre.label, perMicrolitre.detail], ['132000', 'an absolute reticulocyte count in /uL, from [labs]']);
  });

  it('hovers the section, its stage and each key of a question', async () => {
    const uri = uriOf();
    const { text, positions: [header, stage, type, asks, tolerance, negative, option] } = extractCarets(`${CASE}
[q‸uestion: after l‸abs]
ty‸pe: numeric
stem: What is the RPI?
as‸ks: rpi
answer: 0.84
toler‸ance: 0.1

[question: after history]
type: single
stem: All of these cause pallor EXCEPT
neg‸ative: yes
op‸tion: * Polycythemia
option: Anemia
option: Shock
`);
    await session.open(uri, text);
    const at = async (position: unknown) => hoverText(await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }));
    assert.match(await at(header), /A question asked after a stage/);
    // The stage: when the question comes, and what the student has seen by then.
    assert.match(await at(stage), /Asked after labs, question 1 of 2 in the case\. The student has seen: history, labs\./);
    assert.match(await at(type), /single .*one best answer/);
    // On the key, the hover of `asks`; on its value, the index and what the labs give by then.
    assert.match(await at(asks), /checked against/);
    const value = { ...(asks as { line: number; character: number }), character: 'asks: r'.length };
    assert.match(await at(value), /Reticulocyte production index\*\* = corrected reticulocytes \/ maturation time.*\n\nThe labs revealed by this question give: 0\.84 \(\[labs\]\)\./s);
    assert.match(await at(option), /Start a correct option with/);
    assert.match(await at(tolerance), /counts as right/);
    assert.match(await at(negative), /negatively phrased stem/);
  });

  it('lists each question in the outline with its keys, and folds a question and its long stem', async () => {
    const uri = uriOf();
    const text = `${CASE}
[question: after labs]
id: response
type: single
stem: How do you read the reticulocyte
  response to this anemia?
option: * Inadequate
option: Borderline
option: Adequate
`;
    await session.open(uri, text);
    const lines = text.split('\n');
    const header = lines.indexOf('[question: after labs]');
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const question = symbols.find((s) => s.name === 'question: after labs');
    assert.ok(question, symbols.map((s) => s.name).join(', '));
    assert.equal(question.range.start.line, header);
    assert.deepEqual(question.children?.map((c) => c.name), ['id', 'type', 'stem', 'option', 'option', 'option']);
    assert.equal(question.children?.find((c) => c.name === 'stem')?.detail, 'How do you read the reticulocyte response to this anemia?');
    const folds = await session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const last = lines.length - 2;
    assert.ok(folds.some((f) => f.startLine === header && f.endLine === last), JSON.stringify(folds));
    assert.ok(folds.some((f) => f.startLine === header + 3 && f.endLine === header + 4), 'the stem over two lines folds');
  });

  it('formats a question as any field section: values aligned, continuation lines indented, no word changed', async () => {
    const uri = uriOf();
    const text = `${CASE}
[question: after labs]
type:single
stem:   Which mechanism?
     Choose one.
option:* Ineffective hematopoiesis
feedback:    Yes.
option: Peripheral destruction
option: Blood loss
option: Aplasia
`;
    await session.open(uri, text);
    const edits = await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyTextEdits(text, edits);
    const question = formatted.slice(formatted.indexOf('[question'));
    assert.equal(question, `[question: after labs]
type:     single
stem:     Which mechanism?
  Choose one.
option:   * Ineffective hematopoiesis
feedback: Yes.
option:   Peripheral destruction
option:   Blood loss
option:   Aplasia
`);
    // Nothing but blanks changed, and formatting twice changes nothing more.
    assert.equal(formatted.replace(/\s+/g, ''), text.replace(/\s+/g, ''));
    await session.change(uri, formatted);
    assert.deepEqual(await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  });

  it('offers the quick fixes of the question checks, each writing where the problem is', async () => {
    const uri = uriOf();
    const text = `${CASE}
[question: after labs]
type: numeric
stem: What is the RPI?
asks: rpi
answer: 2.0

[question: after labs]
type: single
stem: All of these are low EXCEPT
option: * Reticulocytes
option: * Hemoglobin
option: Platelets

[question: after marrow]
type: short
stem: Name it.
answer: thalassemia
`;
    const diagnostics = await session.open(uri, text);
    const fixes = async (code: string) => {
      const d = diagnostics.find((x) => x.code === code) as Diagnostic;
      assert.ok(d, `${code} in ${diagnostics.map((x) => x.code).join(', ')}`);
      const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
      return actions.map((a) => ({ title: a.title, text: applyTextEdits(text, a.edit!.changes![uri]) }));
    };
    const [key] = await fixes('question-key-disagrees');
    assert.equal(key.title, 'Change the key to 0.84 (from the case\'s labs)');
    assert.match(key.text, /\nanswer: 0\.84\n\n/);
    const [tolerance] = await fixes('missing-tolerance');
    assert.match(tolerance.title, /tolerance: 0/);
    assert.match(tolerance.text, /\nanswer: 2\.0\ntolerance: 0\n\n/);
    const [negative] = await fixes('item-negative-stem');
    assert.match(negative.text, /\nstem: All of these are low EXCEPT\nnegative: yes\noption: \* Reticulocytes\n/);
    const [multiple] = await fixes('single-answer-keys');
    assert.match(multiple.text, /\ntype: multiple\nstem: All of these are low EXCEPT\n/);
    const stages = await fixes('unknown-question-stage');
    assert.deepEqual(stages.map((s) => s.title), ['Change to `after history`', 'Change to `after labs`']);
    assert.match(stages[1].text, /\n\[question: after labs\]\ntype: short\n/);
  });
});
