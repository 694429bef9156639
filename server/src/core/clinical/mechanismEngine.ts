// Ranks the mechanisms of marrow failure for a case from the rules in schemas/mechanisms.json:
// score = present supporting weights − present opposing weights; confidence = the share of a
// mechanism's weight whose data the case has. Every point of score is backed by evidence.
import mechanismsJson from '../../../../schemas/mechanisms.json';
import type { CaseModel } from '../model/caseModel';
import { CaseFacts } from './caseFacts';
import { CompiledFindings, type FindingDefinition, type Observation } from './findings';
import { UNKNOWN, YES } from './truth';
import { CompiledPathway, type PathwayDefinition, type PathwayStep } from './pathway';
import type { PanelReading } from './panelAnalysis';

interface WeightedFinding {
  finding: string;
  weight: number;
}

interface MechanismRule {
  id: string;
  summary: string;
  source: string;
  /** Findings that, present, make the mechanism worth reporting beside the first choice. */
  hallmarks?: string[];
  supports: WeightedFinding[];
  against: WeightedFinding[];
}

interface Decision {
  minimumScore: number;
  minimumMargin: number;
  /** No clear choice when the runner-up scores at least this share of the first. */
  runnerUpShare: number;
  /** A secondary mechanism's supporting weight must reach this. */
  secondaryMinimumSupport: number;
}

interface RulesFile {
  decision: Decision;
  pathway: PathwayDefinition;
  findings: Record<string, FindingDefinition>;
  mechanisms: MechanismRule[];
}

const RULES = mechanismsJson as unknown as RulesFile;
const FINDINGS = new CompiledFindings(RULES.findings);
const PATHWAY = new CompiledPathway(RULES.pathway, FINDINGS);

/** A rule's weighed findings by number, resolved once. */
interface CompiledRule {
  rule: MechanismRule;
  weighed: { finding: number; id: string; weight: number; effect: Effect }[];
  /** The sum of the weights, in their order (the confidence's denominator). */
  total: number;
  hallmarks: number[];
}

const COMPILED_RULES: CompiledRule[] = RULES.mechanisms.map((rule) => {
  const weighed = [
    ...rule.supports.map(({ finding, weight }) => ({ finding: FINDINGS.number(finding), id: finding, weight, effect: 'supports' as Effect })),
    ...rule.against.map(({ finding, weight }) => ({ finding: FINDINGS.number(finding), id: finding, weight, effect: 'argues-against' as Effect })),
  ];
  let total = 0;
  for (const { weight } of weighed) total += weight;
  return { rule, weighed, total, hallmarks: (rule.hallmarks ?? []).map((id) => FINDINGS.number(id)).filter((n) => n >= 0) };
});

export const MECHANISM_RULES: readonly MechanismRule[] = RULES.mechanisms;
export const DECISION = RULES.decision;

export type Effect = 'supports' | 'argues-against';

/**
 * A present finding that moved a mechanism's score. What was observed is put into words only
 * when something reads it (explain, the preview, a hover, a conflict's message): `check` on a
 * big bank reads it for almost no case, and describing it was a third of the engine's time.
 */
export class Evidence {
  constructor(
    readonly finding: string,
    readonly label: string,
    readonly effect: Effect,
    readonly weight: number,
    private readonly facts: CaseFacts,
    private readonly number: number,
  ) {}

  get observations(): Observation[] {
    return this.facts.observations(this.number);
  }
}

/**
 * One mechanism's standing on a case. The score and confidence are worked out at once (they
 * rank the mechanisms); the evidence and the missing findings are listed when first read, as
 * `check` reads them only for a case whose answer the evidence contradicts.
 */
export class MechanismScore {
  private evidenceList?: Evidence[];
  private missingList?: string[];

  constructor(
    readonly id: string,
    readonly summary: string,
    readonly score: number,
    /** 0–1: the share of this mechanism's weight the case has data for. */
    readonly confidence: number,
    private readonly rule: CompiledRule,
    private readonly facts: CaseFacts,
  ) {}

  /** The findings whose presence makes this mechanism a secondary one. */
  get hallmarks(): readonly number[] {
    return this.rule.hallmarks;
  }

  /** The sum of the present supporting weights (the evidence for it, whatever argues against). */
  get support(): number {
    let sum = 0;
    for (const { finding, weight, effect } of this.rule.weighed) {
      if (effect === 'supports' && finding >= 0 && this.facts.truthCode(finding) === YES) sum += weight;
    }
    return round(sum);
  }

  /** Present findings for and against, heaviest first. */
  get evidence(): Evidence[] {
    if (!this.evidenceList) {
      const evidence: Evidence[] = [];
      for (const { finding, id, weight, effect } of this.rule.weighed) {
        if (finding >= 0 && this.facts.truthCode(finding) === YES) evidence.push(new Evidence(id, FINDINGS.labels[finding], effect, weight, this.facts, finding));
      }
      this.evidenceList = evidence.sort((a, b) => b.weight - a.weight);
    }
    return this.evidenceList;
  }

  /** Findings this mechanism would weigh that the case lacks the data for. */
  get missing(): string[] {
    this.missingList ??= this.rule.weighed
      .filter(({ finding }) => finding < 0 || this.facts.truthCode(finding) === UNKNOWN)
      .map(({ finding, id }) => (finding < 0 ? id : FINDINGS.labels[finding]));
    return this.missingList;
  }

  /** The missing findings split by what each would do if found: support or argue against. */
  get missingByEffect(): { supports: string[]; against: string[] } {
    const split = { supports: [] as string[], against: [] as string[] };
    for (const { finding, id, effect } of this.rule.weighed) {
      if (finding >= 0 && this.facts.truthCode(finding) !== UNKNOWN) continue;
      (effect === 'supports' ? split.supports : split.against).push(finding < 0 ? id : FINDINGS.labels[finding]);
    }
    return split;
  }
}

export interface MechanismRanking {
  /** Best first. */
  ranked: MechanismScore[];
  /** The first choice when it is clear (enough score, enough margin over the second, no strong runner-up). */
  clearChoice?: string;
  /** Other mechanisms the evidence also shows (a mixed picture), with a hallmark present and strong support. */
  secondary: MechanismScore[];
  /** The pathway's steps as this case answers them. */
  pathway: PathwayStep[];
  /** Why nothing is ranked (the pathway stopped: no anemia or cytopenia for age and sex). */
  withheld?: string;
}

/**
 * The rules in their ids' order, worked out once: scored in this order, a stable sort by score
 * and confidence leaves ties in id order, the ranking's tie-break (no comparison of ids per case).
 * Code-unit order, not localeCompare: for ids of lowercase words and hyphens the two agree, this
 * one does not depend on the machine's locale, and a first localeCompare loads ICU's collator
 * (~14 ms of every start).
 */
const RULES_IN_ID_ORDER = [...COMPILED_RULES].sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0));

/**
 * A case's ranking. The pathway's steps and the secondary mechanisms are worked out when first
 * read, and so is the ranking itself when the pathway withholds it: `check` needs only the clear
 * choice and whether the reading stopped (and why). The truths are the same whichever finding is
 * decided first (the rules have no cycle), so a ranking scored late is the one scored at once.
 */
class Ranking implements MechanismRanking {
  private steps?: PathwayStep[];
  private secondaries?: MechanismScore[];

  constructor(
    private scores: MechanismScore[] | undefined,
    private readonly facts: CaseFacts,
    readonly clearChoice?: string,
    readonly withheld?: string,
  ) {}

  get ranked(): MechanismScore[] {
    this.scores ??= rankAll(this.facts);
    return this.scores;
  }

  get pathway(): PathwayStep[] {
    this.steps ??= PATHWAY.walk(this.facts);
    return this.steps;
  }

  get secondary(): MechanismScore[] {
    this.secondaries ??= this.withheld === undefined ? this.ranked.slice(1).filter((m) => isSecondary(m, this.facts)) : [];
    return this.secondaries;
  }
}

export function rankMechanisms(model: CaseModel, panels: PanelReading[]): MechanismRanking {
  const facts = new CaseFacts(FINDINGS, model, panels);
  // The walk stops at the first step with a stopping outcome: that outcome's meaning withholds the ranking.
  const withheld = PATHWAY.stopsWith(facts);
  if (withheld !== undefined) return new Ranking(undefined, facts, undefined, withheld);
  const ranked = rankAll(facts);
  const [first, second] = ranked;
  return new Ranking(ranked, facts, isClear(first, second) ? first.id : undefined);
}

/** Every mechanism scored, best first: by score, then confidence, then id (the order they are scored in). */
function rankAll(facts: CaseFacts): MechanismScore[] {
  const ranked = RULES_IN_ID_ORDER.map((rule) => scoreMechanism(rule, facts));
  ranked.sort((a, b) => b.score - a.score || b.confidence - a.confidence);
  return ranked;
}

/** Enough score, enough margin, and a runner-up without strong evidence of its own. */
function isClear(first: MechanismScore | undefined, second: MechanismScore | undefined): boolean {
  if (!first || first.score < DECISION.minimumScore) return false;
  const runnerUp = second?.score ?? 0;
  if (first.score - runnerUp < DECISION.minimumMargin) return false;
  return !(runnerUp >= DECISION.minimumScore && runnerUp >= DECISION.runnerUpShare * first.score);
}

function isSecondary(mechanism: MechanismScore, facts: CaseFacts): boolean {
  if (!mechanism.hallmarks.some((finding) => facts.truthCode(finding) === YES)) return false;
  return mechanism.support >= DECISION.secondaryMinimumSupport;
}

function scoreMechanism(compiled: CompiledRule, facts: CaseFacts): MechanismScore {
  let score = 0;
  let known = 0;
  for (const { finding, weight, effect } of compiled.weighed) {
    const truth = finding < 0 ? UNKNOWN : facts.truthCode(finding);
    if (truth === UNKNOWN) continue;
    known += weight;
    if (truth === YES) score += effect === 'supports' ? weight : -weight;
  }
  const total = compiled.total;
  return new MechanismScore(compiled.rule.id, compiled.rule.summary, round(score), total ? round(known / total) : 0, compiled, facts);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
