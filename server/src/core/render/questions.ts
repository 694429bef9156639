// Questions in the preview. The learner view asks them after their stage: choosing an option
// shows its feedback (the preview script reveals it), a typed or ordering question has a
// "Show answer" button; the answer view shows every key and all feedback at once. Every piece
// of case text is escaped.
import type { Question, QuestionOption } from '../questions/questionModel';
import { renderImage, type ImageSources } from './images';
import type { PreviewView } from './documentShell';
import { escapeHtml, lineAttribute } from './escape';

/** Where the preview puts a question: after a stage it renders, or at the end. */
export type QuestionSlot = 'before-labs' | 'labs' | 'smear' | 'marrow' | 'course' | 'end';

export function questionSlot(question: Question, present: (slot: QuestionSlot) => boolean): QuestionSlot {
  const name = question.stage?.name;
  if (name === 'history' || name === 'exam') return 'before-labs';
  if ((name === 'labs' || name === 'smear' || name === 'marrow' || name === 'course') && present(name)) return name;
  return 'end';
}

export function renderQuestions(questions: readonly Question[], view: PreviewView, numberOf: (q: Question) => number, images?: ImageSources): string {
  return questions.map((q) => renderQuestion(q, view, numberOf(q), images)).join('');
}

function renderQuestion(question: Question, view: PreviewView, number: number, images: ImageSources | undefined): string {
  const answer = view === 'answer';
  const hidden = answer ? '' : ' hidden';
  const points = question.points !== 1 ? ` <span class="q-points">${escapeHtml(String(question.points))} points</span>` : '';
  const parts = [`<h3>Question ${number}${points}</h3>`, `<p class="q-stem">${escapeHtml(question.stem?.value ?? '')}</p>`];
  if (question.image) parts.push(renderImage(question.image, images, 'q-image'));
  const picture = (o: QuestionOption) => (o.image ? renderImage(o.image, images, 'q-option-image') : '');
  if (question.type === 'single' || question.type === 'multiple') {
    const options = question.options.map((o, i) => {
      const mark = answer && o.correct ? '<span class="q-correct" aria-label="correct">✓ </span>' : '';
      const feedback = o.feedback ? `<p class="q-feedback"${hidden}>${escapeHtml(o.feedback)}</p>` : '';
      const control = answer
        ? `<span class="q-option${o.correct ? ' right' : ''}">${mark}${escapeHtml(o.text)}</span>`
        : `<button type="button" class="q-option" data-option="${i}" data-correct="${o.correct}">${escapeHtml(o.text)}</button>`;
      return `<li${lineAttribute(o.field.range.start.line)}>${control}${picture(o)}${feedback}</li>`;
    }).join('');
    parts.push(`<ul class="q-options">${options}</ul>`);
  } else {
    if (question.type === 'ordering') {
      // The learner sees the items reversed (the file lists them in the right order).
      const shown = answer ? question.options : [...question.options].reverse();
      parts.push(`<ul class="q-order">${shown.map((o) => `<li>${escapeHtml(o.text)}${picture(o)}</li>`).join('')}</ul>`);
    }
    if (!answer) parts.push('<button type="button" class="q-show">Show answer</button>');
    parts.push(`<div class="q-key"${hidden}>${keyText(question)}</div>`);
  }
  if (question.explanation) parts.push(`<p class="q-explanation"${hidden}>${escapeHtml(question.explanation)}</p>`);
  return `<section class="question q-${escapeHtml(question.type ?? 'unknown')}" data-question="${escapeHtml(question.id)}"${lineAttribute(question.section.headerRange.start.line)}>${parts.join('')}</section>`;
}

function keyText(question: Question): string {
  if (question.type === 'ordering') return `Order: ${question.options.map((o) => escapeHtml(o.text)).join(' → ')}`;
  const answers = question.answers.map((a) => escapeHtml(a.value)).join(' or ');
  if (question.type === 'numeric') {
    const unit = question.unit ? ` ${escapeHtml(question.unit)}` : '';
    return `Answer: ${answers}${unit}${question.tolerance ? ` (± ${escapeHtml(String(question.tolerance))})` : ''}`;
  }
  return `Answer: ${answers}`;
}
