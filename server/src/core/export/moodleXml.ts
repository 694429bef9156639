// Moodle XML: one category per case; each step of the case (the stages revealed so far) as a
// description item, followed by the questions asked there; per-answer feedback, general
// feedback, default marks, tags, and images embedded as base64 files (@@PLUGINFILE@@). Shaped
// as Moodle's importer reads it (question/format/xml/format.php): grades from those its forms
// offer (fractions.ts), category paths escaped as it splits them.
import { xmlbuilder2 } from './lazyLibraries';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { escapeHtml } from '../render/escape';
import type { Question } from '../questions/questionModel';
import type { CaseImage } from '../images/imageModel';
import { base64, caseKey, caseSteps, caseTitle, exportImageName, imageOf, questionKey, stemWithUnit } from './caseText';
import type { ExportCase, ExportResult } from './exportTypes';
import { multipleResponseGrades } from './fractions';
import { InvalidCharacters } from './invalidCharacters';

export function exportMoodleXml(cases: readonly ExportCase[]): ExportResult {
  const warnings: string[] = [];
  const invalid = new InvalidCharacters();
  const quiz = xmlbuilder2().create({ version: '1.0', encoding: 'UTF-8', ...invalid.options }).ele('quiz');
  for (const exportCase of cases) {
    const { analysis } = exportCase;
    invalid.current = caseKey(analysis);
    const category = quiz.ele('question', { type: 'category' });
    text(category.ele('category'), `$course$/top/Casewright/${categoryName(caseTitle(analysis))}`);
    text(category.ele('info', { format: 'html' }), `Case ${caseKey(analysis)}, exported by Casewright.`);
    // Images are files of the text that shows them (Moodle's @@PLUGINFILE@@ resolves within it).
    const embed = (image: CaseImage) => (exportCase.images.has(image.path) ? imageTag(exportCase, image) : '');
    caseSteps(analysis, embed).forEach((step, i) => {
      if (step.html) {
        const description = quiz.ele('question', { type: 'description' });
        text(description.ele('name'), `${caseTitle(analysis)} (${i + 1})`);
        const questionText = description.ele('questiontext', { format: 'html' });
        text(questionText, step.html);
        attachFiles(questionText, exportCase, step.images, warnings);
        description.ele('idnumber').txt(`${caseKey(analysis)}-part-${i + 1}`);
      }
      for (const question of step.questions) writeQuestion(quiz, exportCase, question, warnings);
    });
  }
  const xml = quiz.end({ prettyPrint: true });
  return { files: new Map([['questions.moodle.xml', xml]]), warnings: [...warnings, ...invalid.warnings('questions.moodle.xml')] };
}

const MOODLE_TYPES = { single: 'multichoice', multiple: 'multichoice', numeric: 'numerical', short: 'shortanswer', ordering: 'ordering' } as const;

function writeQuestion(quiz: XMLBuilder, exportCase: ExportCase, question: Question, warnings: string[]): void {
  const { analysis } = exportCase;
  const element = quiz.ele('question', { type: MOODLE_TYPES[question.type!] });
  text(element.ele('name'), questionKey(analysis, question));
  const questionText = element.ele('questiontext', { format: 'html' });
  const stemImages = question.image ? [question.image] : [];
  text(questionText, `<p>${escapeHtml(stemWithUnit(question))}</p>${stemImages.filter((i) => exportCase.images.has(i.path)).map((i) => imageTag(exportCase, i)).join('')}`);
  attachFiles(questionText, exportCase, stemImages, warnings);
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
      const weights = question.type === 'single' ? question.options.map((o) => (o.correct ? '100' : '0')) : multipleResponseGrades(question.options.map((o) => o.correct), questionKey(analysis, question), warnings);
      question.options.forEach((option, i) => {
        const picture = option.image && exportCase.images.has(option.image.path) ? imageTag(exportCase, option.image) : '';
        const node = answer(element, weights[i], option.text, option.feedback, 'html', picture);
        attachFiles(node, exportCase, option.image ? [option.image] : [], warnings);
      });
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
        // Units optional, typed in the answer box (Moodle's default for a question with units);
        // Moodle shows no unit beside the box, so the question text names it.
        element.ele('unitgradingtype').txt('0');
        element.ele('showunits').txt('0');
        element.ele('unitsleft').txt('0');
      }
      break;
    case 'short':
      element.ele('usecase').txt('0');
      for (const a of question.answers) answer(element, '100', a.value, undefined, 'moodle_auto_format');
      break;
    case 'ordering':
      if (question.options.some((o) => o.image)) warnings.push(`Moodle's ordering question shows text only; the option images of ${questionKey(analysis, question)} are left out.`);
      if (question.options.some((o) => o.feedback)) warnings.push(`Moodle's ordering question shows no feedback per item; the option feedback of ${questionKey(analysis, question)} is left out.`);
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

function answer(parent: XMLBuilder, fraction: string, value: string, feedback: string | undefined, format = 'html', picture = ''): XMLBuilder {
  const node = parent.ele('answer', { fraction, format });
  text(node, format === 'html' ? escapeHtml(value) + picture : value);
  text(node.ele('feedback', { format: 'html' }), feedback ? `<p>${escapeHtml(feedback)}</p>` : '');
  return node;
}

/**
 * A category name inside Moodle's path: `/` separates categories, so one in a name is written
 * `//`, and a name may not start or end with it (qformat_default::assemble_category_path).
 */
export function categoryName(name: string): string {
  let escaped = name.replace(/\//g, '//');
  if (escaped.startsWith('/')) escaped = ` ${escaped}`;
  if (escaped.endsWith('/')) escaped = `${escaped} `;
  return escaped;
}

/** Moodle reads every text as `<text>…</text>`; the builder escapes it. */
function text(parent: XMLBuilder, value: string): void {
  parent.ele('text').txt(value);
}

function imageTag(exportCase: ExportCase, image: CaseImage): string {
  return `<p><img src="@@PLUGINFILE@@/${encodeURIComponent(exportImageName(exportCase.analysis, image))}" alt="${escapeHtml(image.alt ?? '')}"></p>`;
}

/** The images a text shows, as base64 `<file>` elements of that text (each file once). */
function attachFiles(parent: XMLBuilder, exportCase: ExportCase, images: readonly CaseImage[], warnings: string[]): void {
  const done = new Set<string>();
  for (const image of images) {
    const name = exportImageName(exportCase.analysis, image);
    if (done.has(name)) continue;
    done.add(name);
    const bytes = imageOf(exportCase, image, warnings);
    if (bytes) parent.ele('file', { name, path: '/', encoding: 'base64' }).txt(base64(bytes));
  }
}
