// Anki: a tab-separated notes file with header lines Anki reads on import. The first column is
// a GUID built from the case id and the question id, so importing again updates the notes
// instead of duplicating them. A card shows the question, not the case: the stem's and the
// options' images are on it (by file name, as Anki's fields name media), and the files go to
// anki-media/, to be copied into collection.media; the case sections' images are not on cards.
import { escapeHtml } from '../render/escape';
import type { Question } from '../questions/questionModel';
import type { CaseImage } from '../images/imageModel';
import { caseKey, caseSteps, caseTitle, exportImageName, imageOf, questionKey } from './caseText';
import type { ExportCase, ExportResult } from './exportTypes';

export function exportAnki(cases: readonly ExportCase[]): ExportResult {
  const warnings: string[] = [];
  const files = new Map<string, string | Uint8Array>();
  // Anki's stock note type, whose fields the Front and Back columns fill by name; a collection
  // without it falls back to the note type chosen in the import dialog.
  const rows = ['#separator:tab', '#html:true', '#notetype:Basic', '#guid column:1', '#deck column:2', '#tags column:5', '#columns:GUID\tDeck\tFront\tBack\tTags'];
  for (const exportCase of cases) {
    const { analysis } = exportCase;
    const caseImages = [...analysis.model.sectionImages.values()].flat();
    if (caseImages.length) warnings.push(`Anki: a card carries a question, not the case; ${caseKey(analysis)}'s ${caseImages.length} section image${caseImages.length === 1 ? ' is' : 's are'} not on cards.`);
    for (const step of caseSteps(analysis)) {
      for (const question of step.questions) {
        const picture = (image: CaseImage | undefined): string => {
          if (!image) return '';
          const bytes = imageOf(exportCase, image, warnings);
          if (!bytes) return '';
          const media = exportImageName(analysis, image);
          files.set(`anki-media/${media}`, bytes);
          return `<img src="${escapeHtml(media)}" alt="${escapeHtml(image.alt ?? '')}">`;
        };
        const stemPicture = picture(question.image);
        const front = `<p><b>${escapeHtml(caseTitle(analysis))}</b></p><p>${escapeHtml(question.stem!.value)}</p>${stemPicture ? `<p>${stemPicture}</p>` : ''}${choices(question, picture)}`;
        const tags = [`casewright::${caseKey(analysis)}`, ...question.tags.map((t) => t.replace(/\s+/g, '-'))];
        rows.push([questionKey(analysis, question), `Casewright::${caseTitle(analysis)}`, front, back(question), tags.join(' ')].map(cell).join('\t'));
      }
    }
  }
  if ([...files.keys()].length) warnings.push('Anki: copy the files in anki-media/ into your profile\'s collection.media folder before importing.');
  files.set('questions.anki.txt', `${rows.join('\n')}\n`);
  return { files, warnings };
}

function choices(question: Question, picture: (image: CaseImage | undefined) => string): string {
  if (question.type === 'ordering') {
    // Shown in a fixed shuffle (reversed), so the card never shows the answer as the question.
    return `<p>Put in order:</p><ul>${[...question.options].reverse().map((o) => `<li>${escapeHtml(o.text)}${picture(o.image)}</li>`).join('')}</ul>`;
  }
  if (!question.options.length || question.type === 'numeric' || question.type === 'short') return '';
  return `<ol type="A">${question.options.map((o) => `<li>${escapeHtml(o.text)}${picture(o.image)}</li>`).join('')}</ol>`;
}

function back(question: Question): string {
  const parts: string[] = [];
  if (question.type === 'numeric') parts.push(`<p><b>${escapeHtml(question.answers.map((a) => a.value).join(' or '))}${question.unit ? ` ${escapeHtml(question.unit)}` : ''}</b>${question.tolerance ? ` (± ${question.tolerance})` : ''}</p>`);
  else if (question.type === 'short') parts.push(`<p><b>${escapeHtml(question.answers.map((a) => a.value).join(' / '))}</b></p>`);
  else if (question.type === 'ordering') parts.push(`<ol>${question.options.map((o) => `<li>${escapeHtml(o.text)}${o.feedback ? ` — ${escapeHtml(o.feedback)}` : ''}</li>`).join('')}</ol>`);
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
