// Moodle XML: one category per case; each step of the case (the stages revealed so far) as a
// description item, followed by the questions asked there; per-answer feedback, general
// feedback, default marks, tags, and images embedded as base64 files (@@PLUGINFILE@@).
import { xmlbuilder2 } from './lazyLibraries';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { escapeHtml } from '../render/escape';
import type { Question } from '../questions/questionModel';
import { base64, caseKey, caseSteps, caseTitle, fileName, imageOf, questionKey } from './caseText';
import type { ExportCase, ExportResult } from './exportTypes';
import { fractions } from './fractions';

export function exportMoodleXml(cases: readonly ExportCase[]): ExportResult {
  const warnings: string[] = [];
  const quiz = xmlbuilder2().create({ version: '1.0', encoding: 'UTF-8' }).ele('quiz');
  for (const exportCase of cases) {
    const { analysis } = exportCase;
    const category = quiz.ele('question', { type: 'category' });
    text(category.ele('category'), `$course$/top/Casewright/${caseTitle(analysis)}`);
    text(category.ele('info', { format: 'html' }), `Case ${caseKey(analysis)}, exported by Casewright.`);
    caseSteps(analysis).forEach((step, i) => {
      if (step.html) {
        const description = quiz.ele('question', { type: 'description' });
        text(description.ele('name'), `${caseTitle(analysis)} (${i + 1})`);
        text(description.ele('questiontext', { format: 'html' }), step.html);
        description.ele('idnumber').txt(`${caseKey(analysis)}-part-${i + 1}`);
      }
      for (const question of step.questions) writeQuestion(quiz, exportCase, question, warnings);
    });
  }
  return { files: new Map([['questions.moodle.xml', quiz.end({ prettyPrint: true })]]), warnings };
}

const MOODLE_TYPES = { single: 'multichoice', multiple: 'multichoice', numeric: 'numerical', short: 'shortanswer', ordering: 'ordering' } as const;

function writeQuestion(quiz: XMLBuilder, exportCase: ExportCase, question: Question, warnings: string[]): void {
  const { analysis } = exportCase;
  const element = quiz.ele('question', { type: MOODLE_TYPES[question.type!] });
  text(element.ele('name'), questionKey(analysis, question));
  const image = imageOf(exportCase, question, warnings);
  const questionText = element.ele('questiontext', { format: 'html' });
  let stem = `<p>${escapeHtml(question.stem!.value)}</p>`;
  if (image && question.image) stem += `<p><img src="@@PLUGINFILE@@/${encodeURIComponent(fileName(question.image.path))}" alt="${escapeHtml(question.image.alt ?? '')}"></p>`;
  text(questionText, stem);
  if (image && question.image) questionText.ele('file', { name: fileName(question.image.path), path: '/', encoding: 'base64' }).txt(base64(image));
  text(element.ele('generalfeedback', { format: 'html' }), question.explanation ? `<p>${escapeHtml(question.explanation)}</p>` : '');
  element.ele('defaultgrade').txt(String(question.points));
  element.ele('penalty').txt('0');
  element.ele('hidden').txt('0');
  element.ele('idnumber').txt(questionKey(analysis, question));
  switch (question.type) {
    case 'single':
    case 'multiple': {
      element.ele('single').txt(question.type === 'single' ? 'true' : 'false');
      element.ele('shuffleanswers').txt('true');
      element.ele('answernumbering').txt('abc');
      const weights = question.type === 'single' ? question.options.map((o) => (o.correct ? '100' : '0')) : fractions(question.options.map((o) => o.correct));
      question.options.forEach((option, i) => answer(element, weights[i], option.text, option.feedback));
      break;
    }
    case 'numeric':
      for (const a of question.answers) {
        const node = answer(element, '100', a.value, undefined, 'moodle_auto_format');
        node.ele('tolerance').txt(String(question.tolerance ?? 0));
      }
      if (question.unit) {
        const unit = element.ele('units').ele('unit');
        unit.ele('multiplier').txt('1');
        unit.ele('unit_name').txt(question.unit);
        element.ele('unitgradingtype').txt('0');
        element.ele('showunits').txt('3');
        element.ele('unitsleft').txt('0');
      }
      break;
    case 'short':
      element.ele('usecase').txt('0');
      for (const a of question.answers) answer(element, '100', a.value, undefined, 'moodle_auto_format');
      break;
    case 'ordering':
      // qtype_ordering keeps the correct order in the answers' order; its fraction is the position.
      element.ele('layouttype').txt('VERTICAL');
      element.ele('selecttype').txt('ALL');
      element.ele('selectcount').txt('0');
      element.ele('gradingtype').txt('ABSOLUTE_POSITION');
      question.options.forEach((option, i) => answer(element, String(i + 1), option.text, undefined));
      break;
  }
  if (question.tags.length) {
    const tags = element.ele('tags');
    for (const tag of question.tags) text(tags.ele('tag'), tag);
  }
}

function answer(parent: XMLBuilder, fraction: string, value: string, feedback: string | undefined, format = 'html'): XMLBuilder {
  const node = parent.ele('answer', { fraction, format });
  text(node, format === 'html' ? escapeHtml(value) : value);
  text(node.ele('feedback', { format: 'html' }), feedback ? `<p>${escapeHtml(feedback)}</p>` : '');
  return node;
}

/** Moodle reads every text as `<text>…</text>`; the builder escapes it. */
function text(parent: XMLBuilder, value: string): void {
  parent.ele('text').txt(value);
}
