// Pictures in a case: with a question's stem, with an option, and in the case's own sections.
// One shape for all of them, so the checks, the preview and every export treat them alike.
// Field sections and questions write an image as two fields, `image: path` and `alt: text`
// directly below it; prose sections (where a colon is just text) write a line of its own,
// `![alt text](path)`. Pure interpretation: problems are said by imageChecks.
import { sectionTitle } from '../syntax/sectionTitle';
import type { FieldNode, SectionNode, TextLine } from '../syntax/syntaxTree';
import { makeRange, type Range } from '../text';

export interface CaseImage {
  /** As written: a path relative to the case file. */
  path: string;
  /** What the image shows; undefined or empty when missing (an error). */
  alt?: string;
  /** The `image` key, or the whole `![…](…)` line. */
  keyRange: Range;
  /** Where the path is written. */
  pathRange: Range;
  /** `image:`/`alt:` fields, or a `![alt](path)` prose line. */
  form: 'field' | 'prose';
  /** Where it is shown, in words: "[smear: day 7]", "question rpi", "option 2 of question rpi". */
  where: string;
}

/** Sections whose images are read as `image:`/`alt:` fields (a labs panel's fields are labs). */
export const IMAGE_FIELD_SECTIONS: ReadonlySet<string> = new Set(['smear', 'marrow']);
/** Prose sections whose lines may be `![alt](path)` images. */
export const IMAGE_PROSE_SECTIONS: ReadonlySet<string> = new Set(['history', 'exam', 'course']);

/** `![alt](path)` alone on a line; neither part holds its closing bracket. Linear. */
const PROSE_IMAGE = /^!\[([^\]\n]*)\]\(([^)\n]*)\)$/;

/** The image a prose line stands for, or undefined for ordinary text. */
export function proseImage(line: TextLine, where: string): CaseImage | undefined {
  const text = line.text.trimEnd();
  const match = PROSE_IMAGE.exec(text);
  if (!match) return undefined;
  const start = line.range.start;
  const pathStart = start.character + 4 + match[1].length;
  const leading = match[2].length - match[2].trimStart().length;
  const path = match[2].trim();
  return {
    path,
    alt: match[1].trim() || undefined,
    keyRange: makeRange(start.line, start.character, start.line, start.character + text.length),
    pathRange: makeRange(start.line, pathStart + leading, start.line, pathStart + leading + path.length),
    form: 'prose',
    where,
  };
}

export function fieldImage(field: FieldNode, where: string): CaseImage {
  return { path: field.value, keyRange: field.keyRange, pathRange: field.valueRange, form: 'field', where };
}

/**
 * Images of a smear or marrow section: each `image:` takes the `alt:` directly below it; an
 * `alt:` elsewhere goes to the first image still without one (so nothing typed is dropped).
 */
export function sectionImages(section: SectionNode): CaseImage[] {
  if (IMAGE_PROSE_SECTIONS.has(section.name)) {
    const images: CaseImage[] = [];
    for (const line of section.prose) {
      // An image line starts with `!`: every other line of prose is passed over at one character.
      if (line.text.charCodeAt(0) !== 33 /* ! */) continue;
      const image = proseImage(line, sectionTitle(section));
      if (image) images.push(image);
    }
    return images;
  }
  if (!IMAGE_FIELD_SECTIONS.has(section.name)) return [];
  const images: CaseImage[] = [];
  const looseAlts: string[] = [];
  let previous: FieldNode | undefined;
  for (const field of section.fields) {
    if (field.key === 'image') images.push(fieldImage(field, sectionTitle(section)));
    else if (field.key === 'alt') {
      const last = images[images.length - 1];
      if (previous?.key === 'image' && last && last.alt === undefined) last.alt = field.value || undefined;
      else if (field.value) looseAlts.push(field.value);
    }
    previous = field;
  }
  for (const image of images) if (image.alt === undefined && looseAlts.length) image.alt = looseAlts.shift();
  return images;
}

/** Whether a prose line is an image (the preview shows it as one, not as text). */
export function isImageLine(line: TextLine): boolean {
  return PROSE_IMAGE.test(line.text.trimEnd());
}
