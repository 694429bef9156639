// Readable labels for the catalog's ids, for pages students read (preview, render, export):
// `ineffective-hematopoiesis` → "Ineffective hematopoiesis", `me-ratio` → "M:E ratio",
// `nucleated-rbcs` → "Nucleated RBCs". The ids stay the one source; this is how they are said.
import { canonicalTerm, fieldSpec, findTermAnywhere, term } from './vocabulary';

/** Words that are abbreviations or symbols, not lowercase words. */
const WORDS: Record<string, string> = {
  me: 'M:E', rbc: 'RBC', rbcs: 'RBCs', wbc: 'WBC', b12: 'B12', mcv: 'MCV', ldh: 'LDH', mds: 'MDS', pnh: 'PNH', dat: 'DAT', rpi: 'RPI', anc: 'ANC',
};

export function readableLabel(id: string): string {
  const label = findTermAnywhere(id)?.term.label;
  if (label) return label.charAt(0).toUpperCase() + label.slice(1);
  // Already written as its author meant it (`MF-3`, a grade) or not an id at all.
  if (/[A-Z\s]/.test(id) || !id.includes('-') && !(id in WORDS)) return id.charAt(0).toUpperCase() + id.slice(1);
  const words = id.split('-').map((w) => WORDS[w] ?? w);
  const first = words[0];
  words[0] = first === first.toLowerCase() ? first.charAt(0).toUpperCase() + first.slice(1) : first;
  return words.join(' ');
}

/** The same mid-sentence: `hypersegmented-neutrophils` → "hypersegmented neutrophils", `me-ratio` → "M:E ratio". */
export function readableWords(id: string): string {
  const label = findTermAnywhere(id)?.term.label;
  if (label) return label;
  if (/[A-Z\s]/.test(id)) return id;
  return id.split('-').map((w) => WORDS[w] ?? w).join(' ');
}

/** A smear finding as a reader sees it: a catalog word by its label, a word of the author's own as written. */
export function smearFindingLabel(word: string): string {
  return term('smearFindings', word.toLowerCase()) ? readableLabel(word.toLowerCase()) : word;
}

/** A controlled marrow word by its label (`dry-tap` → "Dry tap"); numbers and free text as written. */
export function marrowValueLabel(key: string, value: string): string {
  const word = marrowTerm(key, value);
  return word ? readableLabel(word) : value;
}

/** The same mid-sentence (`dry-tap` → "dry tap"). */
export function marrowValueWords(key: string, value: string): string {
  const word = marrowTerm(key, value);
  return word ? readableWords(word) : value;
}

/** The controlled word a marrow field's value is, when its field takes one. */
function marrowTerm(key: string, value: string): string | undefined {
  const list = fieldSpec('marrow', key)?.values;
  return list ? canonicalTerm(list, value) : undefined;
}
