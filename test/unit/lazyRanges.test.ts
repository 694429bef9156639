// Fields, sections and lab numbers keep their positions as numbers and make their ranges when
// read (syntax/parsedField.ts, syntax/parsedSection.ts, model/labValue.ts); the numbers
// they hand out for the usual reads stand in for those ranges. For any document: every range is
// what the text says it is, the numbers agree with the ranges, and the list items read from the
// numbers (util/lists.ts) are the items read from the value lines.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { sectionKind } from '../../server/src/core/catalog/vocabulary';
import { buildModel } from '../../server/src/core/model/buildModel';
import { parseCaseSyntax } from '../../server/src/core/syntax/parser';
import type { FieldNode } from '../../server/src/core/syntax/syntaxTree';
import { lineSpan, makeRange, type Range } from '../../server/src/core/text';
import { listItemTexts, splitListValue } from '../../server/src/core/util/lists';

const line = fc.oneof(
  fc.constantFrom('case: a-1', 'Title:  T  ', 'tags: a, b ,,c', 'tags:', '  x, y', '\tz', '', '   ', '# note', '  # indented note',
    '[labs]', '[Labs : Day 7 ]', '[ smear:day 3]', '[labs:]', '[answer]', '[history]', '[patient]', '[', '[x] y', '[x]  # c',
    'hb: 6.1 g/dL', 'HB:7', 'retic: <0.1 %', 'plt: 1e3 10^9/L', 'findings: target-cells, x', 'Explanation: first', 'key :', 'a.b-c: d'),
  fc.string({ unit: fc.constantFrom('a', 'B', '1', ':', ' ', '\t', ',', '.', '-', '[', ']', '#', 'é', '\u00a0'), maxLength: 14 }),
);
const documents = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));

/** The text a range covers (one line, or the lines it spans joined by `\n`). */
function textAt(lines: readonly string[], range: Range): string {
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const middle = lines.slice(range.start.line + 1, range.end.line);
  return [lines[range.start.line].slice(range.start.character), ...middle, lines[range.end.line].slice(0, range.end.character)].join('\n');
}

/** List items as the value lines give them, cut by String.prototype.split and trim. */
function itemsFromValueLines(field: FieldNode): { text: string; range: Range }[] {
  const items: { text: string; range: Range }[] = [];
  for (const piece of field.valueLines) {
    let from = 0;
    for (const part of piece.text.split(',')) {
      const text = part.trim();
      if (text) {
        const character = piece.range.start.character + from + (part.length - part.trimStart().length);
        items.push({ text, range: lineSpan(piece.range.start.line, character, text.length) });
      }
      from += part.length + 1;
    }
  }
  return items;
}

function checkField(field: FieldNode, lines: readonly string[]): void {
  assert.deepEqual(field.keyRange, lineSpan(field.line, 0, field.rawKey.length));
  assert.equal(textAt(lines, field.keyRange), field.rawKey);
  assert.equal(field.key, field.rawKey.toLowerCase());
  assert.deepEqual(field.range.start, field.keyRange.start);
  assert.deepEqual(field.range.end, field.valueRange.end);
  assert.deepEqual(field.valueRange.start, { line: field.valueLine, character: field.valueCharacter });
  assert.equal(field.valueLineCount, field.valueLines.length);
  const visited: [string, number, number][] = [];
  field.forEachValueLine((text, line, character) => visited.push([text, line, character]));
  assert.deepEqual(visited, field.valueLines.map((p) => [p.text, p.range.start.line, p.range.start.character]), 'forEachValueLine visits the value lines');
  for (const piece of field.valueLines) assert.equal(textAt(lines, piece.range), piece.text);
  assert.equal(field.value, field.valueLines.map((p) => p.text).join(' '));
  if (field.valueLines.length) {
    assert.deepEqual(field.valueRange, makeRange(field.valueLines[0].range.start.line, field.valueLines[0].range.start.character,
      field.valueLines[field.valueLines.length - 1].range.end.line, field.valueLines[field.valueLines.length - 1].range.end.character));
  } else {
    assert.deepEqual(field.valueRange.end, field.valueRange.start);
  }
  // Made on each read: a second read gives the same range.
  assert.deepEqual(field.valueRange, field.valueRange);
  assert.deepEqual(splitListValue(field), itemsFromValueLines(field));
  assert.deepEqual(listItemTexts(field), itemsFromValueLines(field).map((i) => i.text));
}

describe('ranges made when read', () => {
  it('are what the text says, and agree with the numbers the nodes hand out', () => {
    fc.assert(fc.property(documents, (text) => {
      const { syntax } = parseCaseSyntax(text, sectionKind);
      const { lines } = syntax;
      for (const field of syntax.header) checkField(field, lines);
      for (const section of syntax.sections) {
        for (const field of section.fields) checkField(field, lines);
        const header = lines[section.headerRange.start.line];
        assert.deepEqual(section.headerRange, lineSpan(section.headerRange.start.line, 0, header.replace(/[ \t]+$/, '').length));
        assert.deepEqual(section.range.start, section.headerRange.start);
        assert.equal(section.name, section.rawName.toLowerCase());
        // A closed header's name, trimmed of blanks (an unclosed one's name is said to start after the `[`).
        if (header.includes(']') && !/^\[[ \t]*\u00a0/.test(header)) assert.equal(textAt(lines, section.nameRange), section.rawName);
        if (section.qualifier !== undefined) {
          assert.ok(section.qualifierRange);
          assert.equal(section.qualifierRange.end.character - section.qualifierRange.start.character, section.qualifier.length);
        } else {
          assert.equal(section.qualifierRange, undefined);
        }
      }
    }), { seed: 20261207, numRuns: 1500 });
  });

  it('give a lab number where the value line has it', () => {
    fc.assert(fc.property(documents, (text) => {
      const model = buildModel(parseCaseSyntax(`[labs]\n${text}`, sectionKind).syntax);
      for (const panel of model.panels) {
        for (const { field, value } of panel.results) {
          if (value.kind !== 'number') continue;
          assert.equal(Number(textAt(model.syntax.lines, value.numberRange)), value.number);
          assert.equal(value.numberRange.start.line, field.valueLine);
          if (value.unit) assert.equal(textAt(model.syntax.lines, value.unitRange!), value.unit);
          else assert.equal(value.unitRange, undefined);
        }
      }
    }), { seed: 20261208, numRuns: 1000 });
  });
});
