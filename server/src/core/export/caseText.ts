// Shared pieces of every question export: stable ids, the case as the text a learning
// platform shows before its questions, and images as data.
import type { CaseAnalysis } from '../analyzeCase';
import { escapeHtml } from '../render/escape';
import type { Question } from '../questions/questionModel';
import type { ExportCase } from './exportTypes';

/** `<case id>-<question id>`: what an LMS or Anki recognises on re-import. */
export function questionKey(analysis: CaseAnalysis, question: Question): string {
  return `${caseKey(analysis)}-${question.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function caseKey(analysis: CaseAnalysis): string {
  return analysis.model.id ?? 'case';
}

export function caseTitle(analysis: CaseAnalysis): string {
  return analysis.model.title ?? caseKey(analysis);
}

/** The questions that have what every format needs (a type and a stem). */
export function exportableQuestions(analysis: CaseAnalysis): Question[] {
  return analysis.model.questions.filter((q) => q.type && q.stem?.value);
}

/** Where the question sits in the case, for a heading: "After labs day 3". */
export function stageLabel(question: Question): string {
  return question.stage ? `After ${question.stage.text.replace(/^after\s+/i, '')}` : 'End of case';
}

export interface CaseStep {
  /** What the student reads before this step's questions (escaped HTML; may be empty). */
  html: string;
  questions: Question[];
}

/**
 * The case as a sequence: the stages revealed up to a question, then the questions asked
 * there. Stages come in the preview's order (history, exam, labs panels, smear, marrow,
 * course); the answer is never included. Questions of one stage keep their file order.
 */
export function caseSteps(analysis: CaseAnalysis): CaseStep[] {
  const { model } = analysis;
  const stages: { html: string; matches: (q: Question) => boolean }[] = [];
  const patient = model.sections.get('patient')?.fields.filter((f) => f.value).map((f) => `${f.key} ${f.value}`).join(', ');
  const history = model.sections.get('history');
  stages.push({ html: (patient ? `<p><strong>Patient:</strong> ${escapeHtml(patient)}</p>` : '') + prose('History', history), matches: (q) => q.stage?.name === 'history' });
  stages.push({ html: prose('Examination', model.sections.get('exam')), matches: (q) => q.stage?.name === 'exam' });
  model.panels.forEach((panel, i) => {
    const rows = panel.results.map((r) => `<tr><td>${escapeHtml(r.lab?.name ?? r.field.rawKey)}</td><td>${escapeHtml(r.field.value)}</td></tr>`).join('');
    const last = i === model.panels.length - 1;
    stages.push({
      html: `<h3>Labs${panel.qualifier ? ` (${escapeHtml(panel.qualifier)})` : ''}</h3><table>${rows}</table>`,
      // A stage naming no existing panel is an error the case is not exported with; the last panel catches it anyway.
      matches: (q) => q.stage?.name === 'labs' && (q.stage.panel === panel || (last && !q.stage.panel)),
    });
  });
  for (const name of ['smear', 'marrow'] as const) {
    const fields = model.sections.get(name)?.fields.filter((f) => f.value) ?? [];
    const html = fields.length ? `<h3>${name === 'smear' ? 'Blood smear' : 'Bone marrow'}</h3><ul>${fields.map((f) => `<li>${escapeHtml(f.key)}: ${escapeHtml(f.value)}</li>`).join('')}</ul>` : '';
    stages.push({ html, matches: (q) => q.stage?.name === name });
  }
  stages.push({ html: prose('Course', model.sections.get('course')), matches: (q) => q.stage?.name === 'course' || !q.stage?.name });

  const steps: CaseStep[] = [];
  let pending = '';
  const questions = exportableQuestions(analysis);
  for (const stage of stages) {
    pending += stage.html;
    const asked = questions.filter(stage.matches);
    if (!asked.length) continue;
    steps.push({ html: pending, questions: asked });
    pending = '';
  }
  return steps;
}

function prose(title: string, section: { prose: { text: string }[] } | undefined): string {
  return section?.prose.length ? `<h3>${title}</h3><p>${escapeHtml(section.prose.map((l) => l.text).join(' '))}</p>` : '';
}

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp' };

export function mimeType(path: string): string {
  return MIME[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The image's bytes, or a warning when the caller could not read them. */
export function imageOf(exportCase: ExportCase, question: Question, warnings: string[]): Uint8Array | undefined {
  if (!question.image) return undefined;
  const bytes = exportCase.images.get(question.image.path);
  if (!bytes) warnings.push(`${caseKey(exportCase.analysis)}: image ${question.image.path} of question ${question.id} could not be read; left out.`);
  return bytes;
}

/** Base64 of bytes, without Buffer (the core runs in the browser too). */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  return btoa(binary);
}
