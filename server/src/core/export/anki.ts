// Anki: a tab-separated notes file with header lines Anki reads on import. The first column is
// a GUID built from the case id and the question id, so importing again updates the notes
// instead of duplicating them. Images go to anki-media/, to be copied into collection.media.
import { escapeHtml } from '../render/escape';
import type { Question } from '../questions/questionModel';
import { caseKey, caseSteps, caseTitle, fileName, imageOf, questionKey } from './caseText';
import type { ExportCase, ExportResult } from './exportTypes';

export function exportAnki(cases: readonly ExportCase[]): ExportResult {
  const warnings: string[] = [];
  const files = new Map<string, string | Uint8Array>();
  const rows = ['#separator:tab', '#html:true', '#guid column:1', '#deck column:2', '#tags column:5', '#columns:GUID\tDeck\tFront\tBack\tTags'];
  for (const exportCase of cases) {
    const { analysis } = exportCase;
    for (const step of caseSteps(analysis)) {
      for (const question of step.questions) {
        let front = `<p><b>${escapeHtml(caseTitle(analysis))}</b></p><p>${escapeHtml(question.stem!.value)}</p>${choices(question)}`;
        const image = imageOf(exportCase, question, warnings);
        if (image && question.image) {
          const media = `${caseKey(analysis)}-${fileName(question.image.path)}`;
          files.set(`anki-media/${media}`, image);
          front += `<p><img src="${escapeHtml(media)}" alt="${escapeHtml(question.image.alt ?? '')}"></p>`;
        }
        const tags = [`casewright::${caseKey(analysis)}`, ...question.tags.map((t) => t.replace(/\s+/g, '-'))];
        rows.push([questionKey(analysis, question), `Casewright::${caseTitle(analysis)}`, front, back(question), tags.join(' ')].map(cell).join('\t'));
      }
    }
  }
  if ([...files.keys()].length) warnings.push('Anki: copy the files in anki-media/ into your profile\'s collection.media folder before importing.');
  files.set('questions.anki.txt', `${rows.join('\n')}\n`);
  return { files, warnings };
}

function choices(question: Question): string {
  if (question.type === 'ordering') {
    // Shown in a fixed shuffle (reversed), so the card never shows the answer as the question.
    return `<p>Put in order:</p><ul>${[...question.options].reverse().map((o) => `<li>${escapeHtml(o.text)}</li>`).join('')}</ul>`;
  }
  if (!question.options.length || question.type === 'numeric' || question.type === 'short') return '';
  return `<ol type="A">${question.options.map((o) => `<li>${escapeHtml(o.text)}</li>`).join('')}</ol>`;
}

function back(question: Question): string {
  const parts: string[] = [];
  if (question.type === 'numeric') parts.push(`<p><b>${escapeHtml(question.answers.map((a) => a.value).join(' or '))}${question.unit ? ` ${escapeHtml(question.unit)}` : ''}</b>${question.tolerance ? ` (± ${question.tolerance})` : ''}</p>`);
  else if (question.type === 'short') parts.push(`<p><b>${escapeHtml(question.answers.map((a) => a.value).join(' / '))}</b></p>`);
  else if (question.type === 'ordering') parts.push(`<ol>${question.options.map((o) => `<li>${escapeHtml(o.text)}</li>`).join('')}</ol>`);
  else {
    parts.push(`<ul>${question.options.map((o) => `<li>${o.correct ? '<b>✓ ' : ''}${escapeHtml(o.text)}${o.correct ? '</b>' : ''}${o.feedback ? ` — ${escapeHtml(o.feedback)}` : ''}</li>`).join('')}</ul>`);
  }
  if (question.explanation) parts.push(`<p>${escapeHtml(question.explanation)}</p>`);
  return parts.join('');
}

/** A cell holds no tab or line break; a quote would start Anki's quoted-field syntax, so quote every cell. */
function cell(value: string): string {
  return `"${value.replace(/[\t\r\n]+/g, ' ').replace(/"/g, '""')}"`;
}
