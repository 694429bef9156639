// The pathway of schemas/mechanisms.json: how a hematology teacher reads a case, step by step
// (is there anemia or a cytopenia → is the marrow answering → where do cells die → what does
// the marrow show). Each step's outcomes are findings; every present outcome is reported, so a
// mixed picture says so rather than forcing one answer. A `stop` outcome ends the reading and
// no mechanism is ranked.
import type { CaseFacts } from './caseFacts';
import type { CompiledFindings, Observation } from './findings';
import { YES } from './truth';

export interface PathwayOutcomeDefinition {
  finding: string;
  means: string;
  stop?: boolean;
  pointsTo?: string[];
}

export interface PathwayStepDefinition {
  id: string;
  question: string;
  source: string;
  outcomes: PathwayOutcomeDefinition[];
}

export interface PathwayDefinition {
  source: string;
  steps: PathwayStepDefinition[];
}

/** One present outcome of a step, with what was observed. */
export interface PathwayOutcome {
  readonly finding: string;
  readonly label: string;
  readonly means: string;
  readonly pointsTo: string[];
  readonly observations: Observation[];
}

/** A step as this case answers it: the first present outcome is the answer; the rest make it mixed. */
export interface PathwayStep {
  id: string;
  question: string;
  source: string;
  /** What the step concludes, or undefined when the case lacks the data. */
  means?: string;
  outcomes: PathwayOutcome[];
  stop: boolean;
}

/**
 * An outcome whose observations are put into words when first read. A class, not an object
 * literal with a getter: V8 gives each such literal a hidden class of its own, made in the old
 * generation, whose getter holds the case's facts, so every case of a bank stayed alive until
 * a full collection (the garbage collector's time on a 3,000-case check fell about fivefold).
 */
class PresentOutcome implements PathwayOutcome {
  readonly finding: string;
  readonly means: string;
  readonly pointsTo: string[];

  constructor(outcome: PathwayOutcomeDefinition, readonly label: string, private readonly facts: CaseFacts, private readonly number: number) {
    this.finding = outcome.finding;
    this.means = outcome.means;
    this.pointsTo = outcome.pointsTo ?? [];
  }

  get observations(): Observation[] {
    return this.facts.observations(this.number);
  }
}

export class CompiledPathway {
  private readonly steps: { step: PathwayStepDefinition; outcomes: { outcome: PathwayOutcomeDefinition; number: number }[] }[];

  constructor(definition: PathwayDefinition, private readonly findings: CompiledFindings) {
    this.steps = definition.steps.map((step) => ({
      step,
      outcomes: step.outcomes.map((outcome) => ({ outcome, number: findings.number(outcome.finding) })),
    }));
  }

  /** The steps up to and including the first that stops. */
  walk(facts: CaseFacts): PathwayStep[] {
    const taken: PathwayStep[] = [];
    for (const { step, outcomes } of this.steps) {
      const present = outcomes.filter(({ number }) => number >= 0 && facts.truthCode(number) === YES);
      const stop = present.some(({ outcome }) => outcome.stop === true);
      const shown = stop ? present.filter(({ outcome }) => outcome.stop) : present;
      taken.push({
        id: step.id,
        question: step.question,
        source: step.source,
        means: shown[0]?.outcome.means,
        stop,
        outcomes: shown.map(({ outcome, number }) => new PresentOutcome(outcome, this.findings.labels[number], facts, number)),
      });
      if (stop) break;
    }
    return taken;
  }

  /**
   * What the step that stops the reading concludes, or undefined when none does: the same
   * answer as the walk's stopping step, without building the steps (`check` needs only this).
   */
  stopsWith(facts: CaseFacts): string | undefined {
    for (const { outcomes } of this.steps) {
      for (const { outcome, number } of outcomes) {
        if (outcome.stop === true && number >= 0 && facts.truthCode(number) === YES) return outcome.means;
      }
    }
    return undefined;
  }
}
