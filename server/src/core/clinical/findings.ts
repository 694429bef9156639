// Evaluates the findings of schemas/mechanisms.json on a case. Each finding is present, absent
// or unknown (the case lacks the data); unknown never counts as evidence either way.
import { formatLabValue } from '../catalog/labCatalog';
import type { CaseModel } from '../model/caseModel';
import type { FieldNode } from '../syntax/syntaxTree';
import type { Range } from '../text';
import type { Flag } from './flags';
import { formatIndexValue } from './indices';
import type { PanelReading } from './panelAnalysis';

export type Truth = 'yes' | 'no' | 'unknown';

export interface Observation {
  /** What was seen, in words: "haptoglobin 85 mg/dL (normal)". */
  text: string;
  range?: Range;
  panel?: string;
}

export interface FindingResult {
  id: string;
  label: string;
  truth: Truth;
  observations: Observation[];
}

type PanelScope = 'first' | 'any' | 'later';

export type Condition =
  | string
  | { lab: string; flag?: Flag[]; is?: string; below?: number; atLeast?: number; panel?: PanelScope }
  | { index: string; below?: number; atLeast?: number; panel?: PanelScope }
  | { smear: string }
  | { marrow: string; in?: string[]; below?: number; atLeast?: number }
  | { text: ('history' | 'exam' | 'course')[]; pattern: string }
  | { allOf: Condition[] }
  | { anyOf: Condition[] }
  | { not: Condition };

export interface FindingDefinition {
  label: string;
  when: Condition;
}

interface Outcome {
  truth: Truth;
  observations: Observation[];
}

/** One value of a lab or index in one panel, ready to be compared. */
interface Sample {
  value?: number;
  comparator?: string;
  word?: string;
  flag?: Flag;
  text: string;
  range?: Range;
  panel: string;
  panelIndex: number;
}

export class FindingEvaluator {
  private readonly memo = new Map<string, FindingResult>();
  private readonly labCache = new Map<string, Sample[]>();
  private readonly indexCache = new Map<string, Sample[]>();

  constructor(
    private readonly definitions: Record<string, FindingDefinition>,
    private readonly model: CaseModel,
    private readonly panels: PanelReading[],
  ) {}

  finding(id: string): FindingResult {
    const cached = this.memo.get(id);
    if (cached) return cached;
    const definition = this.definitions[id];
    // A cycle or a missing definition is unknown, not a crash (the rules file is validated).
    this.memo.set(id, { id, label: definition?.label ?? id, truth: 'unknown', observations: [] });
    const outcome = definition ? this.evaluate(definition.when) : { truth: 'unknown' as Truth, observations: [] };
    const result = { id, label: definition?.label ?? id, ...outcome };
    this.memo.set(id, result);
    return result;
  }

  private evaluate(condition: Condition): Outcome {
    if (typeof condition === 'string') {
      const { truth, observations } = this.finding(condition);
      return { truth, observations };
    }
    if ('allOf' in condition) return combine(condition.allOf.map((c) => this.evaluate(c)), 'all');
    if ('anyOf' in condition) return combine(condition.anyOf.map((c) => this.evaluate(c)), 'any');
    if ('not' in condition) {
      const inner = this.evaluate(condition.not);
      return { truth: inner.truth === 'yes' ? 'no' : inner.truth === 'no' ? 'yes' : 'unknown', observations: inner.observations };
    }
    if ('lab' in condition) return this.overPanels(this.labSamples(condition.lab), condition.panel, (s) => compareSample(s, condition));
    if ('index' in condition) return this.overPanels(this.indexSamples(condition.index), condition.panel, (s) => compareSample(s, condition));
    if ('smear' in condition) return this.smear(condition.smear);
    if ('marrow' in condition) return this.marrow(condition);
    return this.text(condition.text, condition.pattern);
  }

  /** `first`: the earliest panel with the value; `any`: some panel; `later`: a panel after the case's first. */
  private overPanels(samples: Sample[], scope: PanelScope = 'first', test: (s: Sample) => Truth): Outcome {
    const considered = scope === 'first' ? samples.slice(0, 1) : scope === 'later' ? samples.filter((s) => s.panelIndex > 0) : samples;
    const seen: Observation[] = [];
    let undecided = false;
    for (const sample of considered) {
      const truth = test(sample);
      const observation = { text: sample.text, range: sample.range, panel: sample.panel };
      if (truth === 'yes') return { truth: 'yes', observations: [observation] };
      if (truth === 'no') seen.push(observation);
      else undecided = true;
    }
    return seen.length && !undecided ? { truth: 'no', observations: seen } : { truth: 'unknown', observations: [] };
  }

  private labSamples(key: string): Sample[] {
    return cachedSamples(this.labCache, key, (samples) => this.collectLabSamples(key, samples));
  }

  private collectLabSamples(key: string, samples: Sample[]): void {
    for (const reading of this.panels) {
      const lab = reading.labs.get(key);
      if (lab && (lab.value !== undefined || lab.word !== undefined)) {
        const shown = lab.word ?? `${lab.comparator ?? ''}${formatLabValue(lab.lab, lab.value!)} ${lab.lab.canonicalUnit}`;
        samples.push({
          value: lab.value, comparator: lab.comparator, word: lab.word, flag: lab.flag?.flag,
          text: `${lab.lab.name} ${shown}${lab.flag ? ` (${lab.flag.flag})` : ''}${panelSuffix(reading)}`,
          range: lab.range, panel: reading.panel.label, panelIndex: reading.panel.index,
        });
        continue;
      }
      const index = reading.indices.get(key);
      if (index) {
        const flag = reading.indexFlags.get(key)?.flag;
        samples.push({ value: index.value, flag, text: `${index.name} ${formatIndexValue(index)}${flag ? ` (${flag})` : ''}${panelSuffix(reading)}`, range: index.inputs[0]?.range, panel: reading.panel.label, panelIndex: reading.panel.index });
      }
    }
  }

  private indexSamples(id: string): Sample[] {
    return cachedSamples(this.indexCache, id, (samples) => {
      for (const reading of this.panels) {
        const index = reading.indices.get(id) ?? reading.calculated.get(id);
        if (!index) continue;
        samples.push({ value: index.value, text: `${index.name} ${formatIndexValue(index)}${panelSuffix(reading)}`, range: index.inputs[0]?.range, panel: reading.panel.label, panelIndex: reading.panel.index });
      }
    });
  }

  private smear(finding: string): Outcome {
    const section = this.model.sections.get('smear');
    const field = section?.fields.find((f) => f.key === 'findings');
    if (!field) return { truth: 'unknown', observations: [] };
    const item = this.model.smearFindings.find((i) => i.text.toLowerCase() === finding);
    return item
      ? { truth: 'yes', observations: [{ text: `smear: ${finding}`, range: item.range }] }
      : { truth: 'no', observations: [{ text: `smear without ${finding}`, range: field.range }] };
  }

  private marrow(condition: { marrow: string; in?: string[]; below?: number; atLeast?: number }): Outcome {
    const field = this.model.marrow.get(condition.marrow);
    if (!field || !field.value) return { truth: 'unknown', observations: [] };
    const observation = { text: `marrow ${condition.marrow}: ${field.value}`, range: field.range };
    if (condition.in) {
      const value = field.value.toLowerCase();
      return { truth: condition.in.some((v) => v.toLowerCase() === value) ? 'yes' : 'no', observations: [observation] };
    }
    const number = marrowNumber(field);
    if (number === undefined) return { truth: 'unknown', observations: [] };
    return { truth: threshold(number, condition.below, condition.atLeast), observations: [observation] };
  }

  private text(sections: string[], pattern: string): Outcome {
    const regex = compiledPattern(pattern);
    for (const name of sections) {
      const section = this.model.sections.get(name);
      for (const line of section?.prose ?? []) {
        const match = firstAffirmed(regex, line.text);
        if (match) return { truth: 'yes', observations: [{ text: `${name}: “${match}”`, range: line.range }] };
      }
    }
    // Prose that does not mention a thing is not evidence that it did not happen.
    return { truth: 'unknown', observations: [] };
  }
}

/** Words that deny what follows in the same clause: "no bleeding", "denies melena". */
const NEGATION = /\b(no|not|denies|denied|without|never|nor)\b[^.;,:]*$/i;

/** Patterns from the rules file, compiled once per process (case-insensitive, global). */
const compiledPatterns = new Map<string, RegExp>();
function compiledPattern(pattern: string): RegExp {
  let regex = compiledPatterns.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'gi');
    compiledPatterns.set(pattern, regex);
  }
  return regex;
}

/** The first match of `regex` (global) in `text` that the clause does not negate. */
function firstAffirmed(regex: RegExp, text: string): string | undefined {
  for (const match of text.matchAll(regex)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (!NEGATION.test(before)) return match[0];
  }
  return undefined;
}

/** Samples of one lab or index are gathered once per case, however many rules ask. */
function cachedSamples(cache: Map<string, Sample[]>, key: string, collect: (into: Sample[]) => void): Sample[] {
  let samples = cache.get(key);
  if (!samples) {
    samples = [];
    cache.set(key, samples);
    collect(samples);
  }
  return samples;
}

function panelSuffix(reading: PanelReading): string {
  return reading.panel.qualifier ? ` [${reading.panel.qualifier}]` : '';
}

function combine(outcomes: Outcome[], mode: 'all' | 'any'): Outcome {
  const decisive: Truth = mode === 'all' ? 'no' : 'yes';
  const hit = outcomes.find((o) => o.truth === decisive);
  if (hit) return { truth: decisive, observations: hit.observations };
  if (outcomes.some((o) => o.truth === 'unknown')) return { truth: 'unknown', observations: [] };
  return { truth: mode === 'all' ? 'yes' : 'no', observations: outcomes.flatMap((o) => o.observations) };
}

function threshold(value: number, below?: number, atLeast?: number): Truth {
  if (below !== undefined && !(value < below)) return 'no';
  if (atLeast !== undefined && !(value >= atLeast)) return 'no';
  return 'yes';
}

function compareSample(sample: Sample, condition: { flag?: Flag[]; is?: string; below?: number; atLeast?: number }): Truth {
  if (condition.flag) {
    if (!sample.flag) return 'unknown';
    if (!condition.flag.includes(sample.flag)) return 'no';
  }
  if (condition.is !== undefined) {
    if (sample.word === undefined) return 'unknown';
    if (sample.word !== condition.is) return 'no';
  }
  if (condition.below !== undefined || condition.atLeast !== undefined) {
    if (sample.value === undefined) return 'unknown';
    const c = sample.comparator;
    // `<v` means every value below v: decisive only when the whole interval is on one side.
    if (c === '<' || c === '<=') {
      if (condition.below !== undefined && sample.value <= condition.below) return condition.atLeast === undefined ? 'yes' : 'unknown';
      if (condition.atLeast !== undefined && sample.value <= condition.atLeast) return 'no';
      return 'unknown';
    }
    if (c === '>' || c === '>=') {
      if (condition.atLeast !== undefined && sample.value >= condition.atLeast) return condition.below === undefined ? 'yes' : 'unknown';
      if (condition.below !== undefined && sample.value >= condition.below) return 'no';
      return 'unknown';
    }
    return threshold(sample.value, condition.below, condition.atLeast);
  }
  return 'yes';
}

/** Percentages (`40 %`) and ratios (`1:6` → 0.17) as numbers. */
function marrowNumber(field: FieldNode): number | undefined {
  const ratio = /^(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$/.exec(field.value);
  if (ratio) return Number(ratio[2]) > 0 ? Number(ratio[1]) / Number(ratio[2]) : undefined;
  const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(field.value);
  return percent ? Number(percent[1]) : undefined;
}
