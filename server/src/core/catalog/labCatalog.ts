// The lab catalog (schemas/labs.json) as lookups: names and aliases, units and exact
// conversions to the canonical unit, plausibility limits and reference ranges.
import labsJson from '../../../../schemas/labs.json';
import { BoundedCache } from '../util/boundedCache';

export type Sex = 'male' | 'female' | 'other' | 'unknown';
export type AgeUnit = 'd' | 'wk' | 'mo' | 'a';

export interface UnitDefinition {
  unit: string;
  /** Multiply a value in this unit by `factor` to get the canonical unit. */
  factor: number;
  aliases?: string[];
  /** The unit in UCUM, when `unit` is not already UCUM (`10^9/L` → `10*9/L`). */
  ucum?: string;
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
  /** The LOINC code of the test (`718-7` for hemoglobin in blood). */
  loinc?: string;
  /** g/mol: what a conversion between mass and substance units (g/dL ↔ mmol/L) assumes. */
  molarMass?: number;
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

/** The same for a name already lowercased, as field keys are: no copy of the string. */
export function findLabByLowercaseName(name: string): LabDefinition | undefined {
  return byName.get(name);
}

/** Unit spellings are compared without case, spaces or a leading `x`/`×` ("x10^9/L" = "10^9/L"). */
export function normalizeUnit(unit: string): string {
  return unit.toLowerCase().replace(/\s+/g, '').replace(/^[x×*]/, '').replace(/µ|μ/g, 'u').replace(/\*\*/g, '^');
}

/** Each lab's units by normalized spelling, built on first use: a bank asks thousands of times. */
const unitsByLab = new Map<LabDefinition, Map<string, UnitDefinition>>();
/** Normalized spellings of the units cases write; a bank writes the same few over and over. */
const MAX_REMEMBERED_UNIT_LENGTH = 32;
export const normalizedSpellings = new BoundedCache<string, string>(10_000);
/**
 * Each lab's answer by the spelling as written (null: no such unit), so the usual lab line costs
 * one lookup: a lab is written in a few spellings across a whole bank. Bounded per lab, as the
 * spellings cache is, so random text where a unit goes cannot grow it without limit.
 */
const MAX_REMEMBERED_SPELLINGS_PER_LAB = 64;
const answersByLab = new Map<LabDefinition, Map<string, UnitDefinition | null>>();

export function findUnit(lab: LabDefinition, unit: string): UnitDefinition | undefined {
  let answers = answersByLab.get(lab);
  const known = answers?.get(unit);
  if (known !== undefined) return known ?? undefined;
  const found = findUnitBySpelling(lab, unit);
  if (unit.length <= MAX_REMEMBERED_UNIT_LENGTH) {
    if (!answers) answersByLab.set(lab, (answers = new Map()));
    if (answers.size >= MAX_REMEMBERED_SPELLINGS_PER_LAB) answers.clear();
    answers.set(copyOf(unit), found ?? null);
  }
  return found;
}

function findUnitBySpelling(lab: LabDefinition, unit: string): UnitDefinition | undefined {
  let units = unitsByLab.get(lab);
  if (!units) {
    units = new Map();
    // The first definition of a spelling wins, as a search through the list in order would.
    for (const u of lab.units ?? []) {
      for (const spelling of [u.unit, ...(u.aliases ?? [])]) {
        const key = normalizeUnit(spelling);
        if (!units.has(key)) units.set(key, u);
      }
    }
    unitsByLab.set(lab, units);
  }
  let wanted = normalizedSpellings.get(unit);
  if (wanted === undefined) {
    wanted = normalizeUnit(unit);
    // Bounded in count (the cache) and in length, so random text where a unit goes (the fuzzer
    // writes megabyte lines) cannot grow it without limit: real units are a few characters. Key
    // and value are copies: a substring can keep the whole file it was cut from alive.
    if (unit.length <= MAX_REMEMBERED_UNIT_LENGTH) normalizedSpellings.set(copyOf(unit), copyOf(wanted));
  }
  return units.get(wanted);
}

/** A string that shares no memory with the one it came from (engines may share substrings). */
function copyOf(text: string): string {
  return [...text].join('');
}

export function toCanonical(value: number, unit: UnitDefinition): number {
  return value * unit.factor;
}

/** Rounds a canonical value for display, as the catalog says for that lab. */
export function formatLabValue(lab: LabDefinition, value: number): string {
  const decimals = lab.decimals ?? 2;
  const fixed = value.toFixed(decimals);
  return decimals > 0 ? withoutTrailingZeros(fixed) : fixed;
}

/** `12.50` → `12.5`, `7.00` → `7`: a loop, where `/\.?0+$/` backtracked on long runs of zeros. */
function withoutTrailingZeros(fixed: string): string {
  if (!fixed.includes('.')) return fixed; // `1e+30`: no decimals to trim
  let end = fixed.length;
  while (fixed[end - 1] === '0') end--;
  if (fixed[end - 1] === '.') end--;
  return fixed.slice(0, end) || '0';
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
  const index = rangeIndex(lab);
  if (!index.bands.length) return undefined;
  const age = ageDays ?? ADULT_AGE_DAYS;
  // Which bands hold an age changes only at a band's edge: between two edges the answer is the
  // same, so it is worked out once per lab, interval and sex (a bank asks thousands of times).
  let interval = 0;
  while (interval < index.edges.length && age >= index.edges[interval]) interval++;
  const perSex = index.chosen.get(sex) ?? index.chosen.set(sex, []).get(sex)!;
  const known = perSex[interval];
  if (known !== undefined) return known ?? undefined;
  const inBand = index.bands.filter((band) => age >= band.low && age < band.high).map((band) => band.range);
  if (!inBand.length) return nearestRangeRemembered(index, age, sex);
  const chosen = pickBySex(inBand, sex);
  perSex[interval] = chosen ?? null;
  return chosen;
}

/**
 * The catalog has no range for this age (often: adult ranges only). The nearest age band is
 * better than no flag at all; its text says that it was borrowed. Not remembered: which band
 * is nearest changes inside a gap between bands.
 */
function nearestRange(bands: AgeBand[], age: number, sex: Sex | undefined): ReferenceRange | undefined {
  const distance = (band: AgeBand) => (age < band.low ? band.low - age : age - band.high);
  const nearest = bands.reduce((least, band) => Math.min(least, distance(band)), Infinity);
  const chosen = pickBySex(bands.filter((b) => distance(b) === nearest).map((b) => b.range), sex);
  return chosen && { ...chosen, text: `${chosen.text} (nearest age band in the catalog)` };
}

/**
 * A child's case asks for the nearest band of every adult-only lab on every panel, and a bank
 * has few distinct ages: the borrowed range is remembered per exact age and sex, a bounded
 * number per lab (the same range object each time; nothing changes a range after it is made).
 */
const MAX_REMEMBERED_NEAREST_PER_LAB = 64;

function nearestRangeRemembered(index: RangeIndex, age: number, sex: Sex | undefined): ReferenceRange | undefined {
  const key = `${sex}:${age}`;
  const known = index.nearest.get(key);
  if (known !== undefined) return known ?? undefined;
  const chosen = nearestRange(index.bands, age, sex);
  if (index.nearest.size >= MAX_REMEMBERED_NEAREST_PER_LAB) index.nearest.clear();
  index.nearest.set(key, chosen ?? null);
  return chosen;
}

const ADULT_AGE_DAYS = ageInDays({ value: 30, unit: 'a' });

/** A reference range with its age band in days (low inclusive, high exclusive). */
interface AgeBand {
  low: number;
  high: number;
  range: ReferenceRange;
}

interface RangeIndex {
  bands: AgeBand[];
  /** Every finite band edge, ascending: interval i is [edges[i - 1], edges[i]). */
  edges: number[];
  /** Per sex, per interval: the range chosen, null for none, a hole for not yet known. */
  chosen: Map<Sex | undefined, (ReferenceRange | null)[]>;
  /** Borrowed nearest-band ranges by `sex:age in days`, null for none (bounded). */
  nearest: Map<string, ReferenceRange | null>;
}

/** Each lab's age bands in days and their edges, worked out once. */
const indexByLab = new Map<LabDefinition, RangeIndex>();

function rangeIndex(lab: LabDefinition): RangeIndex {
  let index = indexByLab.get(lab);
  if (!index) {
    const bands = (lab.referenceRanges ?? []).map((range) => ({
      low: range.age?.low ? ageInDays(range.age.low) : -Infinity,
      high: range.age?.high ? ageInDays(range.age.high) : Infinity,
      range,
    }));
    const edges = [...new Set(bands.flatMap((b) => [b.low, b.high]).filter(Number.isFinite))].sort((a, b) => a - b);
    index = { bands, edges, chosen: new Map(), nearest: new Map() };
    indexByLab.set(lab, index);
  }
  return index;
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
    low: lows.length ? lows.reduce((a, b) => Math.max(a, b)) : undefined,
    high: highs.length ? highs.reduce((a, b) => Math.min(a, b)) : undefined,
    age: bySex[0].age,
    text: `${withoutSexWord(bySex[0].text)} (either sex)`,
    source: bySex[0].source,
  };
}

/** `Adult, male` → `Adult`: the first "male"/"female" and the comma and blanks before it. */
function withoutSexWord(text: string): string {
  const match = /\b(?:male|female)\b/i.exec(text);
  if (!match) return text.trim();
  let start = match.index;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  if (text[start - 1] === ',') start--;
  return (text.slice(0, start) + text.slice(match.index + match[0].length)).trim();
}
