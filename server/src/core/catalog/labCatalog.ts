// The lab catalog (schemas/labs.json) as lookups: names and aliases, units and exact
// conversions to the canonical unit, plausibility limits and reference ranges.
import labsJson from '../../../../schemas/labs.json';

export type Sex = 'male' | 'female' | 'other' | 'unknown';
export type AgeUnit = 'd' | 'wk' | 'mo' | 'a';

export interface UnitDefinition {
  unit: string;
  /** Multiply a value in this unit by `factor` to get the canonical unit. */
  factor: number;
  aliases?: string[];
}

export interface AgeQuantity {
  value: number;
  unit: AgeUnit;
}

/** Shaped after FHIR Observation.referenceRange. Age: low inclusive, high exclusive. */
export interface ReferenceRange {
  low?: number;
  high?: number;
  appliesTo?: Sex[];
  age?: { low?: AgeQuantity; high?: AgeQuantity };
  text: string;
  source: string;
}

export interface LabDefinition {
  key: string;
  name: string;
  aliases: string[];
  kind: 'quantitative' | 'qualitative';
  description: string;
  canonicalUnit?: string;
  units?: UnitDefinition[];
  decimals?: number;
  plausible?: { low: number; high: number };
  critical?: { low?: number; high?: number };
  referenceRanges?: ReferenceRange[];
  values?: string[];
  normal?: string;
}

export interface SourceDefinition {
  citation: string;
  url?: string;
}

interface LabsFile {
  sources: Record<string, SourceDefinition>;
  labs: LabDefinition[];
}

const catalog = labsJson as unknown as LabsFile;

export const LABS: readonly LabDefinition[] = catalog.labs;
export const LAB_SOURCES: Readonly<Record<string, SourceDefinition>> = catalog.sources;

const byName = new Map<string, LabDefinition>();
for (const lab of LABS) {
  byName.set(lab.key, lab);
  for (const alias of lab.aliases) byName.set(alias, lab);
}

/** Every key and alias, for suggestions and completion. */
export const LAB_NAMES: readonly string[] = [...byName.keys()];

export function findLab(name: string): LabDefinition | undefined {
  return byName.get(name.toLowerCase());
}

/** Unit spellings are compared without case, spaces or a leading `x`/`×` ("x10^9/L" = "10^9/L"). */
export function normalizeUnit(unit: string): string {
  return unit.toLowerCase().replace(/\s+/g, '').replace(/^[x×*]/, '').replace(/µ|μ/g, 'u').replace(/\*\*/g, '^');
}

export function findUnit(lab: LabDefinition, unit: string): UnitDefinition | undefined {
  const wanted = normalizeUnit(unit);
  return lab.units?.find((u) => normalizeUnit(u.unit) === wanted || (u.aliases ?? []).some((a) => normalizeUnit(a) === wanted));
}

export function toCanonical(value: number, unit: UnitDefinition): number {
  return value * unit.factor;
}

/** Rounds a canonical value for display, as the catalog says for that lab. */
export function formatLabValue(lab: LabDefinition, value: number): string {
  const decimals = lab.decimals ?? 2;
  const fixed = value.toFixed(decimals);
  return decimals > 0 ? fixed.replace(/\.?0+$/, '') || '0' : fixed;
}

const DAYS_PER_UNIT: Record<AgeUnit, number> = { d: 1, wk: 7, mo: 365.25 / 12, a: 365.25 };

export function ageInDays(age: AgeQuantity): number {
  return age.value * DAYS_PER_UNIT[age.unit];
}

/**
 * The reference range for a patient: the range whose age band holds the patient and which
 * applies to their sex. With no age the adult range is used; with no usable sex, only a range
 * that applies to everyone, or the common ground of the male and female ranges. When no band
 * holds the patient's age, the nearest band is used and its text says so.
 */
export function referenceRangeFor(lab: LabDefinition, ageDays: number | undefined, sex: Sex | undefined): ReferenceRange | undefined {
  const ranges = lab.referenceRanges ?? [];
  if (!ranges.length) return undefined;
  const age = ageDays ?? ageInDays({ value: 30, unit: 'a' });
  const bandOf = (r: ReferenceRange) => ({
    low: r.age?.low ? ageInDays(r.age.low) : -Infinity,
    high: r.age?.high ? ageInDays(r.age.high) : Infinity,
  });
  let inBand = ranges.filter((r) => {
    const band = bandOf(r);
    return age >= band.low && age < band.high;
  });
  let fallback = false;
  if (!inBand.length) {
    // The catalog has no range for this age (often: adult ranges only). The nearest age band
    // is better than no flag at all; its text says that it was borrowed.
    const distance = (r: ReferenceRange) => {
      const band = bandOf(r);
      return age < band.low ? band.low - age : age - band.high;
    };
    const nearest = Math.min(...ranges.map(distance));
    inBand = ranges.filter((r) => distance(r) === nearest);
    fallback = true;
  }
  const chosen = pickBySex(inBand, sex);
  return chosen && fallback ? { ...chosen, text: `${chosen.text} (nearest age band in the catalog)` } : chosen;
}

function pickBySex(inBand: ReferenceRange[], sex: Sex | undefined): ReferenceRange | undefined {
  if (sex === 'male' || sex === 'female') {
    return inBand.find((r) => r.appliesTo?.includes(sex)) ?? inBand.find((r) => !r.appliesTo);
  }
  const common = inBand.find((r) => !r.appliesTo);
  if (common) return common;
  const bySex = inBand.filter((r) => r.appliesTo);
  if (bySex.length < 2) return bySex[0];
  // Unknown sex: only what both ranges call normal counts as normal.
  const lows = bySex.map((r) => r.low).filter((v): v is number => v !== undefined);
  const highs = bySex.map((r) => r.high).filter((v): v is number => v !== undefined);
  return {
    low: lows.length ? Math.max(...lows) : undefined,
    high: highs.length ? Math.min(...highs) : undefined,
    age: bySex[0].age,
    text: `${bySex[0].text.replace(/,?\s*\b(male|female)\b/i, '').trim()} (either sex)`,
    source: bySex[0].source,
  };
}
