// Conditions on the case's structured parts other than lab panels and smears: the patient's
// age and the marrow (with cellularity judged against age).
import { marrowValueWords, readableWords } from '../catalog/labels';
import type { CaseModel } from '../model/caseModel';
import type { FieldNode } from '../syntax/syntaxTree';
import type { AgeBounds, MarrowLeaf, Observation } from './findings';
import { NO, threshold, UNKNOWN, YES, type TruthCode } from './truth';

const DAYS_PER_YEAR = 365.25;

/** An unknown age is read as adult, as the reference ranges read it. */
const ADULT_YEARS = 30;

export function ageTruth(model: CaseModel, bounds: AgeBounds): TruthCode {
  const days = model.patient.age?.days;
  return threshold(days === undefined ? ADULT_YEARS : days / DAYS_PER_YEAR, bounds.below, bounds.atLeast);
}

export function describeAge(model: CaseModel): Observation[] {
  const age = model.patient.age;
  return age ? [{ text: `age ${age.amount} ${age.unit}`, range: age.range }] : [];
}

/** A marrow condition on the field's value (read once per case: CaseFacts.marrowValue). */
export function marrowTruth(model: CaseModel, leaf: MarrowLeaf, marrow: MarrowValue | undefined): TruthCode {
  if (!marrow) return UNKNOWN;
  const condition = leaf.condition;
  if (leaf.accepted) return leaf.accepted.includes(marrow.lowercase) ? YES : NO;
  const number = marrow.number;
  if (number === undefined) return UNKNOWN;
  if (!condition.versusAge) return threshold(number, condition.below, condition.atLeast);
  const expected = expectedCellularity(model);
  if (expected === undefined) return UNKNOWN;
  const margin = condition.margin ?? 0;
  return condition.versusAge === 'below' ? threshold(number, expected - margin) : threshold(number, undefined, expected + margin + Number.EPSILON);
}

export function describeMarrow(model: CaseModel, leaf: MarrowLeaf, truth: TruthCode): Observation[] {
  const condition = leaf.condition;
  const field = model.marrow.get(condition.marrow);
  if (!field || truth === UNKNOWN) return [];
  const expected = condition.versusAge ? expectedCellularity(model) : undefined;
  const forAge = expected === undefined ? '' : ` (about ${Math.round(expected)} % expected at this age)`;
  return [{ text: `marrow ${readableWords(condition.marrow)}: ${marrowValueWords(condition.marrow, field.value)}${forAge}`, range: field.range }];
}

/** A marrow field's value as the rules compare it: lowercased, and as a number when it is one. */
export interface MarrowValue {
  lowercase: string;
  number: number | undefined;
}

/** Read once per field and case (a score of rules ask about the cellularity and the lineages). */
export function readMarrowValue(field: FieldNode): MarrowValue | undefined {
  return field.value ? { lowercase: field.value.toLowerCase(), number: marrowNumber(field) } : undefined;
}

/** Marrow cellularity falls with age: about 100 − age in years, in per cent (unknown without an age). */
function expectedCellularity(model: CaseModel): number | undefined {
  const days = model.patient.age?.days;
  return days === undefined ? undefined : Math.max(0, 100 - days / DAYS_PER_YEAR);
}

/** Percentages (`40 %`) and ratios (`1:6` → 0.17) as numbers. */
function marrowNumber(field: FieldNode): number | undefined {
  const ratio = /^(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$/.exec(field.value);
  if (ratio) return Number(ratio[2]) > 0 ? Number(ratio[1]) / Number(ratio[2]) : undefined;
  const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(field.value);
  return percent ? Number(percent[1]) : undefined;
}
