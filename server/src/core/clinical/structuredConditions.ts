// Conditions on the case's structured parts other than lab panels and smears: the patient's
// age and the marrow (with cellularity judged against age).
import type { CaseModel } from '../model/caseModel';
import type { FieldNode } from '../syntax/syntaxTree';
import type { CaseFacts } from './caseFacts';
import type { Compiled, MarrowCondition, Truth } from './findings';

const DAYS_PER_YEAR = 365.25;

/** An unknown age is read as adult, as the reference ranges read it. */
const ADULT_YEARS = 30;

export function patientAge(bounds: { below?: number; atLeast?: number }): Compiled {
  return {
    truth: ({ model }) => {
      const days = model.patient.age?.days;
      return threshold(days === undefined ? ADULT_YEARS : days / DAYS_PER_YEAR, bounds.below, bounds.atLeast);
    },
    observe: ({ model }) => {
      const age = model.patient.age;
      return age ? [{ text: `age ${age.amount} ${age.unit}`, range: age.range }] : [];
    },
  };
}

export function marrowFinding(condition: MarrowCondition): Compiled {
  const accepted = condition.in?.map((v) => v.toLowerCase());
  const truth = (facts: CaseFacts): Truth => {
    const marrow = facts.marrowField(condition.marrow);
    if (!marrow) return 'unknown';
    if (accepted) return accepted.includes(marrow.lowercase) ? 'yes' : 'no';
    const number = marrow.number;
    if (number === undefined) return 'unknown';
    if (!condition.versusAge) return threshold(number, condition.below, condition.atLeast);
    const expected = expectedCellularity(facts.model);
    if (expected === undefined) return 'unknown';
    const margin = condition.margin ?? 0;
    return condition.versusAge === 'below' ? threshold(number, expected - margin) : threshold(number, undefined, expected + margin + Number.EPSILON);
  };
  return {
    truth,
    observe: (facts) => {
      const field = facts.model.marrow.get(condition.marrow);
      if (!field || truth(facts) === 'unknown') return [];
      const expected = condition.versusAge ? expectedCellularity(facts.model) : undefined;
      const forAge = expected === undefined ? '' : ` (about ${Math.round(expected)} % expected at this age)`;
      return [{ text: `marrow ${condition.marrow}: ${field.value}${forAge}`, range: field.range }];
    },
  };
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

export function threshold(value: number, below?: number, atLeast?: number): Truth {
  if (below !== undefined && !(value < below)) return 'no';
  if (atLeast !== undefined && !(value >= atLeast)) return 'no';
  return 'yes';
}
