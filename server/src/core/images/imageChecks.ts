// Checks on every image of a case (sections, stems, options): alt text, a path inside the
// bank with an image's extension, and (asked of the caller, as the core reads no files) that
// the file exists, is no link and is not too large to embed.
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';
import { imagePathProblem } from './imageLimits';

/** True when the file is usable; false when it does not exist; a string says what else is wrong. */
export type ImageFileCheck = (path: string) => boolean | string;

export function checkImages(model: CaseModel, fileCheck?: ImageFileCheck): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  for (const image of model.images) {
    if (!image.alt) {
      diagnostics.push(diagnostic('error', 'image-without-alt',
        `The image of ${image.where} needs alt text saying what it shows, for students who cannot see it (and for every export): ${image.form === 'prose' ? 'write it between the brackets, `![what it shows](path)`' : '`alt:` on the line below the image'}.`,
        image.keyRange));
    }
    if (!image.path) {
      diagnostics.push(diagnostic('error', 'image-not-found', 'This image has no path: write the file, relative to the case file (`images/smear.png`).', image.keyRange));
      continue;
    }
    const problem = imagePathProblem(image.path);
    if (problem) {
      diagnostics.push(diagnostic('error', 'image-not-found', `\`${image.path}\` ${problem}.`, image.pathRange));
      continue;
    }
    const found = fileCheck?.(image.path) ?? true;
    if (found === false) diagnostics.push(diagnostic('error', 'image-not-found', `\`${image.path}\` does not exist (relative to this case file).`, image.pathRange));
    else if (typeof found === 'string') diagnostics.push(diagnostic('error', 'image-not-found', `\`${image.path}\` ${found}.`, image.pathRange));
  }
  for (const question of model.questions) {
    for (const extra of question.extraImages) {
      diagnostics.push(diagnostic('error', 'duplicate-field',
        'This image is not shown: a question has one image with its stem and one below each option. Put it under an `option:` or make a second question.', extra.keyRange));
    }
  }
  return diagnostics;
}
