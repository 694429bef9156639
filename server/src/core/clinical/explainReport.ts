// `casewright explain`: the case's indices and ranked mechanisms as the JSON the contract
// fixes, and as a short teaching note. Pure: the CLI prints it, tests read it.
import { explainQuestions, renderQuestionsText, type ExplainedQuestion } from '../questions/questionReport';
import type { CaseAnalysis } from '../analyzeCase';
import { readableWords } from '../catalog/labels';
import type { Range } from '../text';
import type { Observation } from './findings';
import { formatIndexValue, inputText, type ComputedIndex } from './indices';
import { quotedValue } from '../model/writtenValue';
import { meaningsOf } from './indexDefinitions';
import { maturationText } from './maturation';
import { showsAnemia } from './panelAnalysis';
import type { MechanismScore } from './mechanismEngine';
import type { PathwayStep } from './pathway';

export interface ExplainedIndex {
  value: number;
  unit: string;
  panel: string;
  /** 1-based line of the index's first input (reticulocytes for the RPI). */
  line?: number;
  formula: string;
  /** `written`: a lab input as the case writes it, its canonical value beside another unit (`111 pmol/L (= 150 pg/mL)`). */
  inputs: { id: string; value: number; unit: string; line?: number; written?: string }[];
  band?: { minHematocrit: number; maxHematocrit?: number; days: number };
  table?: { id: string; source: string };
}

export interface ExplainedObservation {
  text: string;
  /** `text` with the value as the case writes it, when that differs (another unit, `1.0` for 1). */
  written?: string;
  line?: number;
  column?: number;
  /** The labs panel the value came from (`initial`, `day 5`), for lab, index and smear findings (a smear by its own label). */
  panel?: string;
}

export interface ExplainedPathwayStep {
  id: string;
  question: string;
  source: string;
  /** What the step concludes for this case, or null when the case lacks the data. */
  means: string | null;
  /** Every outcome present; more than one is a mixed picture. */
  outcomes: { finding: string; label: string; means: string; pointsTo: string[]; observations: ExplainedObservation[] }[];
  /** The pathway ended here (no anemia or cytopenia): nothing is ranked. */
  stop: boolean;
}

export interface ExplainedMechanism {
  id: string;
  score: number;
  confidence: number;
  summary: string;
  evidence: { finding: string; label: string; effect: string; weight: number; observations: ExplainedObservation[] }[];
  missing: string[];
  /** `missing` split: findings that would support the mechanism if the case showed them… */
  wouldSupport: string[];
  /** …and findings that would argue against it. */
  wouldArgueAgainst: string[];
}

export interface ExplainReport {
  case: string | null;
  title: string | null;
  /** Indices of the first labs panel, by id. */
  indices: Record<string, ExplainedIndex>;
  /** Every panel's indices, in file order. */
  panels: { panel: string; time?: { unit: string; amount: number }; indices: Record<string, ExplainedIndex> }[];
  mechanisms: ExplainedMechanism[];
  /** The engine's clear first choice, if it has one. */
  clearChoice: string | null;
  /** What the case's [answer] says. */
  stated: string | null;
  /** The pathway's steps as this case answers them. */
  pathway: ExplainedPathwayStep[];
  /** Other mechanisms the evidence also shows (a mixed picture), with their evidence. */
  secondary: ExplainedMechanism[];
  /** Why no mechanism is ranked, when the pathway stopped (null otherwise). */
  withheld: string | null;
  /** The case's questions in file order, each with its key and the check of the key against the case. */
  questions: ExplainedQuestion[];
}

const line = (range: Range | undefined) => (range ? range.start.line + 1 : undefined);
const round = (value: number) => Math.round(value * 1e4) / 1e4;

function explainIndex(index: ComputedIndex): ExplainedIndex {
  const explained: ExplainedIndex = {
    value: round(index.value), unit: index.unit, panel: index.panel, line: line(index.inputs[0]?.range), formula: index.formula,
    inputs: index.inputs.map((i) => {
      const input: ExplainedIndex['inputs'][number] = { id: i.id, value: round(i.value), unit: i.unit, line: line(i.range) };
      const written = i.result ? quotedValue(i.result) : undefined;
      if (written !== undefined) input.written = written;
      return input;
    }),
  };
  if (index.band) explained.band = { minHematocrit: index.band.minHematocrit, maxHematocrit: index.band.maxHematocrit, days: index.band.days };
  if (index.table) explained.table = { id: index.table.id, source: index.table.source };
  return explained;
}

function explainObservation(o: Observation): ExplainedObservation {
  const explained: ExplainedObservation = o.range ? { text: o.text, line: o.range.start.line + 1, column: o.range.start.character + 1 } : { text: o.text };
  if (o.written !== undefined) explained.written = o.written;
  if (o.panel) explained.panel = o.panel;
  return explained;
}

function explainStep(step: PathwayStep): ExplainedPathwayStep {
  return {
    id: step.id, question: step.question, source: step.source, means: step.means ?? null, stop: step.stop,
    outcomes: step.outcomes.map((o) => ({ finding: o.finding, label: o.label, means: o.means, pointsTo: o.pointsTo, observations: o.observations.map(explainObservation) })),
  };
}

function explainMechanism(m: MechanismScore): ExplainedMechanism {
  return {
    id: m.id, score: m.score, confidence: m.confidence, summary: m.summary,
    evidence: m.evidence.map((e) => ({ finding: e.finding, label: e.label, effect: e.effect, weight: e.weight, observations: e.observations.map(explainObservation) })),
    missing: m.missing,
    wouldSupport: m.missingByEffect.supports,
    wouldArgueAgainst: m.missingByEffect.against,
  };
}

export function explainCase(analysis: CaseAnalysis): ExplainReport {
  const { model, clinical } = analysis;
  const panels = clinical.panels.map((reading) => ({
    panel: reading.panel.label,
    ...(reading.panel.time ? { time: { unit: reading.panel.time.unit, amount: reading.panel.time.amount } } : {}),
    indices: Object.fromEntries([...reading.indices.values()].map((i) => [i.id, explainIndex(i)])),
  }));
  return {
    case: model.id ?? null,
    title: model.title ?? null,
    indices: panels[0]?.indices ?? {},
    panels,
    mechanisms: clinical.mechanisms.ranked.map(explainMechanism),
    clearChoice: clinical.mechanisms.clearChoice ?? null,
    stated: model.answer.get('mechanism')?.value.toLowerCase() || null,
    pathway: clinical.mechanisms.pathway.map(explainStep),
    secondary: clinical.mechanisms.secondary.map(explainMechanism),
    withheld: clinical.mechanisms.withheld ?? null,
    questions: explainQuestions(analysis),
  };
}

/** One line on how an index was reached: "Reticulocyte production index 0.84 = … (…; maturation time 2.0 days (hematocrit 16 to < 26 %))". */
export function describeIndex(index: ComputedIndex): string {
  const inputs = index.inputs.map((i) => inputText(i, round)).join(', ');
  const band = index.band ? `; maturation time ${maturationText(index.band)}` : '';
  return `${index.name} ${formatIndexValue(index)} = ${index.formula} (${inputs}${band})`;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The report as a short teaching note, for a terminal. */
export function renderExplainText(analysis: CaseAnalysis): string {
  const report = explainCase(analysis);
  const out: string[] = [];
  out.push(`${report.title ?? 'Untitled case'}${report.case ? ` (${report.case})` : ''}`, '');
  for (const reading of analysis.clinical.panels) {
    const indices = [...reading.indices.values()];
    if (!indices.length) continue;
    out.push(`Indices, ${reading.panel.qualifier ? `panel “${reading.panel.qualifier}”` : 'first panel'}:`);
    const anemic = showsAnemia(reading);
    for (const index of indices) {
      out.push(`  ${describeIndex(index)}`);
      for (const band of meaningsOf(index.definition, index.value, anemic)) out.push(`    → ${band.text}`);
    }
    const table = indices.find((index) => index.table)?.table;
    if (table) out.push(`  (maturation table: ${table.source})`);
    out.push('');
  }
  for (const line of renderPathway(report.pathway)) out.push(line);
  const [best, ...rest] = analysis.clinical.mechanisms.ranked;
  if (report.withheld) {
    out.push(`Mechanism: none ranked. ${report.withheld}`);
  } else if (!best || best.score <= 0) {
    out.push('Mechanism: the case has too little evidence for any mechanism.');
  } else {
    const lead = report.clearChoice ? 'The evidence points to' : 'No clear first choice; the best fit is';
    out.push(`${lead} ${readableWords(best.id)} (score ${best.score}, data for ${pct(best.confidence)} of its rules): ${best.summary}`);
    const supports = best.evidence.filter((e) => e.effect === 'supports');
    const against = best.evidence.filter((e) => e.effect === 'argues-against');
    if (supports.length) out.push(['  For it:', ...supports.map((e) => `    + ${e.label}${observed(e.observations)}`)].join('\n'));
    if (against.length) out.push(['  Against it:', ...against.map((e) => `    − ${e.label}${observed(e.observations)}`)].join('\n'));
    // What to look for next, said the way a teacher would: what would confirm it, what would not.
    const { supports: wouldSupport, against: wouldArgue } = best.missingByEffect;
    if (wouldSupport.length) out.push(`  Would support it: ${wouldSupport.slice(0, 4).join('; ')}.`);
    if (wouldArgue.length) out.push(`  Would argue against it: ${wouldArgue.slice(0, 4).join('; ')}.`);
    const runnersUp = rest.filter((m) => m.score > 0).slice(0, 2);
    if (runnersUp.length) out.push(`  Next: ${runnersUp.map((m) => `${readableWords(m.id)} (score ${m.score})`).join(', ')}.`);
    for (const other of analysis.clinical.mechanisms.secondary) {
      const evidence = other.evidence.filter((e) => e.effect === 'supports').slice(0, 3);
      out.push(`  Also present (a mixed picture): ${readableWords(other.id)} — ${evidence.map((e) => `${e.label}${observed(e.observations)}`).join('; ')}.`);
    }
  }
  if (report.stated) {
    const agrees = report.stated === best?.id;
    out.push('', `The answer says ${readableWords(report.stated)}: ${agrees ? 'the evidence agrees.' : report.clearChoice ? `the evidence points elsewhere (${readableWords(report.clearChoice)}).` : 'the evidence does not single out one mechanism.'}`);
  }
  for (const line of renderQuestionsText(report.questions)) out.push(line);
  return out.join('\n') + '\n';
}

/** The steps taken, as a student would walk them. */
function renderPathway(steps: ExplainedPathwayStep[]): string[] {
  if (!steps.length) return [];
  const out = ['The pathway:'];
  steps.forEach((step, i) => {
    out.push(`  ${i + 1}. ${step.question} ${step.means ?? 'Not enough data to say.'}`);
    for (const other of step.outcomes.slice(1)) out.push(`     Also: ${other.means}`);
  });
  out.push('');
  return out;
}

function observed(observations: Observation[]): string {
  if (!observations.length) return '';
  return ` — ${observations.map((o) => `${o.written ?? o.text}${o.range ? `, line ${o.range.start.line + 1}` : ''}`).join('; ')}`;
}
