// Ranks the mechanisms of marrow failure for a case from the rules in schemas/mechanisms.json:
// score = present supporting weights − present opposing weights; confidence = the share of a
// mechanism's weight whose data the case has. Every point of score is backed by evidence.
import mechanismsJson from '../../../../schemas/mechanisms.json';
import type { CaseModel } from '../model/caseModel';
import { FindingEvaluator, type FindingDefinition, type Observation } from './findings';
import type { PanelReading } from './panelAnalysis';

interface WeightedFinding {
  finding: string;
  weight: number;
}

interface MechanismRule {
  id: string;
  summary: string;
  supports: WeightedFinding[];
  against: WeightedFinding[];
}

interface RulesFile {
  decision: { minimumScore: number; minimumMargin: number };
  findings: Record<string, FindingDefinition>;
  mechanisms: MechanismRule[];
}

const RULES = mechanismsJson as unknown as RulesFile;

export const MECHANISM_RULES: readonly MechanismRule[] = RULES.mechanisms;
export const DECISION = RULES.decision;

export type Effect = 'supports' | 'argues-against';

export interface Evidence {
  finding: string;
  label: string;
  effect: Effect;
  weight: number;
  observations: Observation[];
}

export interface MechanismScore {
  id: string;
  summary: string;
  score: number;
  /** 0–1: the share of this mechanism's weight the case has data for. */
  confidence: number;
  evidence: Evidence[];
  /** Findings this mechanism would weigh that the case lacks the data for. */
  missing: string[];
}

export interface MechanismRanking {
  /** Best first. */
  ranked: MechanismScore[];
  /** The first choice when it is clear (enough score, enough margin over the second). */
  clearChoice?: string;
}

export function rankMechanisms(model: CaseModel, panels: PanelReading[]): MechanismRanking {
  const evaluator = new FindingEvaluator(RULES.findings, model, panels);
  const ranked = RULES.mechanisms.map((rule) => scoreMechanism(rule, evaluator));
  ranked.sort((a, b) => b.score - a.score || b.confidence - a.confidence || a.id.localeCompare(b.id));
  const [first, second] = ranked;
  const clear = first && first.score >= DECISION.minimumScore && first.score - (second?.score ?? 0) >= DECISION.minimumMargin;
  return clear ? { ranked, clearChoice: first.id } : { ranked };
}

function scoreMechanism(rule: MechanismRule, evaluator: FindingEvaluator): MechanismScore {
  let score = 0;
  let known = 0;
  let total = 0;
  const evidence: Evidence[] = [];
  const missing: string[] = [];
  const weigh = (items: WeightedFinding[], effect: Effect) => {
    for (const { finding, weight } of items) {
      const result = evaluator.finding(finding);
      total += weight;
      if (result.truth === 'unknown') {
        missing.push(result.label);
        continue;
      }
      known += weight;
      if (result.truth !== 'yes') continue;
      score += effect === 'supports' ? weight : -weight;
      evidence.push({ finding, label: result.label, effect, weight, observations: result.observations });
    }
  };
  weigh(rule.supports, 'supports');
  weigh(rule.against, 'argues-against');
  evidence.sort((a, b) => b.weight - a.weight);
  return { id: rule.id, summary: rule.summary, score: round(score), confidence: total ? round(known / total) : 0, evidence, missing };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
