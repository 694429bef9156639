// One case's data as the findings of schemas/mechanisms.json read it (findings.ts), with the
// per-case memo of their truths: for the case, and in each labs panel.
//
// One panel at a time: a finding that reads labs, indices or the smear (itself or through a
// finding it names) is decided within one labs panel, with that panel's smear, so that day 1's
// LDH is never weighed with day 5's haptoglobin. As a single lab is read from the first panel
// that has it, a finding is read in the first panel that has any value it reads; when that
// panel leaves it open (day 1 has the LDH, not the haptoglobin), a later panel that shows it
// whole makes it present, but a later "no" does not close it (a normal hemoglobin in month 4
// says nothing of an EPO never measured). A `later` or `any` condition: any panel that shows it.
import type { CaseModel, SmearPanel } from '../model/caseModel';
import type { CompiledFindings, Observation, Truth } from './findings';
import type { LabReading, PanelReading } from './panelAnalysis';
import type { ComputedIndex } from './indices';
import { valueSourceCount, type ValueSource } from './panelConditions';
import type { ProseScanStart } from './proseMentions';
import { readMarrowValue, type MarrowValue } from './structuredConditions';

// Memo codes. The memo is a plain holey array, not a typed array: a case's facts are made once
// per case, and allocating typed arrays cost more than all the lookups they served (~13 µs for
// three of them per case, against ~0.5 µs for a plain array).
const CODE: Record<Truth, number> = { yes: 1, no: 2, unknown: 3 };
const TRUTH: Truth[] = ['unknown', 'yes', 'no', 'unknown'];

/** One case's data as the findings read it, with the per-case memo of finding truths. */
export class CaseFacts implements ProseScanStart {
  /** The panels a panel-bound finding is decided in: every labs panel, or one empty one. */
  readonly panelCount: number;
  /** Per finding: its truth for the case, then its truth in each panel (CODE; undefined: not yet). */
  private readonly memo: (number | undefined)[];
  private readonly slots: number;
  /** Per finding: the panel that decided it (for its observations). */
  private readonly decidedIn: (number | undefined)[];
  private observed: (Observation[] | undefined)[] | undefined;
  private observing: (boolean | undefined)[] | undefined;
  private primary: SmearPanel | null | undefined;
  private proseStarts: Map<string, number> | undefined;
  private marrowValues: Map<string, MarrowValue | null> | undefined;
  /** Per value source and panel: what it read (null: nothing), so that each lab is looked up once per panel. */
  private values: (LabReading | ComputedIndex | null | undefined)[] | undefined;

  constructor(
    readonly findings: CompiledFindings,
    readonly model: CaseModel,
    readonly panels: PanelReading[],
  ) {
    this.panelCount = panels.length > 1 ? panels.length : 1;
    this.slots = this.panelCount + 1;
    this.memo = new Array(findings.count * this.slots);
    this.decidedIn = new Array(findings.count);
  }

  /** The finding's truth for the case. */
  truth(finding: number): Truth {
    const slot = finding * this.slots;
    const known = this.memo[slot];
    if (known !== undefined) return TRUTH[known];
    // A cycle reads as unknown, not as a stack overflow (the rules file is validated too).
    this.memo[slot] = CODE.unknown;
    const truth = this.decide(finding);
    this.memo[slot] = CODE[truth];
    return truth;
  }

  /** The finding's truth within one panel (its truth for the case when it reads no panel). */
  truthIn(finding: number, panel: number): Truth {
    if (!this.findings.panelBound[finding]) return this.truth(finding);
    const slot = finding * this.slots + 1 + panel;
    const known = this.memo[slot];
    if (known !== undefined) return TRUTH[known];
    this.memo[slot] = CODE.unknown;
    const truth = this.findings.conditions[finding].truth(this, panel);
    this.memo[slot] = CODE[truth];
    return truth;
  }

  /** Whether the panel has a value the finding reads, itself or through a finding it names. */
  readsIn(finding: number, panel: number): boolean {
    // A flat list per finding, worked out once from the rules: no walk through its conditions.
    for (const probe of this.findings.probes[finding]) if (probe(this, panel)) return true;
    return false;
  }

  private decide(finding: number): Truth {
    if (!this.findings.panelBound[finding]) return this.findings.conditions[finding].truth(this, 0);
    if (this.findings.anyPanel[finding]) return this.decideOnAnyPanel(finding);
    let open = false;
    for (let panel = 0; panel < this.panelCount; panel++) {
      if (open) {
        if (this.truthIn(finding, panel) !== 'yes') continue;
        this.decidedIn[finding] = panel;
        return 'yes';
      }
      if (!this.readsIn(finding, panel)) continue;
      const truth = this.truthIn(finding, panel);
      if (truth !== 'unknown') {
        this.decidedIn[finding] = panel;
        return truth;
      }
      open = true;
    }
    if (open) return 'unknown';
    // No panel has a value it reads: the rest of the case (the marrow, the prose) decides alone.
    this.decidedIn[finding] = 0;
    return this.truthIn(finding, 0);
  }

  /** Present in any panel; absent when some panel says so and none shows it. */
  private decideOnAnyPanel(finding: number): Truth {
    let absent = false;
    for (let panel = 0; panel < this.panelCount; panel++) {
      const truth = this.truthIn(finding, panel);
      if (truth === 'yes') {
        this.decidedIn[finding] = panel;
        return truth;
      }
      if (truth === 'no') absent = true;
    }
    return absent ? 'no' : 'unknown';
  }

  /** What was observed for the finding, from the panel (or panels) that decided it. */
  observations(finding: number): Observation[] {
    const observed = (this.observed ??= new Array(this.findings.count));
    let seen = observed[finding];
    if (!seen) {
      observed[finding] = [];
      seen = this.describe(finding);
      observed[finding] = seen;
    }
    return seen;
  }

  /** What was observed for the finding within one panel. */
  observationsIn(finding: number, panel: number): Observation[] {
    if (!this.findings.panelBound[finding]) return this.observations(finding);
    const observing = (this.observing ??= new Array(this.findings.count));
    if (observing[finding] || this.truthIn(finding, panel) === 'unknown') return [];
    observing[finding] = true;
    try {
      return this.findings.conditions[finding].observe(this, panel);
    } finally {
      observing[finding] = false;
    }
  }

  private describe(finding: number): Observation[] {
    const truth = this.truth(finding);
    if (truth === 'unknown') return [];
    if (!this.findings.panelBound[finding]) return this.findings.conditions[finding].observe(this, 0);
    if (!(this.findings.anyPanel[finding] && truth === 'no')) return this.observationsIn(finding, this.decidedIn[finding] ?? 0);
    // An `any` finding found absent: every panel that said so.
    const seen: Observation[] = [];
    for (let panel = 0; panel < this.panelCount; panel++) {
      if (this.truthIn(finding, panel) !== 'no') continue;
      for (const o of this.observationsIn(finding, panel)) seen.push(o);
    }
    return withoutRepeats(seen);
  }

  /** Where the prose patterns' search of a section may start (-1: no pattern matches it); once per section. */
  proseStart(section: string, text: string): number {
    const starts = (this.proseStarts ??= new Map());
    let start = starts.get(section);
    if (start === undefined) {
      const any = this.findings.proseFilters.get(section);
      if (any) {
        any.lastIndex = 0;
        start = any.exec(text)?.index ?? -1;
      } else {
        start = 0;
      }
      starts.set(section, start);
    }
    return start;
  }

  /** The value a lab or index source reads in a panel, looked up once per case (a score of rules read the hemoglobin). */
  valueIn(source: ValueSource, panel: number): LabReading | ComputedIndex | undefined {
    const values = (this.values ??= new Array(valueSourceCount() * this.panelCount));
    const slot = source.id * this.panelCount + panel;
    let value = values[slot];
    if (value === undefined) {
      const reading = this.panels[panel];
      value = (reading && source.read(reading)) ?? null;
      values[slot] = value;
    }
    return value ?? undefined;
  }

  /** A marrow field's value (undefined when the case leaves it out or empty), read once per case. */
  marrowField(key: string): MarrowValue | undefined {
    const values = (this.marrowValues ??= new Map());
    let value = values.get(key);
    if (value === undefined) {
      const field = this.model.marrow.get(key);
      value = (field && readMarrowValue(field)) ?? null;
      values.set(key, value);
    }
    return value ?? undefined;
  }

  /** The smear read with a panel: its own (same qualifier), else the case's primary smear. */
  smearFor(panel: number): SmearPanel | undefined {
    const own = this.panels[panel]?.panel.smear;
    if (own) return own;
    if (this.primary === undefined) this.primary = this.model.smears.find((s) => s.qualifier === undefined) ?? this.model.smears[0] ?? null;
    return this.primary ?? undefined;
  }
}

/** Parts of a combination often read the same line (a bleed that is also acute): say it once. */
export function withoutRepeats(observations: Observation[]): Observation[] {
  const seen = new Set<string>();
  return observations.filter((o) => {
    const key = `${o.text}\u0000${o.range?.start.line}:${o.range?.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
