// The outline and folding, data-driven, plus the shape rules an editor relies on: names never
// empty, selection ranges inside ranges, children inside parents, folds inside the document.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { SymbolKind } from 'vscode-languageserver-protocol';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { SYMBOL_KIND, documentSymbols, type SymbolResult } from '../../server/src/core/services/documentSymbols';
import { foldingRanges } from '../../server/src/core/services/foldingRanges';
import { comparePositions, splitLines, type Range } from '../../server/src/core/text';
import { assertInside } from '../support/ranges';
import { mutatedCase, SAMPLE_TEXTS } from '../support/mutations';

const CASE = [
  '# Beta-thalassemia major', //    0
  '# for the second-year block', // 1
  'case: thal-01', //               2
  'title: Thal', //                 3
  'see-also: b12-01', //            4
  '', //                            5
  '[patient]', //                   6
  'age: 4 y', //                    7
  '', //                            8
  '[history]', //                   9
  'Pallor.', //                     10
  'More pallor.', //                11
  '', //                            12
  '[Labs]', //                      13
  'hb: 6.1 g/dL', //                14
  '# no retics drawn', //           15
  '', //                            16
  '[labs: Day 7]', //               17
  '# One week later.', //           18
  '# Transfused.', //               19
  'hemoglobin: 8.1 g/dL', //        20
  'reticulocytes: 10 %', //         21
  '', //                            22
  '[answer]', //                    23
  'explanation: Unpaired chains', // 24
  '  precipitate.', //              25
  '',
].join('\n');

const KIND_NAME = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));
const span = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** The outline as text: kind, name, detail, range and selection range, children indented. */
function outline(symbols: SymbolResult[], indent = ''): string[] {
  return symbols.flatMap((s) => [
    `${indent}${KIND_NAME[s.kind]} ${s.name}${s.detail ? ` — ${s.detail}` : ''} ${span(s.range)} ${span(s.selectionRange)}`,
    ...outline(s.children ?? [], `${indent}  `),
  ]);
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function assertWellFormed(symbols: SymbolResult[], text: string, parent?: SymbolResult): void {
  for (const s of symbols) {
    assert.ok(s.name.trim().length > 0, `empty name in ${JSON.stringify(s)}`);
    assertInside(s.range, text, `${s.name} range`);
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection ${span(s.selectionRange)} outside ${span(s.range)}`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name} outside its parent ${parent.name}`);
    assertWellFormed(s.children ?? [], text, s);
  }
}

describe('document symbols', () => {
  it('uses the protocol\'s SymbolKind numbers', () => {
    assert.deepEqual(SYMBOL_KIND, { module: SymbolKind.Module, namespace: SymbolKind.Namespace, property: SymbolKind.Property, field: SymbolKind.Field, event: SymbolKind.Event });
  });

  it('lists the header by case id, each section to its last line, labs panels with their qualifier and labs', () => {
    assert.deepEqual(outline(documentSymbols(analyzeCase(CASE).model)), [
      'Module thal-01 — Thal 2:0-4:16 2:0-2:4',
      '  Property case — thal-01 2:0-2:13 2:0-2:4',
      '  Property title — Thal 3:0-3:11 3:0-3:5',
      '  Property see-also — b12-01 4:0-4:16 4:0-4:8',
      'Namespace patient 6:0-7:8 6:0-6:9',
      '  Property age — 4 y 7:0-7:8 7:0-7:3',
      'Namespace history 9:0-11:12 9:0-9:9',
      // The trailing comment belongs to the panel above it.
      'Event labs 13:0-15:17 13:0-13:6',
      '  Field hb — 6.1 g/dL 14:0-14:12 14:0-14:2',
      'Event labs: Day 7 17:0-21:19 17:0-17:13',
      '  Field hemoglobin — 8.1 g/dL 20:0-20:20 20:0-20:10',
      '  Field reticulocytes — 10 % 21:0-21:19 21:0-21:13',
      'Namespace answer 23:0-25:14 23:0-23:8',
      '  Property explanation — Unpaired chains precipitate. 24:0-25:14 24:0-24:11',
    ]);
  });

  it('names a header without an id by its title, and sections without a name by their brackets', () => {
    const names = (text: string) => documentSymbols(analyzeCase(text).model).map((s) => s.name);
    assert.deepEqual(names('title: Only a title\n[]\n[: day 1]\n'), ['Only a title', '[]', ': day 1']);
    assert.deepEqual(names('author: Someone\n'), ['header']);
    assert.deepEqual(names(''), []);
  });

  it('cuts long values in the detail without splitting a character', () => {
    // The 80th code unit is the first half of an emoji: the cut falls before it.
    const [header] = documentSymbols(analyzeCase(`case: x-1\ntitle: ${'a'.repeat(79)}🩸🩸 tail\n`).model);
    assert.equal(header.children![1].detail, `${'a'.repeat(79)}…`);
    assert.equal(header.detail, `${'a'.repeat(79)}🩸🩸 tail`, 'the header\'s detail is the whole title');
  });

  it('is well formed on every sample and on mutated samples', () => {
    for (const text of SAMPLE_TEXTS) assertWellFormed(documentSymbols(analyzeCase(text).model), text);
    fc.assert(fc.property(mutatedCase(5), (text) => {
      if (text.length > 200_000) return;
      assertWellFormed(documentSymbols(analyzeCase(text).model), text);
    }), { seed: 7, numRuns: 150 });
  });
});

describe('folding ranges', () => {
  const folds = (text: string) => foldingRanges(analyzeCase(text).model.syntax).map((r) => [r.startLine, r.endLine, r.kind ?? '']);

  it('folds comment runs, each section to its last non-blank line, and multi-line values', () => {
    assert.deepEqual(folds(CASE), [
      [0, 1, 'comment'],
      [6, 7, ''],
      [9, 11, ''],
      [13, 15, ''],
      [17, 21, ''],
      [18, 19, 'comment'],
      [23, 25, ''],
      [24, 25, ''],
    ]);
  });

  it('folds a value continued after a blank line, and nothing that is a single line', () => {
    assert.deepEqual(folds('[answer]\nexplanation: one\n\n  two\n# lone comment\n\n[labs]\n'), [[0, 4, ''], [1, 3, '']]);
    assert.deepEqual(folds('case: a-1\n# one\n\n# two\n[history]\n'), []);
  });

  it('stays inside the document on mutated samples', () => {
    fc.assert(fc.property(mutatedCase(5), (text) => {
      if (text.length > 200_000) return;
      const lines = splitLines(text).lines.length;
      for (const r of foldingRanges(analyzeCase(text).model.syntax)) assert.ok(r.startLine >= 0 && r.startLine < r.endLine && r.endLine < lines, JSON.stringify(r));
    }), { seed: 11, numRuns: 150 });
  });
});
