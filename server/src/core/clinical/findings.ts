// The findings of schemas/mechanisms.json, compiled once per process into a flat program. Each
// finding is present, absent or unknown (the case lacks the data); unknown never counts as
// evidence either way.
//
// Why a flat program: the engine weighs every finding of every mechanism on every case of a
// bank (about a hundred per case). The rules are data; interpreting them as a tree of closures
// cost a call through a different function at every node, and a string per truth. Here every
// condition is a numbered node in a few typed arrays (its kind, its operand, its parts), every
// finding a small integer, every truth a small integer code; one function (CaseFacts.evaluate)
// walks them with a switch. Leaves point into tables of what they compare (a lab and its
// thresholds, a smear word, a marrow field, a prose pattern).
//
// Why two passes: what was observed (the lab value in words, with its line) is put together only
// for findings that end up as evidence shown (observations.ts); the truth pass builds no string.
//
// One panel at a time: a finding that reads a labs panel or the smear is decided panel by
// panel (caseFacts.ts says how).
import type { Range } from '../text';
import type { Flag } from './flags';
import { indexValue, labValue, valueLeaf, type ValueSource } from './panelConditions';
import type { ExpectedValueId } from './expectedValues';

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

export interface AgeBounds {
  below?: number;
  atLeast?: number;
}

export interface ProseCondition {
  text: ('history' | 'exam' | 'course')[];
  pattern: string;
  unless?: string;
}

export type Condition =
  | string
  | ({ lab: string } & Comparison)
  | ({ index: string } & Comparison)
  | { smear: string }
  | MarrowCondition
  | { age: AgeBounds }
  | ProseCondition
  | { allOf: Condition[] }
  | { anyOf: Condition[] }
  | { firstKnown: Condition[] }
  | { not: Condition };

export interface FindingDefinition {
  label: string;
  when: Condition;
  source: string;
}

/** The kinds of node of the program (Program.kind). */
export const enum Op {
  /** Another finding, by number (operand; -1 for an id the rules do not define: unknown). */
  Finding,
  Not,
  /** Decided by its first `no`; an unknown part otherwise leaves it unknown. */
  AllOf,
  /** Decided by its first `yes`; an unknown part otherwise leaves it unknown. */
  AnyOf,
  /** The first part the case has data for decides ("the ANC, or the WBC when the ANC is missing"). */
  FirstKnown,
  /** A lab or index in one panel (operand: Program.values). */
  Value,
  /** A word on the smear read with the panel (operand: Program.smearWords). */
  Smear,
  /** A marrow field (operand: Program.marrows). */
  Marrow,
  /** The patient's age (operand: Program.ages). */
  Age,
  /** A mention in prose (operand: Program.proses). */
  Prose,
}

/** A lab or index condition: where its value is read, and what it is compared with. */
export interface ValueLeaf {
  source: ValueSource;
  /** The source that puts what was observed into words (with the expected share, for an `expected` comparison). */
  shown: ValueSource;
  comparison: Comparison;
  /** Reads only panels after the case's first. */
  later: boolean;
}

export interface MarrowLeaf {
  condition: MarrowCondition;
  /** The field's number in Program.marrowKeys (a case reads each field once). */
  field: number;
  /** `in`, lowercased once. */
  accepted?: string[];
}

export interface ProseLeaf {
  /** The section names, in the rule's order, and their numbers in Program.proseSections. */
  sections: string[];
  sectionNumbers: number[];
  regex: RegExp;
  unless?: RegExp;
}

/**
 * The rules as a program. A node's parts are `parts[first[n]] … parts[first[n] + partCount[n] − 1]`;
 * a leaf's operand is its row in the table of its kind.
 */
export class CompiledFindings {
  readonly ids: string[];
  readonly labels: string[];
  /** Per finding: the node of its `when`. */
  readonly root: Int32Array;
  readonly kind: Uint8Array;
  readonly operand: Int32Array;
  readonly first: Int32Array;
  readonly partCount: Int32Array;
  readonly parts: Int32Array;
  readonly values: ValueLeaf[] = [];
  readonly smearWords: string[] = [];
  readonly marrows: MarrowLeaf[] = [];
  readonly marrowKeys: string[] = [];
  readonly ages: AgeBounds[] = [];
  readonly proses: ProseLeaf[] = [];
  /** The prose sections some rule reads, numbered (a case joins each section's lines once). */
  readonly proseSections: string[] = [];
  /** Whether the finding reads a labs panel or the smear, itself or through a finding it names. */
  readonly panelBound: Uint8Array;
  /** Whether the finding is present when any panel shows it (a `later` or `any` condition), not only the first that knows. */
  readonly anyPanel: Uint8Array;
  /**
   * Per finding, what it reads of a panel (each lab, index and the smear once), through the
   * findings it names too: `probes[probeStart[f]] … probes[probeStart[f + 1] − 1]`, each
   * `2 × source + (later ? 1 : 0)`, or -1 for the smear.
   */
  readonly probeStart: Int32Array;
  readonly probes: Int32Array;
  private readonly numbers = new Map<string, number>();
  private readonly nodes: { kind: Op; operand: number; parts: number[] }[] = [];

  constructor(definitions: Record<string, FindingDefinition>) {
    this.ids = Object.keys(definitions);
    this.labels = this.ids.map((id) => definitions[id].label);
    this.ids.forEach((id, i) => this.numbers.set(id, i));
    const roots = this.ids.map((id) => this.compile(definitions[id].when));
    this.root = Int32Array.from(roots);
    this.kind = Uint8Array.from(this.nodes, (n) => n.kind);
    this.operand = Int32Array.from(this.nodes, (n) => n.operand);
    this.partCount = Int32Array.from(this.nodes, (n) => n.parts.length);
    const first: number[] = [];
    const parts: number[] = [];
    for (const node of this.nodes) {
      first.push(parts.length);
      for (const part of node.parts) parts.push(part);
    }
    this.first = Int32Array.from(first);
    this.parts = Int32Array.from(parts);
    this.nodes.length = 0;
    const probeStart: number[] = [];
    const probes: number[] = [];
    for (const id of this.ids) {
      probeStart.push(probes.length);
      const found = new Set<number>();
      collectProbes(id, definitions, new Set(), found);
      for (const probe of found) probes.push(probe);
    }
    probeStart.push(probes.length);
    this.probeStart = Int32Array.from(probeStart);
    this.probes = Int32Array.from(probes);
    this.panelBound = Uint8Array.from(this.ids, (_, f) => (probeStart[f + 1] > probeStart[f] ? 1 : 0));
    this.anyPanel = Uint8Array.from(this.ids, (id) => (scopesOver(definitions[id].when) ? 1 : 0));
  }

  get count(): number {
    return this.ids.length;
  }

  /** The finding's number, or -1 for an id the rules do not define (always unknown). */
  number(id: string): number {
    return this.numbers.get(id) ?? -1;
  }

  /** The node of a condition, its parts compiled first. */
  private compile(condition: Condition): number {
    if (typeof condition === 'string') return this.node(Op.Finding, this.number(condition));
    // allOf in allOf (anyOf in anyOf) is one list: the same truth and evidence, fewer steps.
    if ('allOf' in condition) return this.node(Op.AllOf, 0, flattened(condition.allOf, 'allOf').map((c) => this.compile(c)));
    if ('anyOf' in condition) return this.node(Op.AnyOf, 0, flattened(condition.anyOf, 'anyOf').map((c) => this.compile(c)));
    if ('firstKnown' in condition) return this.node(Op.FirstKnown, 0, condition.firstKnown.map((c) => this.compile(c)));
    if ('not' in condition) return this.node(Op.Not, 0, [this.compile(condition.not)]);
    if ('age' in condition) return this.node(Op.Age, this.ages.push(condition.age) - 1);
    if ('lab' in condition) return this.valueNode(condition, labValue(condition.lab));
    if ('index' in condition) return this.valueNode(condition, indexValue(condition.index));
    if ('smear' in condition) return this.node(Op.Smear, this.smearWords.push(condition.smear) - 1);
    if ('marrow' in condition) {
      let field = this.marrowKeys.indexOf(condition.marrow);
      if (field < 0) field = this.marrowKeys.push(condition.marrow) - 1;
      return this.node(Op.Marrow, this.marrows.push({ condition, field, accepted: condition.in?.map((v) => v.toLowerCase()) }) - 1);
    }
    const sectionNumbers = condition.text.map((section) => {
      const number = this.proseSections.indexOf(section);
      return number < 0 ? this.proseSections.push(section) - 1 : number;
    });
    const unless = condition.unless === undefined ? undefined : new RegExp(`(${condition.unless})\\W*$`, 'i');
    return this.node(Op.Prose, this.proses.push({ sections: condition.text, sectionNumbers, regex: new RegExp(condition.pattern, 'gi'), unless }) - 1);
  }

  private valueNode(comparison: Comparison, source: ValueSource): number {
    return this.node(Op.Value, this.values.push(valueLeaf(comparison, source)) - 1);
  }

  private node(kind: Op, operand: number, parts: number[] = []): number {
    return this.nodes.push({ kind, operand, parts }) - 1;
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
function collectProbes(condition: Condition, definitions: Record<string, FindingDefinition>, visiting: Set<string>, found: Set<number>): void {
  if (typeof condition === 'string') {
    if (!(condition in definitions) || visiting.has(condition)) return;
    visiting.add(condition);
    collectProbes(definitions[condition].when, definitions, visiting, found);
    return;
  }
  const later = 'panel' in condition && condition.panel === 'later' ? 1 : 0;
  if ('lab' in condition) found.add(2 * labValue(condition.lab).id + later);
  else if ('index' in condition) found.add(2 * indexValue(condition.index).id + later);
  else if ('smear' in condition) found.add(-1);
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
