// readLabValue reads the common forms of a lab value by hand (model/labValue.ts) and leaves the
// rest to its pattern: for any value, what it reads is what the pattern alone read.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findLab, findUnit, toCanonical, type LabDefinition } from '../../server/src/core/catalog/labCatalog';
import type { LabValue } from '../../server/src/core/model/caseModel';
import { readLabValue } from '../../server/src/core/model/labValue';
import type { FieldNode } from '../../server/src/core/syntax/syntaxTree';
import { lineSpan } from '../../server/src/core/text';

/** The value read by the pattern alone, as readLabValue read it before the hand scan. */
function byPattern(field: FieldNode, lab: LabDefinition | undefined): LabValue {
  const text = field.value;
  if (!text) return { kind: 'empty' };
  const line = field.valueRange.start.line;
  const start = field.valueRange.start.character;
  const match = field.valueLines.length === 1
    ? /^(<=|>=|≤|≥|<|>)?[ \t]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:[ \t]+(\S.*)|([A-Za-z%µμ/].*))?$/.exec(text)
    : null;
  if (match) {
    const raw = match[1];
    const comparator = raw === '≤' ? '<=' : raw === '≥' ? '>=' : (raw as '<' | '>' | '<=' | '>=' | undefined);
    const numberText = match[2];
    const number = Number(numberText);
    const unit = (match[3] ?? match[4])?.trim() || undefined;
    const unitDefinition = unit && lab ? findUnit(lab, unit) : undefined;
    return {
      kind: 'number', comparator, number,
      numberRange: lineSpan(line, start + text.indexOf(numberText, raw?.length ?? 0), numberText.length),
      unit, unitRange: unit ? lineSpan(line, start + text.lastIndexOf(unit), unit.length) : undefined,
      unitDefinition, canonical: unitDefinition ? toCanonical(number, unitDefinition) : undefined,
    };
  }
  if (/^[A-Za-z][A-Za-z\-]*$/.test(text)) return { kind: 'word', word: text.toLowerCase(), range: field.valueRange };
  return { kind: 'invalid', text, range: field.valueRange };
}

/** The value as a plain object: a number value makes its ranges when read (a getter is not an own property). */
function plain(value: LabValue): Record<string, unknown> {
  if (value.kind !== 'number') return { ...value };
  const { kind, comparator, number, numberRange, unit, unitRange, unitDefinition, canonical } = value;
  return { kind, comparator, number, numberRange, unit, unitRange, unitDefinition, canonical };
}

function fieldOf(value: string, lines = 1): FieldNode {
  const valueRange = lineSpan(3, 5, value.length);
  const valueLines = Array.from({ length: lines }, () => ({ text: value, range: valueRange }));
  return {
    key: 'hemoglobin', rawKey: 'Hemoglobin', line: 3, keyRange: lineSpan(3, 0, 10), value, valueRange, valueLine: 3, valueCharacter: 5,
    valueLines, valueLineCount: lines, range: lineSpan(3, 0, 5 + value.length),
    forEachValueLine: (visit) => { for (const { text, range } of valueLines) visit(text, range.start.line, range.start.character); },
  };
}

const piece = fc.constantFrom(
  '<', '>', '<=', '>=', '≤', '≥', '=', ' ', '\t', '  ', '+', '-', '0', '1', '9', '12', '.', '.5', 'e', 'E', 'e3', 'e-2', 'E+',
  'g/dL', 'g', '%', 'µ', 'μ', 'mol/L', '/', '10^9/L', '×', 'x', '(', ')', ',', 'positive', 'Neg-ative',
  '\u00a0', '\u2028', '\u2029', '\v', '\f', '\r', '\n', '\ufeff', '\u3000', '🩸', 'a',
);

describe('lab values', () => {
  const hemoglobin = findLab('hemoglobin');

  it('are read by hand as the pattern reads them', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), fc.nat(2), (pieces, known, extra) => {
      const text = pieces.join('');
      const lab = known ? hemoglobin : undefined;
      assert.deepEqual(plain(readLabValue(fieldOf(text, 1 + extra), lab)), byPattern(fieldOf(text, 1 + extra), lab), JSON.stringify(text));
    }), { seed: 20261129, numRuns: 5000 });
  });

  it('give the number Number() gives, to the last bit', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '7', '9'), maxLength: 18 });
    fc.assert(fc.property(fc.constantFrom('', '+', '-'), digits, fc.option(digits), fc.constantFrom('', ' g/dL', 'e2', 'E-3 %'), (sign, whole, fraction, rest) => {
      const text = `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${rest}`;
      const value = readLabValue(fieldOf(text), hemoglobin);
      const expected = byPattern(fieldOf(text), hemoglobin);
      assert.equal(value.kind, expected.kind, text);
      if (value.kind === 'number' && expected.kind === 'number') assert.ok(Object.is(value.number, expected.number), text);
    }), { seed: 20261207, numRuns: 5000 });
  });

  it('in the forms a bank writes', () => {
    const cases: [string, Partial<LabValue> & Record<string, unknown>][] = [
      ['6.1 g/dL', { kind: 'number', number: 6.1, unit: 'g/dL', canonical: 6.1 }],
      ['<10 mg/dL', { kind: 'number', comparator: '<', number: 10, unit: 'mg/dL' }],
      ['≥ 2000', { kind: 'number', comparator: '>=', number: 2000, unit: undefined }],
      ['4%', { kind: 'number', number: 4, unit: '%' }],
      ['5e', { kind: 'number', number: 5, unit: 'e' }],
      ['5e3\u00a0', { kind: 'number', number: 5, unit: 'e3' }],
      ['positive', { kind: 'word', word: 'positive' }],
      ['5 (low)', { kind: 'number', number: 5, unit: '(low)' }],
      ['5(low)', { kind: 'invalid', text: '5(low)' }],
    ];
    for (const [text, expected] of cases) {
      const value = readLabValue(fieldOf(text), hemoglobin) as unknown as Record<string, unknown>;
      for (const [key, want] of Object.entries(expected)) assert.deepEqual(value[key], want, `${text}: ${key}`);
      assert.deepEqual(plain(value as unknown as LabValue), byPattern(fieldOf(text), hemoglobin), text);
    }
  });
});
