// The findings of schemas/mechanisms.json, compiled once per process into closures. Each
// finding is present, absent or unknown (the case lacks the data); unknown never counts as
// evidence either way.
//
// Why compiled, and why two passes: the engine weighs every finding of every mechanism on
// every case, but shows the evidence only for the findings that are present. So a finding's
// truth is worked out first, without building a single string; what was observed (the lab
// value in words, with its line) is put together only for findings that end up as evidence.
// Interpreting the JSON per case and describing every sample was most of `check`'s time.
import { formatLabValue } from '../catalog/labCatalog';
import { quotedValue } from '../model/writtenValue';
import type { CaseModel } from '../model/caseModel';
import type { Range } from '../text';
import type { Flag, FlagResult } from './flags';
import { formatIndexValue, type ComputedIndex } from './indices';
import { firstAffirmedMention } from './proseMentions';
import { marrowFinding, patientAge, smearFinding, threshold } from './structuredConditions';
import { EXPECTED_VALUES, type ExpectedValueId } from './expectedValues';
import type { LabReading, PanelReading } from './panelAnalysis';

export type Truth = 'yes' | 'no' | 'unknown';

export interface Observation {
  /** What was seen, in words: "haptoglobin 85 mg/dL (normal)". */
  text: string;
  /**
   * The same with the value as the author wrote it, when that differs from `text`: "Vitamin B12
   * 111 pmol/L (= 150 pg/mL) (low)" where `text` says "Vitamin B12 150 pg/mL (low)".
   */
  written?: string;
  range?: Range;
  panel?: string;
}

type PanelScope = 'first' | 'any' | 'later';

interface Comparison {
  flag?: Flag[];
  is?: string;
  below?: number;
  atLeast?: number;
  panel?: PanelScope;
  /** Graded evidence: the value is at least this many times the upper limit of its range. */
  timesUpperLimit?: number;
  /** Compare the value as a ratio to what is expected for the panel (below/atLeast apply to the ratio). */
  expected?: ExpectedValueId;
}

export interface MarrowCondition {
  marrow: string;
  in?: string[];
  below?: number;
  atLeast?: number;
  /** Cellularity against age: below or above (100 − age in years) by more than `margin` points. */
  versusAge?: 'below' | 'above';
  margin?: number;
}

export type Condition =
  | string
  | ({ lab: string } & Comparison)
  | ({ index: string } & Comparison)
  | { smear: string }
  | MarrowCondition
  | { age: { below?: number; atLeast?: number } }
  | { text: ('history' | 'exam' | 'course')[]; pattern: string; unless?: string }
  | { allOf: Condition[] }
  | { anyOf: Condition[] }
  | { firstKnown: Condition[] }
  | { not: Condition };

export interface FindingDefinition {
  label: string;
  when: Condition;
  source: string;
}

/** A condition as code: its truth, and what was observed, both for one case. */
export interface Compiled {
  truth(facts: CaseFacts): Truth;
  observe(facts: CaseFacts): Observation[];
}

/** One case's data as the findings read it, with the per-case memo of finding truths. */
export class CaseFacts {
  readonly truths: (Truth | undefined)[];
  readonly observed: (Observation[] | undefined)[];

  constructor(
    readonly findings: CompiledFindings,
    readonly model: CaseModel,
    readonly panels: PanelReading[],
  ) {
    this.truths = new Array(findings.count);
    this.observed = new Array(findings.count);
  }

  truth(finding: number): Truth {
    const known = this.truths[finding];
    if (known !== undefined) return known;
    // A cycle reads as unknown, not as a stack overflow (the rules file is validated too).
    this.truths[finding] = 'unknown';
    const truth = this.findings.conditions[finding].truth(this);
    this.truths[finding] = truth;
    return truth;
  }

  observations(finding: number): Observation[] {
    let seen = this.observed[finding];
    if (!seen) {
      this.observed[finding] = [];
      seen = this.truth(finding) === 'unknown' ? [] : this.findings.conditions[finding].observe(this);
      this.observed[finding] = seen;
    }
    return seen;
  }
}

export class CompiledFindings {
  readonly ids: string[];
  readonly labels: string[];
  readonly conditions: Compiled[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(definitions: Record<string, FindingDefinition>) {
    this.ids = Object.keys(definitions);
    this.labels = this.ids.map((id) => definitions[id].label);
    this.ids.forEach((id, i) => this.numbers.set(id, i));
    for (const id of this.ids) this.conditions.push(this.compile(definitions[id].when));
  }

  get count(): number {
    return this.ids.length;
  }

  /** The finding's number, or -1 for an id the rules do not define (always unknown). */
  number(id: string): number {
    return this.numbers.get(id) ?? -1;
  }

  private compile(condition: Condition): Compiled {
    if (typeof condition === 'string') return findingRef(this.number(condition));
    if ('allOf' in condition) return combination(condition.allOf.map((c) => this.compile(c)), 'all');
    if ('anyOf' in condition) return combination(condition.anyOf.map((c) => this.compile(c)), 'any');
    if ('firstKnown' in condition) return firstKnown(condition.firstKnown.map((c) => this.compile(c)));
    if ('age' in condition) return patientAge(condition.age);
    if ('not' in condition) return negation(this.compile(condition.not));
    if ('lab' in condition) return panelValues(condition, condition.panel ?? 'first', labValue(condition.lab));
    if ('index' in condition) return panelValues(condition, condition.panel ?? 'first', indexValue(condition.index));
    if ('smear' in condition) return smearFinding(condition.smear);
    if ('marrow' in condition) return marrowFinding(condition);
    return proseMention(condition.text, new RegExp(condition.pattern, 'gi'), condition.unless === undefined ? undefined : new RegExp(`(${condition.unless})\\W*$`, 'i'));
  }
}

const UNKNOWN: Compiled = { truth: () => 'unknown', observe: () => [] };

function findingRef(finding: number): Compiled {
  if (finding < 0) return UNKNOWN;
  return { truth: (facts) => facts.truth(finding), observe: (facts) => facts.observations(finding) };
}

function negation(inner: Compiled): Compiled {
  return {
    truth: (facts) => {
      const truth = inner.truth(facts);
      return truth === 'yes' ? 'no' : truth === 'no' ? 'yes' : 'unknown';
    },
    observe: (facts) => inner.observe(facts),
  };
}

/** The first part the case has data for decides ("the ANC, or the WBC when the ANC is missing"). */
function firstKnown(parts: Compiled[]): Compiled {
  const decider = (facts: CaseFacts) => parts.find((p) => p.truth(facts) !== 'unknown');
  return {
    // One pass: asking the deciding part again would work out its truth twice (a lab walk or a
    // prose search on every case of a bank); a part's truth is the same each time it is asked.
    truth: (facts) => {
      for (const part of parts) {
        const truth = part.truth(facts);
        if (truth !== 'unknown') return truth;
      }
      return 'unknown';
    },
    observe: (facts) => decider(facts)?.observe(facts) ?? [],
  };
}

/** allOf is decided by its first `no`, anyOf by its first `yes`; an unknown otherwise leaves it unknown. */
function combination(parts: Compiled[], mode: 'all' | 'any'): Compiled {
  const decisive: Truth = mode === 'all' ? 'no' : 'yes';
  const otherwise: Truth = mode === 'all' ? 'yes' : 'no';
  return {
    truth: (facts) => {
      let unknown = false;
      for (const part of parts) {
        const truth = part.truth(facts);
        if (truth === decisive) return decisive;
        if (truth === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : otherwise;
    },
    observe: (facts) => {
      const hit = parts.find((p) => p.truth(facts) === decisive);
      if (hit) return hit.observe(facts);
      if (parts.some((p) => p.truth(facts) === 'unknown')) return [];
      return withoutRepeats(parts.flatMap((p) => p.observe(facts)));
    },
  };
}

/** Parts of a combination often read the same line (a bleed that is also acute): say it once. */
function withoutRepeats(observations: Observation[]): Observation[] {
  const seen = new Set<string>();
  return observations.filter((o) => {
    const key = `${o.text}\u0000${o.range?.start.line}:${o.range?.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where a lab or index condition finds its value in one panel, and how to say it. */
interface ValueSource {
  /** The panel's value, or undefined when the panel lacks it. */
  read(reading: PanelReading): LabReading | ComputedIndex | undefined;
  describe(reading: PanelReading, found: LabReading | ComputedIndex): Observation;
}

/** A lab as measured; for a lab the case may leave to be derived (indirect bilirubin, ANC), the derived value. */
function labValue(key: string): ValueSource {
  return {
    read: (reading) => {
      const lab = reading.labs.get(key);
      if (lab && (lab.value !== undefined || lab.word !== undefined)) return lab;
      return reading.indices.get(key);
    },
    describe: (reading, found) => {
      const where = { range: rangeOf(found), panel: reading.panel.label };
      if (isLabReading(found)) {
        const shown = found.word ?? `${found.comparator ?? ''}${formatLabValue(found.lab, found.value!)} ${found.lab.canonicalUnit}`;
        const said = (value: string) => `${found.lab.name} ${value}${found.flag ? ` (${found.flag.flag})` : ''}${panelSuffix(reading)}`;
        const quoted = found.word === undefined ? quotedValue(found.result) : undefined;
        return quoted !== undefined && quoted !== shown ? { text: said(shown), written: said(quoted), ...where } : { text: said(shown), ...where };
      }
      const flag = reading.indexFlags.get(key)?.flag;
      return { text: `${found.name} ${formatIndexValue(found)}${flag ? ` (${flag})` : ''}${panelSuffix(reading)}`, ...where };
    },
  };
}

function indexValue(id: string): ValueSource {
  return {
    read: (reading) => reading.indices.get(id) ?? reading.calculated.get(id),
    describe: (reading, found) => ({
      text: `${(found as ComputedIndex).name} ${formatIndexValue(found as ComputedIndex)}${panelSuffix(reading)}`,
      range: rangeOf(found),
      panel: reading.panel.label,
    }),
  };
}

/**
 * `first`: the earliest panel with the value decides; `any`: some panel; `later`: a panel after
 * the case's first. Present as soon as one considered value matches; absent only when every
 * considered value was decidedly not; unknown otherwise.
 */
function panelValues(comparison: Comparison, scope: PanelScope, plain: ValueSource): Compiled {
  const source = comparison.expected ? withExpected(plain, comparison.expected) : plain;
  /** One walk for both passes: with `into`, what decided the truth is put into words there. */
  const walk = (facts: CaseFacts, into?: Observation[]): Truth => {
    let seen = false;
    let undecided = false;
    for (const reading of facts.panels) {
      if (scope === 'later' && reading.panel.index <= 0) continue;
      const found = source.read(reading);
      if (!found) continue;
      const result = compare(found, comparison, reading);
      if (result === 'yes') {
        // A present value is the whole evidence: the absent ones before it are not.
        if (into) into.splice(0, into.length, source.describe(reading, found));
        return 'yes';
      }
      if (result === 'no') {
        seen = true;
        into?.push(source.describe(reading, found));
      } else {
        undecided = true;
      }
      if (scope === 'first') break;
    }
    return seen && !undecided ? 'no' : 'unknown';
  };
  return {
    truth: (facts) => walk(facts),
    observe: (facts) => {
      const seen: Observation[] = [];
      return walk(facts, seen) === 'unknown' ? [] : seen;
    },
  };
}

/** The observation also says the value as a share of what is expected for the panel. */
function withExpected(source: ValueSource, id: ExpectedValueId): ValueSource {
  return {
    read: source.read,
    describe: (reading, found) => {
      const said = source.describe(reading, found);
      const expected = EXPECTED_VALUES[id].value(reading);
      if (expected === undefined || found.value === undefined) return said;
      const share = EXPECTED_VALUES[id].describe(found.value, expected, reading);
      return said.written === undefined ? { ...said, text: `${said.text}: ${share}` } : { ...said, text: `${said.text}: ${share}`, written: `${said.written}: ${share}` };
    },
  };
}

/** A mention in prose that the clause does not deny. Prose that is silent is not evidence that it did not happen. */
function proseMention(sections: string[], regex: RegExp, unless: RegExp | undefined): Compiled {
  return {
    truth: ({ model }) => (firstAffirmedMention(model, sections, regex, unless) ? 'yes' : 'unknown'),
    observe: ({ model }) => {
      const mention = firstAffirmedMention(model, sections, regex, unless);
      if (!mention) return [];
      const section = sections.find((name) => model.sections.get(name)?.prose.some((l) => l.range.start.line === mention.range.start.line));
      return [{ text: `${section ?? sections[0]}: “${mention.text}”`, range: mention.range }];
    },
  };
}

function isLabReading(found: LabReading | ComputedIndex): found is LabReading {
  return 'lab' in found;
}

function rangeOf(found: LabReading | ComputedIndex): Range | undefined {
  return isLabReading(found) ? found.range : found.inputs[0]?.range;
}

function panelSuffix(reading: PanelReading): string {
  return reading.panel.qualifier ? ` [${reading.panel.qualifier}]` : '';
}


function compare(found: LabReading | ComputedIndex, condition: Comparison, reading: PanelReading): Truth {
  let flag: FlagResult | undefined;
  let word: string | undefined;
  let comparator: string | undefined;
  if (isLabReading(found)) {
    flag = found.flag;
    word = found.word;
    comparator = found.comparator;
  } else {
    flag = reading.indexFlags.get(found.id);
  }
  if (condition.flag) {
    if (!flag) return 'unknown';
    if (!condition.flag.includes(flag.flag)) return 'no';
  }
  if (condition.is !== undefined) {
    if (word === undefined) return 'unknown';
    if (word !== condition.is) return 'no';
  }
  const below = condition.below;
  let atLeast = condition.atLeast;
  if (condition.timesUpperLimit !== undefined) {
    const upper = flag?.range?.high;
    if (upper === undefined) return 'unknown';
    atLeast = Math.max(atLeast ?? -Infinity, condition.timesUpperLimit * upper);
  }
  if (below === undefined && atLeast === undefined) return 'yes';
  let value = found.value;
  if (value === undefined) return 'unknown';
  if (condition.expected) {
    const expected = EXPECTED_VALUES[condition.expected].value(reading);
    if (expected === undefined || !(expected > 0)) return 'unknown';
    value /= expected;
  }
  // `<v` means every value below v: decisive only when the whole interval is on one side.
  if (comparator === '<' || comparator === '<=') {
    if (below !== undefined && value <= below) return atLeast === undefined ? 'yes' : 'unknown';
    if (atLeast !== undefined && value <= atLeast) return 'no';
    return 'unknown';
  }
  if (comparator === '>' || comparator === '>=') {
    if (atLeast !== undefined && value >= atLeast) return below === undefined ? 'yes' : 'unknown';
    if (below !== undefined && value >= below) return 'no';
    return 'unknown';
  }
  return threshold(value, below, atLeast);
}
