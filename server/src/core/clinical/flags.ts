// Reference-range flags for a value: low, high, critical, for this patient's age and sex.
import { referenceRangeFor, type LabDefinition, type ReferenceRange } from '../catalog/labCatalog';
import type { Comparator, Patient } from '../model/caseModel';

export type Flag = 'critical-low' | 'low' | 'normal' | 'high' | 'critical-high' | 'abnormal';

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
  const below = (limit: number) => (comparator === '<' || comparator === '<=' ? value <= limit : comparator ? false : value < limit);
  const above = (limit: number) => (comparator === '>' || comparator === '>=' ? value >= limit : comparator ? false : value > limit);
  if (critical?.low !== undefined && below(critical.low)) return { flag: 'critical-low', range };
  if (critical?.high !== undefined && above(critical.high)) return { flag: 'critical-high', range };
  if (!range) return undefined;
  if (range.low !== undefined && below(range.low)) return { flag: 'low', range };
  if (range.high !== undefined && above(range.high)) return { flag: 'high', range };
  if (comparator) return undefined; // `<50` against 30–200: not decidable
  return { flag: 'normal', range };
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
