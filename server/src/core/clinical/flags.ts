// Reference-range flags for a value: low, high, critical, for this patient's age and sex.
import { referenceRangeFor, type LabDefinition, type ReferenceRange } from '../catalog/labCatalog';
import type { Comparator, Patient } from '../model/caseModel';

export type Flag = 'critical-low' | 'low' | 'normal' | 'high' | 'critical-high' | 'abnormal';

/** A flag in words: `critical-low` → "critical low". */
export function flagWords(flag: Flag): string {
  return flag === 'critical-low' ? 'critical low' : flag === 'critical-high' ? 'critical high' : flag;
}

export interface FlagResult {
  flag: Flag;
  range?: ReferenceRange;
}

/**
 * A quantitative value's flag. With a comparator the flag is given only when every value the
 * comparator allows falls on the same side (`<10` haptoglobin is low; `<50` is undecided).
 */
export function flagQuantity(lab: LabDefinition, value: number, patient: Patient, comparator?: Comparator): FlagResult | undefined {
  const range = referenceRangeFor(lab, patient.age?.days, patient.sex);
  const critical = lab.critical;
  if (critical?.low !== undefined && isBelow(value, critical.low, comparator)) return { flag: 'critical-low', range };
  if (critical?.high !== undefined && isAbove(value, critical.high, comparator)) return { flag: 'critical-high', range };
  if (!range) return undefined;
  if (range.low !== undefined && isBelow(value, range.low, comparator)) return { flag: 'low', range };
  if (range.high !== undefined && isAbove(value, range.high, comparator)) return { flag: 'high', range };
  if (comparator) return undefined; // `<50` against 30–200: not decidable
  return { flag: 'normal', range };
}

/** Every value the comparator allows is below the limit (`<10` is below 10; `>10` never is). */
function isBelow(value: number, limit: number, comparator: Comparator | undefined): boolean {
  if (comparator === '<' || comparator === '<=') return value <= limit;
  return comparator ? false : value < limit;
}

function isAbove(value: number, limit: number, comparator: Comparator | undefined): boolean {
  if (comparator === '>' || comparator === '>=') return value >= limit;
  return comparator ? false : value > limit;
}

export function flagWord(lab: LabDefinition, word: string): FlagResult | undefined {
  if (!lab.values?.includes(word)) return undefined;
  return { flag: lab.normal === undefined || word === lab.normal ? 'normal' : 'abnormal' };
}

export function isLow(flag: Flag | undefined): boolean {
  return flag === 'low' || flag === 'critical-low';
}

export function isHigh(flag: Flag | undefined): boolean {
  return flag === 'high' || flag === 'critical-high';
}
