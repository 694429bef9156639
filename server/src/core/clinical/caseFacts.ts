// One case's data as the findings of schemas/mechanisms.json read it, the program of findings.ts
// run on it, and the per-case memo of the findings' truths: for the case, and in each labs panel.
//
// One panel at a time: a finding that reads labs, indices or the smear (itself or through a
// finding it names) is decided within one labs panel, with that panel's smear, so that day 1's
// LDH is never weighed with day 5's haptoglobin. As a single lab is read from the first panel
// that has it, a finding is read in the first panel that has any value it reads; when that
// panel leaves it open (day 1 has the LDH, not the haptoglobin), a later panel that shows it
// whole makes it present, but a later "no" does not close it (a normal hemoglobin in month 4
// says nothing of an EPO never measured). A `later` or `any` condition: any panel that shows it.
//
// Speed: this runs on every case of a bank, for about a hundred findings, so the memos are
// arrays indexed by number (finding, panel, value source, marrow field, prose section), the
// truths small integers (truth.ts), and a finding, a value or a prose search is worked out at
// most once per case (per panel for what a panel decides). Nothing here builds a string.
import type { CaseModel, SmearPanel } from '../model/caseModel';
import type { ListItem } from '../util/lists';
import { Op, type CompiledFindings, type Observation, type ProseLeaf } from './findings';
import type { LabReading, PanelReading } from './panelAnalysis';
import type { ComputedIndex } from './indices';
import { describeFinding, describeNode } from './observations';
import { compare, findingsField, smearItemsByWord, sourceById, valueSourceCount, type ValueSource } from './panelConditions';
import { firstAffirmedMention, joinProse, type JoinedProse, type Mention } from './proseMentions';
import { ageTruth, marrowTruth, readMarrowValue, type MarrowValue } from './structuredConditions';
import { NO, UNKNOWN, YES, type TruthCode } from './truth';

/** A case's memo slot for a finding holds its truth code plus 4 × the panel that decided it (for its observations). */
const CODE_BITS = 3;
const PANEL_UNIT = 4;

/** One case's data as the findings read it, with the per-case memo of finding truths. */
export class CaseFacts {
  /** The panels a panel-bound finding is decided in: every labs panel, or one empty one. */
  readonly panelCount: number;
  /**
   * Per finding: its truth for the case (with the deciding panel), then its truth in each panel
   * (undefined: not yet). A plain holey array: allocating a typed array per case cost more than
   * all the lookups it served.
   */
  private readonly memo: (number | undefined)[];
  private readonly slots: number;
  /** Per value source and panel: what it read (null: nothing), so that each lab is looked up once per panel. */
  private values: (LabReading | ComputedIndex | null | undefined)[] | undefined;
  /** Per panel with its own smear, then for the primary smear: the smear's findings by word (null: no smear with a findings list). */
  private smearWords: (Map<string, ListItem> | null | undefined)[] | undefined;
  private primary: SmearPanel | null | undefined;
  private marrowValues: (MarrowValue | null | undefined)[] | undefined;
  /** Per prose rule: its truth (YES or UNKNOWN) once searched. */
  private proseTruths: (TruthCode | undefined)[] | undefined;
  /** Per prose section: its text (null: the case has none). */
  private proses: (JoinedProse | null | undefined)[] | undefined;
  private observed: (Observation[] | undefined)[] | undefined;
  private observing: (boolean | undefined)[] | undefined;

  constructor(
    readonly findings: CompiledFindings,
    readonly model: CaseModel,
    readonly panels: PanelReading[],
  ) {
    this.panelCount = panels.length > 1 ? panels.length : 1;
    this.slots = this.panelCount + 1;
    this.memo = new Array(findings.count * this.slots);
  }

  /** The finding's truth for the case, as a code. */
  truthCode(finding: number): TruthCode {
    const slot = finding * this.slots;
    const known = this.memo[slot];
    if (known !== undefined) return (known & CODE_BITS) as TruthCode;
    // A cycle reads as unknown, not as a stack overflow (the rules file is validated too).
    this.memo[slot] = UNKNOWN;
    const decided = this.decide(finding);
    this.memo[slot] = decided;
    return (decided & CODE_BITS) as TruthCode;
  }

  /** The finding's truth within one panel (its truth for the case when it reads no panel). */
  truthIn(finding: number, panel: number): TruthCode {
    if (!this.findings.panelBound[finding]) return this.truthCode(finding);
    const slot = finding * this.slots + 1 + panel;
    const known = this.memo[slot];
    if (known !== undefined) return known as TruthCode;
    this.memo[slot] = UNKNOWN;
    const truth = this.evaluate(this.findings.root[finding], panel);
    this.memo[slot] = truth;
    return truth;
  }

  /** The panel that decided the finding's truth for the case (0 when none did). */
  decidingPanel(finding: number): number {
    this.truthCode(finding);
    return Math.floor(this.memo[finding * this.slots]! / PANEL_UNIT);
  }

  /** A node of the program in one panel: one switch for every kind, parts in their order, each stopping where the old closures stopped. */
  evaluate(node: number, panel: number): TruthCode {
    const program = this.findings;
    switch (program.kind[node]) {
      case Op.Finding: {
        const finding = program.operand[node];
        return finding < 0 ? UNKNOWN : this.truthIn(finding, panel);
      }
      case Op.Not: {
        const truth = this.evaluate(program.parts[program.first[node]], panel);
        return truth === YES ? NO : truth === NO ? YES : UNKNOWN;
      }
      case Op.AllOf:
      case Op.AnyOf: {
        const decisive = program.kind[node] === Op.AllOf ? NO : YES;
        let unknown = false;
        for (let i = program.first[node], end = i + program.partCount[node]; i < end; i++) {
          const truth = this.evaluate(program.parts[i], panel);
          if (truth === decisive) return decisive;
          if (truth === UNKNOWN) unknown = true;
        }
        return unknown ? UNKNOWN : decisive === NO ? YES : NO;
      }
      case Op.FirstKnown: {
        for (let i = program.first[node], end = i + program.partCount[node]; i < end; i++) {
          const truth = this.evaluate(program.parts[i], panel);
          if (truth !== UNKNOWN) return truth;
        }
        return UNKNOWN;
      }
      case Op.Value: {
        const leaf = program.values[program.operand[node]];
        const found = leaf.later && panel <= 0 ? undefined : this.valueIn(leaf.source, panel);
        return found ? compare(found, leaf.comparison, this.panels[panel]) : UNKNOWN;
      }
      case Op.Smear: {
        const words = this.smearWordsIn(panel);
        return words ? (words.has(program.smearWords[program.operand[node]]) ? YES : NO) : UNKNOWN;
      }
      case Op.Marrow: {
        const leaf = program.marrows[program.operand[node]];
        return marrowTruth(this.model, leaf, this.marrowValue(leaf.field));
      }
      case Op.Age:
        return ageTruth(this.model, program.ages[program.operand[node]]);
      default:
        return this.proseTruth(program.operand[node]);
    }
  }

  /** Whether the panel has a value the finding reads, itself or through a finding it names. */
  private readsIn(finding: number, panel: number): boolean {
    const { probes, probeStart } = this.findings;
    for (let i = probeStart[finding], end = probeStart[finding + 1]; i < end; i++) {
      const probe = probes[i];
      if (probe < 0) {
        if (this.smearWordsIn(panel)) return true;
      } else if (!((probe & 1) === 1 && panel <= 0) && this.valueIn(sourceById(probe >> 1), panel) !== undefined) {
        return true;
      }
    }
    return false;
  }

  /** The finding's truth for the case with the panel that decided it (truth + PANEL_UNIT × panel). */
  private decide(finding: number): number {
    if (!this.findings.panelBound[finding]) return this.evaluate(this.findings.root[finding], 0);
    if (this.findings.anyPanel[finding]) return this.decideOnAnyPanel(finding);
    // With one panel every path below ends in its truth there: no need to ask what it reads.
    if (this.panelCount === 1) return this.truthIn(finding, 0);
    let open = false;
    for (let panel = 0; panel < this.panelCount; panel++) {
      if (open) {
        if (this.truthIn(finding, panel) !== YES) continue;
        return YES + PANEL_UNIT * panel;
      }
      if (!this.readsIn(finding, panel)) continue;
      const truth = this.truthIn(finding, panel);
      if (truth !== UNKNOWN) return truth + PANEL_UNIT * panel;
      open = true;
    }
    if (open) return UNKNOWN;
    // No panel has a value it reads: the rest of the case (the marrow, the prose) decides alone.
    return this.truthIn(finding, 0);
  }

  /** Present in any panel; absent when some panel says so and none shows it. */
  private decideOnAnyPanel(finding: number): number {
    let absent = false;
    for (let panel = 0; panel < this.panelCount; panel++) {
      const truth = this.truthIn(finding, panel);
      if (truth === YES) return YES + PANEL_UNIT * panel;
      if (truth === NO) absent = true;
    }
    return absent ? NO : UNKNOWN;
  }

  /** What was observed for the finding, from the panel (or panels) that decided it. */
  observations(finding: number): Observation[] {
    const observed = (this.observed ??= new Array(this.findings.count));
    let seen = observed[finding];
    if (!seen) {
      observed[finding] = [];
      seen = describeFinding(this, finding);
      observed[finding] = seen;
    }
    return seen;
  }

  /** What was observed for the finding within one panel (a finding being described reads as nothing: a cycle). */
  observationsIn(finding: number, panel: number): Observation[] {
    if (!this.findings.panelBound[finding]) return this.observations(finding);
    const observing = (this.observing ??= new Array(this.findings.count));
    if (observing[finding] || this.truthIn(finding, panel) === UNKNOWN) return [];
    observing[finding] = true;
    try {
      return describeNode(this, this.findings.root[finding], panel);
    } finally {
      observing[finding] = false;
    }
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

  /** The findings of the smear read with a panel by lowercased word, or null without a smear that lists its findings. */
  private smearWordsIn(panel: number): Map<string, ListItem> | null {
    // Slot per panel with a smear of its own, and one more (the last) for the primary smear that
    // every other panel reads: its words are looked up once per case, not once per panel.
    const all = (this.smearWords ??= new Array(this.panelCount + 1));
    const slot = this.panels[panel]?.panel.smear ? panel : this.panelCount;
    let words = all[slot];
    if (words === undefined) {
      const smear = this.smearFor(panel);
      words = smear && findingsField(smear) ? smearItemsByWord(smear.findings) : null;
      all[slot] = words;
    }
    return words;
  }

  /** The smear read with a panel: its own (same qualifier), else the case's primary smear. */
  smearFor(panel: number): SmearPanel | undefined {
    const own = this.panels[panel]?.panel.smear;
    if (own) return own;
    if (this.primary === undefined) this.primary = this.model.smears.find((s) => s.qualifier === undefined) ?? this.model.smears[0] ?? null;
    return this.primary ?? undefined;
  }

  /** A marrow field's value (undefined when the case leaves it out or empty), read once per case. */
  private marrowValue(field: number): MarrowValue | undefined {
    const values = (this.marrowValues ??= new Array(this.findings.marrowKeys.length));
    let value = values[field];
    if (value === undefined) {
      const node = this.model.marrow.get(this.findings.marrowKeys[field]);
      value = (node && readMarrowValue(node)) ?? null;
      values[field] = value;
    }
    return value ?? undefined;
  }

  /** A prose rule's truth: present when some section mentions it unnegated; prose that is silent is not evidence that it did not happen. */
  private proseTruth(rule: number): TruthCode {
    const truths = (this.proseTruths ??= new Array(this.findings.proses.length));
    let truth = truths[rule];
    if (truth === undefined) {
      truth = this.proseMention(this.findings.proses[rule]) ? YES : UNKNOWN;
      truths[rule] = truth;
    }
    return truth;
  }

  /** The first unnegated mention of a prose rule, in its sections' order. */
  proseMention(rule: ProseLeaf): Mention | undefined {
    for (const section of rule.sectionNumbers) {
      const prose = this.prose(section);
      if (!prose) continue;
      const mention = firstAffirmedMention(prose, rule.regex, rule.unless);
      if (mention) return mention;
    }
    return undefined;
  }

  private prose(section: number): JoinedProse | null {
    const proses = (this.proses ??= new Array(this.findings.proseSections.length));
    let prose = proses[section];
    if (prose === undefined) {
      const lines = this.model.sections.get(this.findings.proseSections[section])?.prose;
      prose = lines?.length ? joinProse(lines) : null;
      proses[section] = prose;
    }
    return prose;
  }
}
