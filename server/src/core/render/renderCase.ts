// Case → HTML: one pure renderer for the VS Code preview, `casewright render` and the static
// export. Every piece of case text is escaped; block elements carry `data-line` for scroll sync.
import type { CaseAnalysis } from '../analyzeCase';
import { marrowValueLabel, readableLabel } from '../catalog/labels';
import { term } from '../catalog/vocabulary';
import type { SmearPanel } from '../model/caseModel';
import { hiddenIndices, type LearnerViewOptions } from '../model/hiddenIndices';
import type { SectionNode } from '../syntax/syntaxTree';
import { renderSerialCharts } from './chart';
import { escapeHtml, lineAttribute } from './escape';
import { renderLabsTable, renderPanelTitle } from './labsTable';
import { renderDocumentShell, type DocumentOptions } from './documentShell';
import { renderAnswer } from './mechanisms';
import { questionSlot, renderQuestions, type QuestionSlot } from './questions';
import type { Question } from '../questions/questionModel';
import { isImageLine } from '../images/imageModel';
import { renderImage, type ImageSources } from './images';

export type { DocumentOptions, PreviewView } from './documentShell';
import type { PreviewView } from './documentShell';

/**
 * One view's body. The learner view leaves out the derived indices the case (or the bank, or the
 * preview's toggle: `learner`) hides; `data-indices` on the article says whether any were left out
 * (`hidden`), none (`shown`), or the case has none to hide (`none`), for the preview's toggle.
 * `images` says where each image is; without it images show as their alt text.
 */
export function renderCaseBody(analysis: CaseAnalysis, view: PreviewView, learner: LearnerViewOptions = {}, images?: ImageSources): string {
  const { model } = analysis;
  const hidden = view === 'learner' ? hiddenIndices(model, learner) : new Set<string>();
  const computed = analysis.clinical.panels.some((p) => p.indices.size > 0);
  const leftOut = analysis.clinical.panels.some((p) => [...p.indices.keys()].some((id) => hidden.has(id)));
  const pictures = (section: SectionNode | undefined) => (section ? (model.sectionImages.get(section) ?? []).map((image) => renderImage(image, images)).join('') : '');
  const prose = (section: SectionNode | undefined, title: string) => {
    const byLine = new Map((section ? model.sectionImages.get(section) ?? [] : []).map((image) => [image.keyRange.start.line, image]));
    return proseHtml(section, title, (line) => {
      const image = byLine.get(line);
      return image ? renderImage(image, images) : '';
    });
  };
  const parts = [renderHeading(analysis), renderPatient(analysis), prose(model.sections.get('history'), 'History'), prose(model.sections.get('exam'), 'Examination')];
  const headerLine = (name: string) => model.sections.get(name)?.headerRange.start.line;
  const contents = {
    labs: renderLabs(analysis, hidden),
    smear: renderSmears(analysis, pictures),
    marrow: renderMarrow(analysis, pictures),
    course: prose(model.sections.get('course'), ''),
  };
  // Each question follows the stage it is asked after; one whose stage is not shown comes last.
  const slots = new Map<QuestionSlot, Question[]>();
  for (const question of model.questions) {
    const slot = questionSlot(question, (name) => name in contents && contents[name as keyof typeof contents] !== '');
    slots.set(slot, [...(slots.get(slot) ?? []), question]);
  }
  const asked = (slot: QuestionSlot) => renderQuestions(slots.get(slot) ?? [], view, (q) => model.questions.indexOf(q) + 1, images);
  if (slots.has('before-labs')) parts.push(`<section class="questions">${asked('before-labs')}</section>`);
  const withQuestions = (name: keyof typeof contents) => (contents[name] ? contents[name] + asked(name) : '');
  const stages = [
    stage('labs', 'Labs', withQuestions('labs'), model.panels[0]?.section.headerRange.start.line),
    stage('smear', 'Blood smear', withQuestions('smear'), model.smears[0]?.section.headerRange.start.line),
    stage('marrow', 'Bone marrow', withQuestions('marrow'), headerLine('marrow')),
    stage('course', 'Course', withQuestions('course'), headerLine('course')),
    stage('questions', 'Questions', asked('end'), slots.get('end')?.[0].section.headerRange.start.line),
  ].filter(Boolean);
  for (const s of stages) parts.push(s);
  if (view === 'answer') parts.push(renderAnswer(analysis));
  const indices = !computed ? 'none' : leftOut ? 'hidden' : 'shown';
  return `<article class="case view-${view}" data-view="${view}" data-indices="${indices}">${parts.join('')}</article>`;
}

function renderHeading({ model }: CaseAnalysis): string {
  const level = model.header.get('level')?.value;
  const meta = [level && `<span class="level">${escapeHtml(level)}</span>`, ...model.tags.map((t) => `<span class="tag">${escapeHtml(t.text)}</span>`)].filter(Boolean).join(' ');
  const line = model.header.get('title')?.range.start.line ?? 0;
  return `<header class="case-header"${lineAttribute(line)}><h1>${escapeHtml(model.title ?? 'Untitled case')}</h1>${meta ? `<p class="meta">${meta}</p>` : ''}</header>`;
}

function renderPatient({ model }: CaseAnalysis): string {
  const section = model.sections.get('patient');
  if (!section) return '';
  const fields = section.fields.filter((f) => f.value).map((f) => `<span class="patient-${escapeHtml(f.key)}"${lineAttribute(f.range.start.line)}>${escapeHtml(f.value)}</span>`);
  return fields.length ? `<p class="patient"${lineAttribute(section.headerRange.start.line)}>Patient: ${fields.join(', ')}</p>` : '';
}

/** Prose: consecutive lines form a paragraph; a blank line or an image line starts a new one. Images stand where they are written. */
function proseHtml(section: SectionNode | undefined, title: string, imageAt: (line: number) => string): string {
  if (!section?.prose.length) return '';
  const blocks: ({ line: number; text: string[] } | { html: string })[] = [];
  let previousLine = -2;
  for (const line of section.prose) {
    const at = line.range.start.line;
    if (isImageLine(line)) {
      blocks.push({ html: imageAt(at) });
      previousLine = -2;
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (at !== previousLine + 1 || !last || !('text' in last)) blocks.push({ line: at, text: [line.text] });
    else last.text.push(line.text);
    previousLine = at;
  }
  const body = blocks.map((b) => ('html' in b ? b.html : `<p${lineAttribute(b.line)}>${escapeHtml(b.text.join(' '))}</p>`)).join('');
  const heading = title ? `<h2>${escapeHtml(title)}</h2>` : '';
  return `<section class="prose prose-${escapeHtml(section.name)}"${lineAttribute(section.headerRange.start.line)}>${heading}${body}</section>`;
}

/** A step of progressive disclosure: visible without script (print, static pages). */
function stage(id: string, title: string, content: string, line: number | undefined): string {
  if (!content) return '';
  return `<section class="stage stage-${id}" data-stage="${id}"${lineAttribute(line)}><h2>${title}</h2><div class="stage-body">${content}</div></section>`;
}

function renderLabs(analysis: CaseAnalysis, hidden: ReadonlySet<string>): string {
  const panels = analysis.clinical.panels;
  if (!panels.length) return '';
  // One unqualified panel needs no heading of its own under "Labs".
  const titled = panels.length > 1 || panels[0].panel.qualifier !== undefined;
  const tables = panels.map((reading) => `<div class="panel">${titled ? `<h3${lineAttribute(reading.panel.section.headerRange.start.line)}>${renderPanelTitle(reading)}</h3>` : ''}${renderLabsTable(reading, hidden)}</div>`).join('');
  return tables + renderSerialCharts(panels);
}

/** Each smear in file order; a lone unqualified smear needs no heading of its own. */
function renderSmears({ model }: CaseAnalysis, pictures: (section: SectionNode) => string): string {
  const { smears } = model;
  const titled = smears.length > 1 || (smears.length === 1 && smears[0].qualifier !== undefined);
  return smears.map((smear) => {
    const body = renderSmear(smear) + pictures(smear.section);
    if (!titled) return body;
    const title = smear.qualifier ? escapeHtml(smear.qualifier) : 'At presentation';
    return `<div class="panel"><h3${lineAttribute(smear.section.headerRange.start.line)}>${title}</h3>${body}</div>`;
  }).join('');
}

function renderSmear(smear: SmearPanel): string {
  const findings = smear.findings.map((item) => {
    const description = term('smearFindings', item.text.toLowerCase())?.description;
    // A catalog finding by its readable label; a word the catalog does not know, as written.
    const label = description ? readableLabel(item.text.toLowerCase()) : item.text;
    return `<li${lineAttribute(item.range.start.line)}${description ? ` title="${escapeHtml(description)}"` : ''}>${escapeHtml(label)}</li>`;
  }).join('');
  const note = smear.note;
  return `${findings ? `<ul class="findings">${findings}</ul>` : ''}${note?.value ? `<p class="note"${lineAttribute(note.range.start.line)}>${escapeHtml(note.value)}</p>` : ''}`;
}

function renderMarrow({ model }: CaseAnalysis, pictures: (section: SectionNode) => string): string {
  const section = model.sections.get('marrow');
  if (!section) return '';
  const rows = section.fields.filter((f) => f.key !== 'note' && f.key !== 'image' && f.key !== 'alt' && f.value).map((f) =>
    `<tr${lineAttribute(f.range.start.line)}><th scope="row">${escapeHtml(readableLabel(f.key))}</th><td>${escapeHtml(marrowValueLabel(f.key, f.value))}</td></tr>`).join('');
  const note = section.fields.find((f) => f.key === 'note');
  return `${rows ? `<table class="marrow"><tbody>${rows}</tbody></table>` : ''}${note?.value ? `<p class="note"${lineAttribute(note.range.start.line)}>${escapeHtml(note.value)}</p>` : ''}${pictures(section)}`;
}


/** A whole page for one case: the body (one view or both) inside the shell. */
export function renderCaseDocument(analysis: CaseAnalysis, options: DocumentOptions): string {
  const bodies = options.view === 'both'
    ? `${renderCaseBody(analysis, 'learner', options.learner, options.images)}${renderCaseBody(analysis, 'answer', {}, options.images).replace('<article ', '<article hidden ')}`
    : renderCaseBody(analysis, options.view, options.learner, options.images);
  return renderDocumentShell(bodies, analysis.model.title ?? 'Case', options);
}
