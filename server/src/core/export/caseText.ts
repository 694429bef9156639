// Shared pieces of every question export: stable ids, the case as the text a learning
// platform shows before its questions, and images as data.
import type { CaseAnalysis } from '../analyzeCase';
import { marrowValueLabel, readableLabel, smearFindingLabel } from '../catalog/labels';
import { escapeHtml } from '../render/escape';
import type { CaseImage } from '../images/imageModel';
import { isImageLine } from '../images/imageModel';
import type { Question } from '../questions/questionModel';
import type { ExportCase } from './exportTypes';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import { listItemTexts } from '../util/lists';

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

/** The stem, naming the unit of a numeric answer where the format shows none beside the box. */
export function stemWithUnit(question: Question): string {
  return question.unit ? `${question.stem!.value} (in ${question.unit})` : question.stem!.value;
}

/** Where the question sits in the case, for a heading: "After labs day 3". */
export function stageLabel(question: Question): string {
  return question.stage ? `After ${question.stage.text.replace(/^after\s+/i, '')}` : 'End of case';
}

export interface CaseStep {
  /** What the student reads before this step's questions (escaped HTML; may be empty). */
  html: string;
  /** The sections' images the html shows (through `imageHtml`), in order. */
  images: CaseImage[];
  questions: Question[];
}

/** How a format shows an image in the case text: HTML, or '' to leave it out. */
export type ImageHtml = (image: CaseImage) => string;

/**
 * The case as a sequence: the stages revealed up to a question, then the questions asked
 * there. Stages come in the preview's order (history, exam, labs panels, smear, marrow,
 * course); the answer is never included. Questions of one stage keep their file order.
 */
export function caseSteps(analysis: CaseAnalysis, imageHtml: ImageHtml = () => ''): CaseStep[] {
  const { model } = analysis;
  const stages: { html: string; images: CaseImage[]; matches: (q: Question) => boolean }[] = [];
  const pictures = (section: SectionNode | undefined) => model.sectionImages.get(section!) ?? [];
  const prose = (title: string, section: SectionNode | undefined) => proseHtml(title, section) + pictures(section).map(imageHtml).join('');
  const patient = model.sections.get('patient')?.fields.filter((f) => f.value).map((f) => `${f.key} ${f.value}`).join(', ');
  const history = model.sections.get('history');
  stages.push({ html: (patient ? `<p><strong>Patient:</strong> ${escapeHtml(patient)}</p>` : '') + prose('History', history), images: pictures(history), matches: (q) => q.stage?.name === 'history' });
  stages.push({ html: prose('Examination', model.sections.get('exam')), images: pictures(model.sections.get('exam')), matches: (q) => q.stage?.name === 'exam' });
  model.panels.forEach((panel, i) => {
    const rows = panel.results.map((r) => `<tr><td>${escapeHtml(r.lab?.name ?? r.field.rawKey)}</td><td>${escapeHtml(r.field.value)}</td></tr>`).join('');
    const last = i === model.panels.length - 1;
    stages.push({
      html: `<h3>Labs${panel.qualifier ? ` (${escapeHtml(panel.qualifier)})` : ''}</h3><table>${rows}</table>`,
      images: [],
      // A stage naming no existing panel is an error the case is not exported with; the last panel catches it anyway.
      matches: (q) => q.stage?.name === 'labs' && (q.stage.panel === panel || (last && !q.stage.panel)),
    });
  });
  // Every smear (each timepoint's) and the marrow, with their pictures.
  const smearSections = model.smears.map((s) => s.section);
  const marrow = model.sections.get('marrow');
  for (const [name, sections] of [['smear', smearSections], ['marrow', marrow ? [marrow] : []]] as const) {
    let html = '';
    const images: CaseImage[] = [];
    for (const section of sections) {
      const fields = section.fields.filter((f) => f.value && f.key !== 'image' && f.key !== 'alt');
      const title = `${name === 'smear' ? 'Blood smear' : 'Bone marrow'}${section.qualifier ? ` (${escapeHtml(section.qualifier)})` : ''}`;
      const shown = pictures(section);
      if (!fields.length && !shown.length) continue;
      html += `<h3>${title}</h3>${fields.length ? `<ul>${fields.map((f) => `<li>${escapeHtml(readableLabel(f.key))}: ${escapeHtml(fieldText(name, f))}</li>`).join('')}</ul>` : ''}${shown.map(imageHtml).join('')}`;
      for (const image of shown) images.push(image);
    }
    stages.push({ html, images, matches: (q) => q.stage?.name === name });
  }
  const course = model.sections.get('course');
  stages.push({ html: prose('Course', course), images: pictures(course), matches: (q) => q.stage?.name === 'course' || !q.stage?.name });

  const steps: CaseStep[] = [];
  let pending = '';
  let pendingImages: CaseImage[] = [];
  const questions = exportableQuestions(analysis);
  for (const stage of stages) {
    pending += stage.html;
    for (const image of stage.images) pendingImages.push(image);
    const asked = questions.filter(stage.matches);
    if (!asked.length) continue;
    steps.push({ html: pending, images: pendingImages, questions: asked });
    pending = '';
    pendingImages = [];
  }
  return steps;
}

/** A smear's or marrow's value as the preview says it: catalog words by their labels, not their ids. */
function fieldText(section: 'smear' | 'marrow', field: FieldNode): string {
  if (section === 'marrow') return marrowValueLabel(field.key, field.value);
  return field.key === 'findings' ? listItemTexts(field).map(smearFindingLabel).join(', ') : field.value;
}

/** Prose without its image lines (the images follow the text). */
function proseHtml(title: string, section: SectionNode | undefined): string {
  const lines = section?.prose.filter((l) => !isImageLine(l)) ?? [];
  return lines.length ? `<h3>${title}</h3><p>${escapeHtml(lines.map((l) => l.text).join(' '))}</p>` : '';
}

/**
 * The name an image gets in an export: the case id and its path, flattened (Anki's media folder
 * is flat). Flattening can make two paths one (`a/b.png`, `a-b.png`), so a path that flattening
 * changed keeps a checksum of what it was, before its extension; a plain file name stays as is.
 */
export function exportImageName(analysis: CaseAnalysis, image: CaseImage): string {
  const flat = image.path.replace(/[^A-Za-z0-9._-]+/g, '-');
  const dot = flat.lastIndexOf('.');
  const stem = dot > 0 ? flat.slice(0, dot) : flat;
  const extension = dot > 0 ? flat.slice(dot) : '';
  if (flat === image.path) return shortFileName(`${caseKey(analysis)}-${stem}`, extension);
  return shortFileName(`${caseKey(analysis)}-${stem}-${pathChecksum(image.path)}`, extension);
}

/** The longest file name an export writes: well below the 255 bytes file systems take. */
const MAX_FILE_NAME = 100;

/**
 * A file name from an id (ASCII, as ids and flattened paths are): as it is when short enough,
 * else cut and given a checksum of the whole stem, so that long ids stay distinct. A package
 * whose names are too long cannot be unpacked by the platform it is made for.
 */
export function shortFileName(stem: string, extension = ''): string {
  if (stem.length + extension.length <= MAX_FILE_NAME) return stem + extension;
  return `${stem.slice(0, Math.max(1, MAX_FILE_NAME - extension.length - 9))}-${pathChecksum(stem)}${extension}`;
}

/** FNV-1a over the UTF-16 code units, as 8 hex digits: stable across runs (no node:crypto in the core). */
function pathChecksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The image's bytes, or a warning when the caller could not read them. */
export function imageOf(exportCase: ExportCase, image: CaseImage | undefined, warnings: string[]): Uint8Array | undefined {
  if (!image) return undefined;
  const bytes = exportCase.images.get(image.path);
  if (!bytes) warnings.push(`${caseKey(exportCase.analysis)}: image ${image.path} of ${image.where} could not be read; left out.`);
  return bytes;
}

/** Base64 of bytes, without Buffer (the core runs in the browser too). */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  return btoa(binary);
}
