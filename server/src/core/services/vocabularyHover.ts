// Hover on the format's own words: section headers, field keys, and controlled values (marrow
// states, smear findings, sex, level, mechanisms), read from schemas/vocabulary.json. On the
// answer's mechanism it adds the engine's rule and how this case's evidence ranks them.
import type { CaseAnalysis } from '../analyzeCase';
import { canonicalTerm, fieldSpec, sectionSpec, term, terms, type FieldSpec, type Term } from '../catalog/vocabulary';
import { indexDefinition } from '../clinical/indexDefinitions';
import { expectedIndexKeys } from '../questions/questionKeyChecks';
import { questionIn, stagesPresent, type Question } from '../questions/questionModel';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import type { Range } from '../text';
import type { ListItem } from '../util/lists';
import type { HoverResult } from './hover';
import { code, escapeMarkdown } from './markdown';

/** Field types whose value means nothing beyond what its key says (a percentage, a ratio). */
const DESCRIBED_BY_KEY = new Set<FieldSpec['type']>(['percent', 'ratio', 'age']);

export function sectionHover(analysis: CaseAnalysis, section: SectionNode): HoverResult | undefined {
  const spec = sectionSpec(section.name);
  if (!spec) return undefined;
  const lines = [`**[${spec.name}]** — ${escapeMarkdown(spec.description)}`];
  const panel = analysis.model.panels.find((p) => p.section === section);
  if (panel?.qualifier) {
    const when = panel.time ? `on the time axis at ${Number(panel.time.days.toFixed(2))} days` : 'not a time: panels keep their order in the file';
    lines.push('', `Panel ${escapeMarkdown(panel.qualifier)}: ${when}.`);
  }
  const question = questionIn(analysis.model, section);
  if (question) lines.push('', escapeMarkdown(questionStageText(analysis, question)));
  return { contents: lines.join('\n'), range: section.headerRange };
}

/** When a question is asked, and what the student has seen by then (the preview's order). */
function questionStageText(analysis: CaseAnalysis, question: Question): string {
  const stages = stagesPresent(analysis.model).map((s) => s.slice('after '.length));
  const seen = (upTo: number) => (upTo < 0 ? '' : ` The student has seen: ${stages.slice(0, upTo + 1).join(', ')}.`);
  const stage = question.stage;
  if (!stage) return `Asked at the end of the case.${seen(stages.length - 1)}`;
  if (!stage.name) return 'Not a stage of a case: see the problem on this line.';
  const name = stage.name === 'labs' ? (stage.panel?.qualifier ? `labs ${stage.panel.qualifier}` : stage.panel ? 'labs' : undefined) : stage.name;
  const at = name === undefined ? -1 : stages.indexOf(name);
  if (at < 0) return 'This case has no such stage: see the problem on this line.';
  return `Asked after ${name}, question ${question.ordinal + 1} of ${analysis.model.questions.length} in the case.${seen(at)}`;
}

/** What a question asks about: the index and the value the labs revealed by then give it. */
function asksHover(analysis: CaseAnalysis, field: FieldNode): HoverResult | undefined {
  const question = analysis.model.questions.find((q) => q.fields.get('asks') === field);
  const definition = indexDefinition(question?.asks);
  if (!question || !definition) return undefined;
  const lines = [`**${escapeMarkdown(definition.name)}** = ${escapeMarkdown(definition.formula)}`];
  const keys = expectedIndexKeys(analysis.clinical, question);
  if (keys.length) lines.push('', escapeMarkdown(`The labs revealed by this question give: ${keys.map((k) => `${k.text}${k.unit ? ` ${k.unit}` : ''} (${k.panel})`).join(', ')}.`));
  return { contents: lines.join('\n'), range: field.valueRange };
}

/** `section` is `header` for the fields before the first section. */
export function keyHover(section: string, field: FieldNode): HoverResult | undefined {
  const spec = fieldSpec(section, field.key);
  return spec ? { contents: keyText(spec), range: field.keyRange } : undefined;
}

export function valueHover(analysis: CaseAnalysis, section: string, field: FieldNode, item?: ListItem): HoverResult | undefined {
  const spec = fieldSpec(section, field.key);
  if (!spec) return undefined;
  if (section === 'question' && field.key === 'asks') return asksHover(analysis, field);
  if (!spec.values) return DESCRIBED_BY_KEY.has(spec.type) ? { contents: keyText(spec), range: field.valueRange } : undefined;
  const range = item?.range ?? field.valueRange;
  const id = canonicalTerm(spec.values, (item?.text ?? field.value).trim());
  const word = id === undefined ? undefined : term(spec.values, id);
  if (!word) return undefined;
  if (spec.values === 'mechanisms') return mechanismHover(analysis, word, range);
  // The key's meaning too: `normal` means one thing for erythroid, another for iron stores.
  return { contents: `**${escapeMarkdown(word.id)}** — ${escapeMarkdown(word.description)}\n\n${keyText(spec)}`, range };
}

function keyText(spec: FieldSpec): string {
  const lines = [`${code(spec.key)}${spec.required ? ' (required)' : ''} — ${escapeMarkdown(spec.description)}`];
  if (spec.values && spec.type === 'enum') lines.push('', `One of: ${escapeMarkdown(terms(spec.values).map((t) => t.id).join(', '))}`);
  return lines.join('\n');
}

function mechanismHover(analysis: CaseAnalysis, mechanism: Term, range: Range): HoverResult {
  const { ranked, clearChoice } = analysis.clinical.mechanisms;
  const lines = [`**${escapeMarkdown(mechanism.id)}** — ${escapeMarkdown(mechanism.description)}`];
  const rule = ranked.find((m) => m.id === mechanism.id);
  if (rule) lines.push('', `Engine: ${escapeMarkdown(rule.summary)}`);
  lines.push('', '**What this case\'s evidence ranks first**');
  ranked.slice(0, 3).forEach((m, i) => {
    lines.push(`${i + 1}. ${code(m.id)} — score ${m.score}${m.id === clearChoice ? ' (clear first choice)' : ''}`);
  });
  const place = ranked.findIndex((m) => m.id === mechanism.id);
  if (place >= 3) lines.push('', `The answer's ${code(mechanism.id)} ranks ${place + 1} of ${ranked.length} (score ${ranked[place].score}).`);
  const { withheld } = analysis.clinical.mechanisms;
  if (withheld) lines.push('', `No mechanism is ranked: ${escapeMarkdown(withheld)}`);
  else if (!clearChoice) lines.push('', 'The evidence does not single out one mechanism.');
  return { contents: lines.join('\n'), range };
}
