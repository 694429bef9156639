// The findings of schemas/mechanisms.json, compiled once per process into closures. Each
// finding is present, absent or unknown (the case lacks the data); unknown never counts as
// evidence either way.
//
// Why compiled, and why two passes: the engine weighs every finding of every mechanism on
// every case, but shows the evidence only for the findings that are present. So a finding's
// truth is worked out first, without building a single string; what was observed (the lab
// value in words, with its line) is put together only for findings that end up as evidence.
// Interpreting the JSON per case and describing every sample was most of `check`'s time.
//
// One panel at a time: a finding that reads a labs panel or the smear is decided panel by
// panel (caseFacts.ts says how).
import type { Range } from '../text';
import type { Flag } from './flags';
import { withoutRepeats, type CaseFacts } from './caseFacts';
import { anyOfPatterns, firstAffirmedMention } from './proseMentions';
import { indexProbe, indexValue, labProbe, labValue, panelValue, smearFinding, smearProbe } from './panelConditions';
import { marrowFinding, patientAge } from './structuredConditions';
import type { ExpectedValueId } from './expectedValues';

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
  /** The labs panel (or the smear) the value came from. */
  panel?: string;
}

export type PanelScope = 'first' | 'any' | 'later';

export interface Comparison {
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

/**
 * A condition as code: its truth, and what was observed, both for one case. `panel` is the
 * labs panel a panel-bound condition reads (an index into `facts.panels`; 0 in a case without
 * panels, where only the smear can be read); conditions on the rest of the case ignore it.
 */
export interface Compiled {
  truth(facts: CaseFacts, panel: number): Truth;
  observe(facts: CaseFacts, panel: number): Observation[];
}

/** Whether a panel has a value (or a smear) that a lab, index or smear condition reads. */
export type PanelProbe = (facts: CaseFacts, panel: number) => boolean;

export class CompiledFindings {
  readonly ids: string[];
  readonly labels: string[];
  readonly conditions: Compiled[] = [];
  /** Whether the finding reads a labs panel or the smear, itself or through a finding it names. */
  readonly panelBound: boolean[];
  /** Per finding: what it reads of a panel (each lab, index and the smear once), through the findings it names too. */
  readonly probes: PanelProbe[][];
  /** Whether the finding is present when any panel shows it (a `later` or `any` condition), not only the first that knows. */
  readonly anyPanel: boolean[];
  /** Per prose section: one regex matching wherever any prose pattern that reads the section does. */
  readonly proseFilters = new Map<string, RegExp>();
  private readonly numbers = new Map<string, number>();
  private readonly prosePatterns = new Map<string, string[]>();

  constructor(definitions: Record<string, FindingDefinition>) {
    this.ids = Object.keys(definitions);
    this.labels = this.ids.map((id) => definitions[id].label);
    this.ids.forEach((id, i) => this.numbers.set(id, i));
    for (const id of this.ids) this.conditions.push(this.compile(definitions[id].when));
    for (const [section, patterns] of this.prosePatterns) {
      const any = anyOfPatterns(patterns);
      if (any) this.proseFilters.set(section, any);
    }
    this.probes = this.ids.map((id) => {
      const found = new Set<PanelProbe>();
      collectProbes(id, definitions, new Set(), found);
      return [...found];
    });
    this.panelBound = this.probes.map((probes) => probes.length > 0);
    this.anyPanel = this.ids.map((id) => scopesOver(definitions[id].when));
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
    // allOf in allOf (anyOf in anyOf) is one list: the same truth and evidence, fewer calls.
    if ('allOf' in condition) return combination(flattened(condition.allOf, 'allOf').map((c) => this.compile(c)), 'all');
    if ('anyOf' in condition) return combination(flattened(condition.anyOf, 'anyOf').map((c) => this.compile(c)), 'any');
    if ('firstKnown' in condition) return firstKnown(condition.firstKnown.map((c) => this.compile(c)));
    if ('age' in condition) return patientAge(condition.age);
    if ('not' in condition) return negation(this.compile(condition.not));
    if ('lab' in condition) return panelValue(condition, labValue(condition.lab));
    if ('index' in condition) return panelValue(condition, indexValue(condition.index));
    if ('smear' in condition) return smearFinding(condition.smear);
    if ('marrow' in condition) return marrowFinding(condition);
    for (const section of condition.text) {
      const patterns = this.prosePatterns.get(section) ?? this.prosePatterns.set(section, []).get(section)!;
      patterns.push(condition.pattern);
    }
    return proseMention(condition.text, new RegExp(condition.pattern, 'gi'), condition.unless === undefined ? undefined : new RegExp(`(${condition.unless})\\W*$`, 'i'));
  }
}

function flattened(parts: Condition[], kind: 'allOf' | 'anyOf'): Condition[] {
  const flat: Condition[] = [];
  for (const part of parts) {
    if (typeof part === 'object' && kind in part) for (const inner of flattened((part as Record<typeof kind, Condition[]>)[kind], kind)) flat.push(inner);
    else flat.push(part);
  }
  return flat;
}

/** The probes of every lab, index and smear condition a finding reads, through the findings it names. */
function collectProbes(condition: Condition, definitions: Record<string, FindingDefinition>, visiting: Set<string>, found: Set<PanelProbe>): void {
  if (typeof condition === 'string') {
    if (!(condition in definitions) || visiting.has(condition)) return;
    visiting.add(condition);
    collectProbes(definitions[condition].when, definitions, visiting, found);
    return;
  }
  if ('lab' in condition) found.add(labProbe(condition.lab, condition.panel === 'later'));
  else if ('index' in condition) found.add(indexProbe(condition.index, condition.panel === 'later'));
  else if ('smear' in condition) found.add(smearProbe);
  else for (const part of subconditions(condition)) collectProbes(part, definitions, visiting, found);
}

function subconditions(condition: Exclude<Condition, string>): Condition[] {
  if ('allOf' in condition) return condition.allOf;
  if ('anyOf' in condition) return condition.anyOf;
  if ('firstKnown' in condition) return condition.firstKnown;
  if ('not' in condition) return [condition.not];
  return [];
}

/** A lab or index condition of the finding itself looks at `any` or `later` panels. */
function scopesOver(condition: Condition): boolean {
  if (typeof condition === 'string') return false;
  if (('lab' in condition || 'index' in condition) && (condition.panel === 'any' || condition.panel === 'later')) return true;
  return subconditions(condition).some(scopesOver);
}

const UNKNOWN: Compiled = { truth: () => 'unknown', observe: () => [] };

function findingRef(finding: number): Compiled {
  if (finding < 0) return UNKNOWN;
  return {
    truth: (facts, panel) => facts.truthIn(finding, panel),
    observe: (facts, panel) => facts.observationsIn(finding, panel),
  };
}

function negation(inner: Compiled): Compiled {
  return {
    truth: (facts, panel) => {
      const truth = inner.truth(facts, panel);
      return truth === 'yes' ? 'no' : truth === 'no' ? 'yes' : 'unknown';
    },
    observe: (facts, panel) => inner.observe(facts, panel),
  };
}

/** The first part the case has data for decides ("the ANC, or the WBC when the ANC is missing"). */
function firstKnown(parts: Compiled[]): Compiled {
  return {
    // One pass: asking the deciding part again would work out its truth twice (a lab walk or a
    // prose search on every case of a bank); a part's truth is the same each time it is asked.
    truth: (facts, panel) => {
      for (const part of parts) {
        const truth = part.truth(facts, panel);
        if (truth !== 'unknown') return truth;
      }
      return 'unknown';
    },
    observe: (facts, panel) => parts.find((p) => p.truth(facts, panel) !== 'unknown')?.observe(facts, panel) ?? [],
  };
}

/** allOf is decided by its first `no`, anyOf by its first `yes`; an unknown otherwise leaves it unknown. */
function combination(parts: Compiled[], mode: 'all' | 'any'): Compiled {
  const decisive: Truth = mode === 'all' ? 'no' : 'yes';
  const otherwise: Truth = mode === 'all' ? 'yes' : 'no';
  return {
    truth: (facts, panel) => {
      let unknown = false;
      for (const part of parts) {
        const truth = part.truth(facts, panel);
        if (truth === decisive) return decisive;
        if (truth === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : otherwise;
    },
    observe: (facts, panel) => {
      const hit = parts.find((p) => p.truth(facts, panel) === decisive);
      if (hit) return hit.observe(facts, panel);
      if (parts.some((p) => p.truth(facts, panel) === 'unknown')) return [];
      return withoutRepeats(parts.flatMap((p) => p.observe(facts, panel)));
    },
  };
}

/** A mention in prose that the clause does not deny. Prose that is silent is not evidence that it did not happen. */
function proseMention(sections: string[], regex: RegExp, unless: RegExp | undefined): Compiled {
  return {
    truth: (facts) => (firstAffirmedMention(facts.model, sections, regex, unless, facts) ? 'yes' : 'unknown'),
    observe: (facts) => {
      const model = facts.model;
      const mention = firstAffirmedMention(model, sections, regex, unless, facts);
      if (!mention) return [];
      const section = sections.find((name) => model.sections.get(name)?.prose.some((l) => l.range.start.line === mention.range.start.line));
      return [{ text: `${section ?? sections[0]}: “${mention.text}”`, range: mention.range }];
    },
  };
}
