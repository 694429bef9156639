// GIFT (Moodle's text format): one category per case, the case's stages as description items,
// then its questions. Text only: ordering questions and images cannot be expressed and are
// left out with a warning, as are points other than 1.
import type { Question } from '../questions/questionModel';
import { caseKey, caseSteps, caseTitle, questionKey, stemWithUnit } from './caseText';
import { questionImages } from '../questions/questionModel';
import type { ExportCase, ExportResult } from './exportTypes';
import { multipleResponseGrades } from './fractions';
import { firstNamed } from '../util/lists';

/** GIFT's special characters are escaped with a backslash (the backslash itself first). */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, '\\n');
}

export function exportGift(cases: readonly ExportCase[]): ExportResult {
  const warnings: string[] = [];
  const blocks: string[] = [];
  /** Questions worth other than 1 point: said once, since a bank has many. */
  const otherPoints: string[] = [];
  for (const exportCase of cases) {
    const { analysis } = exportCase;
    const sectionImages = [...analysis.model.sectionImages.values()].flat();
    if (sectionImages.length) warnings.push(`GIFT is text only; ${caseKey(analysis)}: the image${sectionImages.length === 1 ? '' : 's'} of ${[...new Set(sectionImages.map((i) => i.where))].join(', ')} left out.`);
    blocks.push(`// ${caseKey(analysis)}: ${caseTitle(analysis).replace(/[\r\n]+/g, ' ')}\n$CATEGORY: $course$/top/Casewright/${escapeGift(caseKey(analysis))}`);
    caseSteps(analysis).forEach((step, i) => {
      if (step.html) blocks.push(`::${escapeGift(`${caseKey(analysis)}-part-${i + 1}`)}::[html]${escapeGift(step.html)}`);
      for (const question of step.questions) {
        const block = giftQuestion(questionKey(analysis, question), question, warnings);
        if (!block) {
          warnings.push(`GIFT cannot express ordering questions; left out: ${questionKey(analysis, question)}.`);
          // Said in the file too, where the question would be, for whoever reads it later.
          blocks.push(`// ${questionKey(analysis, question)}: an ordering question, which GIFT cannot express; left out (use the Moodle XML or QTI export)`);
          continue;
        }
        const pictures = questionImages(question).length;
        if (pictures) warnings.push(`GIFT is text only; ${pictures === 1 ? 'the image' : `${pictures} images`} of ${questionKey(analysis, question)} left out.`);
        if (question.points !== 1) otherPoints.push(questionKey(analysis, question));
        blocks.push(block);
      }
    });
  }
  if (otherPoints.length) {
    warnings.push(`GIFT has no points; ${otherPoints.length === 1 ? 'this question imports' : `these ${otherPoints.length} questions import`} worth Moodle's default mark (1): ${firstNamed(otherPoints)}.`);
  }
  return { files: new Map([['questions.gift.txt', `${blocks.join('\n\n')}\n`]]), warnings };
}

function giftQuestion(name: string, question: Question, warnings: string[]): string | undefined {
  const general = question.explanation ? ` ####${escapeGift(question.explanation)}` : '';
  const feedback = (text: string | undefined) => (text ? `#${escapeGift(text)}` : '');
  let answers: string;
  switch (question.type) {
    case 'single':
      answers = question.options.map((o) => `\t${o.correct ? '=' : '~'}${escapeGift(o.text)}${feedback(o.feedback)}`).join('\n');
      break;
    case 'multiple': {
      const grades = multipleResponseGrades(question.options.map((o) => o.correct), name, warnings);
      answers = question.options.map((o, i) => `\t~%${grades[i]}%${escapeGift(o.text)}${feedback(o.feedback)}`).join('\n');
      break;
    }
    case 'numeric':
      answers = question.answers.map((a) => `\t=${a.value}:${question.tolerance ?? 0}`).join('\n');
      return `::${escapeGift(name)}::${escapeGift(stemWithUnit(question))}{#\n${answers}${general}\n}`;
    case 'short':
      answers = question.answers.map((a) => `\t=${escapeGift(a.value)}`).join('\n');
      break;
    default:
      return undefined;
  }
  return `::${escapeGift(name)}::${escapeGift(question.stem!.value)}{\n${answers}${general}\n}`;
}
