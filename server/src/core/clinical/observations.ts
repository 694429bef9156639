// What was observed for a finding, in words with its line: put together only for findings shown
// as evidence (explain, the preview, a hover, a conflict's message), never on the way to a score.
// It follows the program of findings.ts node by node, as the truths were worked out.
import type { CaseFacts } from './caseFacts';
import { Op, type Observation } from './findings';
import { describeSmear, describeValue } from './panelConditions';
import { describeAge, describeMarrow } from './structuredConditions';
import { NO, UNKNOWN, YES } from './truth';

/** What was observed for a finding: in the panel that decided it, or every panel that found an `any` finding absent. */
export function describeFinding(facts: CaseFacts, finding: number): Observation[] {
  const program = facts.findings;
  const truth = facts.truthCode(finding);
  if (truth === UNKNOWN) return [];
  if (!program.panelBound[finding]) return describeNode(facts, program.root[finding], 0);
  if (!(program.anyPanel[finding] && truth === NO)) return facts.observationsIn(finding, facts.decidingPanel(finding));
  const seen: Observation[] = [];
  for (let panel = 0; panel < facts.panelCount; panel++) {
    if (facts.truthIn(finding, panel) !== NO) continue;
    for (const o of facts.observationsIn(finding, panel)) seen.push(o);
  }
  return withoutRepeats(seen);
}

/**
 * What a node observed in one panel: a combination shows the part that decided it (its first
 * `no` for allOf, `yes` for anyOf), or all its parts when all agree; firstKnown its deciding part.
 */
export function describeNode(facts: CaseFacts, node: number, panel: number): Observation[] {
  const program = facts.findings;
  const operand = program.operand[node];
  const parts = Array.from(program.parts.subarray(program.first[node], program.first[node] + program.partCount[node]));
  switch (program.kind[node]) {
    case Op.Finding:
      return operand < 0 ? [] : facts.observationsIn(operand, panel);
    case Op.Not:
      return describeNode(facts, parts[0], panel);
    case Op.FirstKnown: {
      const deciding = parts.find((part) => facts.evaluate(part, panel) !== UNKNOWN);
      return deciding === undefined ? [] : describeNode(facts, deciding, panel);
    }
    case Op.AllOf:
    case Op.AnyOf: {
      const decisive = program.kind[node] === Op.AllOf ? NO : YES;
      const hit = parts.find((part) => facts.evaluate(part, panel) === decisive);
      if (hit !== undefined) return describeNode(facts, hit, panel);
      if (parts.some((part) => facts.evaluate(part, panel) === UNKNOWN)) return [];
      return withoutRepeats(parts.flatMap((part) => describeNode(facts, part, panel)));
    }
    case Op.Value:
      return describeValue(facts, program.values[operand], panel);
    case Op.Smear:
      return describeSmear(facts, program.smearWords[operand], panel);
    case Op.Marrow:
      return describeMarrow(facts.model, program.marrows[operand], facts.evaluate(node, panel));
    case Op.Age:
      return describeAge(facts.model);
    default: {
      const rule = program.proses[operand];
      const mention = facts.proseMention(rule);
      if (!mention) return [];
      const model = facts.model;
      const section = rule.sections.find((name) => model.sections.get(name)?.prose.some((l) => l.range.start.line === mention.range.start.line));
      return [{ text: `${section ?? rule.sections[0]}: “${mention.text}”`, range: mention.range }];
    }
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
