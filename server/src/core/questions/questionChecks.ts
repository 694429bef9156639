// Structural checks on question items: keys, options, numeric answers, stages, ids (images:
// imageChecks). The schema has already said which fields are unknown or of the wrong form;
// these are the rules that need the whole item.
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';
import { makeRange } from '../text';
import { orList } from '../util/lists';
import { numberOf, STAGE_NAMES, stagesPresent, type Question } from './questionModel';

const CHOICE_TYPES = new Set(['single', 'multiple', 'ordering']);

export function checkQuestions(model: CaseModel): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  const ids = new Map<string, number>();
  for (const question of model.questions) {
    const idField = question.fields.get('id');
    const first = ids.get(question.id.toLowerCase());
    if (first !== undefined && idField) {
      diagnostics.push(diagnostic('error', 'duplicate-question-id',
        `Another question in this case (line ${first + 1}) is also \`${question.id}\`; exports use the id to update questions, so give each its own.`, idField.valueRange));
    } else {
      ids.set(question.id.toLowerCase(), question.section.headerRange.start.line);
    }
    checkStage(model, question, diagnostics);
    if (question.type && CHOICE_TYPES.has(question.type)) checkOptions(question, diagnostics);
    if (question.type === 'numeric' || question.type === 'short') checkAnswers(question, diagnostics);
    for (const stray of question.strayFeedback) {
      diagnostics.push(diagnostic('warning', 'stray-feedback',
        '`feedback` belongs to the `option` directly above it, and there is none (or it has feedback already); this line is not shown.', stray.keyRange));
    }
  }
  return diagnostics;
}

function checkStage(model: CaseModel, question: Question, diagnostics: CaseDiagnostic[]): void {
  const stage = question.stage;
  if (!stage) return;
  if (!stage.name) {
    const known = STAGE_NAMES.map((s) => `after ${s}`);
    diagnostics.push(diagnostic('error', 'unknown-question-stage',
      `\`${stage.text}\` is not a stage. Write ${orList(known.map((s) => `\`${s}\``))}, or \`after labs day 3\` for a panel by its qualifier.`,
      stage.range, { replacements: stagesPresent(model) }));
    return;
  }
  if (stage.extra !== undefined) {
    diagnostics.push(diagnostic('error', 'unknown-question-stage',
      `\`${stage.text.trim()}\` is not a stage: only \`after labs\` takes a qualifier (a panel's, \`after labs day 3\`). Write \`after ${stage.name}\`.`,
      stage.range, { replacements: [`after ${stage.name}`] }));
    return;
  }
  if (stage.name === 'labs') {
    if (stage.panel) return;
    const panels = model.panels.map((p) => (p.qualifier ? `after labs ${p.qualifier}` : 'after labs'));
    const which = stage.panelQualifier ? `no [labs: ${stage.panelQualifier}] panel` : 'no [labs] panel without a qualifier';
    diagnostics.push(diagnostic('error', 'unknown-question-stage',
      `This case has ${which}.${panels.length ? ` Its panels: ${orList(panels.map((p) => `\`${p}\``))}.` : ''}`, stage.range, { replacements: panels, section: 'labs' }));
    return;
  }
  if (!model.sections.has(stage.name)) {
    diagnostics.push(diagnostic('error', 'unknown-question-stage',
      `This case has no [${stage.name}] section, so nothing comes before this question.`, stage.range, { replacements: stagesPresent(model), section: stage.name }));
  }
}

function checkOptions(question: Question, diagnostics: CaseDiagnostic[]): void {
  const where = question.fields.get('type')?.valueRange ?? question.section.headerRange;
  if (question.options.length < 2) {
    diagnostics.push(diagnostic('error', 'too-few-options',
      `A ${question.type} question needs at least two \`option:\` lines; this one has ${question.options.length}.`, where));
  }
  const keys = question.options.filter((o) => o.correct).length;
  if (question.type === 'single' && keys !== 1 && question.options.length) {
    diagnostics.push(diagnostic('error', 'single-answer-keys',
      keys === 0
        ? 'A single-best-answer question needs exactly one key: start the correct option with `* `.'
        : `A single-best-answer question has exactly one key; ${keys} options here start with \`* \`. Use \`type: multiple\` if several are correct.`,
      where, keys > 1 && question.fields.get('type') ? { replacements: ['multiple'] } : undefined));
  }
  if (question.type === 'multiple' && keys === 0 && question.options.length) {
    diagnostics.push(diagnostic('error', 'single-answer-keys',
      'A multiple-response question needs at least one key: start each correct option with `* `.', where));
  }
  if (question.type === 'ordering') {
    for (const option of question.options) {
      if (!option.correct) continue;
      const start = option.field.valueRange.start;
      diagnostics.push(diagnostic('warning', 'ordering-key-marker',
        'An ordering question has no key option: the options, in the order written, are the answer. This `* ` marks nothing and is not shown.',
        makeRange(start.line, start.character, option.textRange.start.line, option.textRange.start.character)));
    }
  }
  const seen = new Map<string, number>();
  for (const option of question.options) {
    const normalized = option.text.toLowerCase().replace(/[ \t]+/g, ' ').trim();
    if (!normalized) {
      diagnostics.push(diagnostic('error', 'duplicate-option', 'This option is empty.', option.field.keyRange));
      continue;
    }
    const first = seen.get(normalized);
    if (first !== undefined) {
      diagnostics.push(diagnostic('error', 'duplicate-option',
        `This option repeats the one on line ${first + 1}; each option must be distinct.`, option.textRange));
    } else {
      seen.set(normalized, option.field.range.start.line);
    }
  }
}

function checkAnswers(question: Question, diagnostics: CaseDiagnostic[]): void {
  const where = question.fields.get('type')?.valueRange ?? question.section.headerRange;
  if (!question.answers.some((a) => a.value)) {
    diagnostics.push(diagnostic('error', 'missing-question-answer',
      question.type === 'numeric' ? 'A numeric question needs `answer:` with the number that is right.' : 'A short-answer question needs at least one `answer:` it accepts.', where));
    return;
  }
  if (question.options.length) {
    diagnostics.push(diagnostic('warning', 'options-not-used',
      `A ${question.type} question has no options; its \`option:\` lines are not shown. Use \`answer:\`.`, question.options[0].field.keyRange));
  }
  if (question.type !== 'numeric') return;
  for (const answer of question.answers) {
    if (answer.value && numberOf(answer.value) === undefined) {
      diagnostics.push(diagnostic('error', 'invalid-numeric-answer',
        `\`${answer.value}\` is not a plain number; write the key like \`0.84\` and put the unit in \`unit:\`.`, answer.valueRange));
    }
  }
  if (!question.fields.has('tolerance')) {
    diagnostics.push(diagnostic('warning', 'missing-tolerance',
      'A numeric answer needs a `tolerance:` (how far off still counts as right; `0` for exact), or rounding makes right answers wrong.',
      question.answers[0].keyRange, { replacements: ['tolerance: 0'] }));
  }
}
