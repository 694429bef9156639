// Reads a lab line's value: `6.1 g/dL`, `<10 mg/dL`, `>2000`, `4%`, or a word (`positive`).
import { findUnit, toCanonical, type LabDefinition } from '../catalog/labCatalog';
import { lineSpan } from '../text';
import type { FieldNode } from '../syntax/syntaxTree';
import type { Comparator, LabValue } from './caseModel';

const NUMERIC = /^(<=|>=|≤|≥|<|>)?[ \t]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:[ \t]+(\S.*)|([A-Za-z%µμ/].*))?$/;
const WORD = /^[A-Za-z][A-Za-z\-]*$/;

export function readLabValue(field: FieldNode, lab: LabDefinition | undefined): LabValue {
  const text = field.value;
  if (!text) return { kind: 'empty' };
  // Values sit on the field's first line; a continued lab value is read as one string.
  const line = field.valueRange.start.line;
  const start = field.valueRange.start.character;
  const match = field.valueLines.length === 1 ? NUMERIC.exec(text) : null;
  if (match) {
    const comparator = normalizeComparator(match[1]);
    const numberText = match[2];
    const numberStart = start + text.indexOf(numberText, match[1]?.length ?? 0);
    const number = Number(numberText);
    const unit = (match[3] ?? match[4])?.trim() || undefined;
    const unitDefinition = unit && lab ? findUnit(lab, unit) : undefined;
    // One object shape for every number, absent parts undefined: the code reading lab values
    // across a bank then stays on its fast path.
    const value: LabValue = {
      kind: 'number',
      comparator,
      number,
      numberRange: lineSpan(line, numberStart, numberText.length),
      unit,
      unitRange: unit ? lineSpan(line, start + text.lastIndexOf(unit), unit.length) : undefined,
      unitDefinition,
      canonical: unitDefinition ? toCanonical(number, unitDefinition) : undefined,
    };
    return value;
  }
  if (WORD.test(text)) return { kind: 'word', word: text.toLowerCase(), range: field.valueRange };
  return { kind: 'invalid', text, range: field.valueRange };
}

function normalizeComparator(raw: string | undefined): Comparator | undefined {
  if (raw === '≤') return '<=';
  if (raw === '≥') return '>=';
  return raw as Comparator | undefined;
}
