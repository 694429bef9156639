// A lab value quoted as the author wrote it, with the value in the canonical unit beside it when
// the case used another unit: `111 pmol/L (= 150 pg/mL)`, `1.0 %` (not `1 %`). What the preview,
// `explain`, the hovers and the messages say; the engine itself reads the canonical value.
import { formatLabValue } from '../catalog/labCatalog';
import type { LabResult } from './caseModel';

/** The number and unit as typed, blanks between them made one space; undefined unless a number. */
export function writtenValue(result: LabResult): string | undefined {
  if (result.value.kind !== 'number') return undefined;
  // A number's value is one line (labValue.ts); split/join keeps the scan linear.
  return result.field.value.trim().split(/[ \t]+/).join(' ');
}

/**
 * `111 pmol/L (= 150 pg/mL)` for a value in another unit than the lab's canonical one, the
 * written value otherwise; a number written without a unit gets the unit it was read in.
 * Undefined for words and for labs the catalog does not know.
 */
export function quotedValue(result: LabResult): string | undefined {
  const { value, lab } = result;
  const written = writtenValue(result);
  if (value.kind !== 'number' || written === undefined || !lab) return written;
  const canonicalUnit = lab.canonicalUnit ?? '';
  if (!value.unit) return canonicalUnit ? `${written} ${canonicalUnit}` : written;
  if (!value.unitDefinition || value.canonical === undefined || value.unitDefinition.unit === canonicalUnit) return written;
  return `${written} (= ${value.comparator ?? ''}${formatLabValue(lab, value.canonical)} ${canonicalUnit})`;
}

/** The number alone as typed (`1.0` where the model holds 1), when it is on the field's first line. */
export function writtenNumber(result: LabResult): string | undefined {
  const { value, field } = result;
  if (value.kind !== 'number' || value.numberRange.start.line !== field.valueRange.start.line) return undefined;
  const from = value.numberRange.start.character - field.valueRange.start.character;
  const text = field.value.slice(from, from + value.numberRange.end.character - value.numberRange.start.character);
  return text || undefined;
}

/** The number as typed when it is in the canonical unit (or none), so a chart can label its point with it. */
export function writtenCanonicalNumber(result: LabResult): string | undefined {
  const { value, lab } = result;
  if (value.kind !== 'number' || !lab || (value.unit && value.unitDefinition?.unit !== lab.canonicalUnit)) return undefined;
  const number = writtenNumber(result);
  return number === undefined ? undefined : `${value.comparator ?? ''}${number}`;
}
