// Readable labels for the catalog's ids, for pages students read (preview, render, export):
// `ineffective-hematopoiesis` → "Ineffective hematopoiesis", `me-ratio` → "M:E ratio",
// `nucleated-rbcs` → "Nucleated RBCs". The ids stay the one source; this is how they are said.

/** Words that are abbreviations or symbols, not lowercase words. */
const WORDS: Record<string, string> = {
  me: 'M:E', rbc: 'RBC', rbcs: 'RBCs', wbc: 'WBC', b12: 'B12', mcv: 'MCV', ldh: 'LDH', mds: 'MDS', pnh: 'PNH', dat: 'DAT', rpi: 'RPI', anc: 'ANC',
};

export function readableLabel(id: string): string {
  // Already written as its author meant it (`MF-3`, a grade) or not an id at all.
  if (/[A-Z\s]/.test(id) || !id.includes('-') && !(id in WORDS)) return id.charAt(0).toUpperCase() + id.slice(1);
  const words = id.split('-').map((w) => WORDS[w] ?? w);
  const first = words[0];
  words[0] = first === first.toLowerCase() ? first.charAt(0).toUpperCase() + first.slice(1) : first;
  return words.join(' ');
}

/** The same mid-sentence: `hypersegmented-neutrophils` → "hypersegmented neutrophils", `me-ratio` → "M:E ratio". */
export function readableWords(id: string): string {
  if (/[A-Z\s]/.test(id)) return id;
  return id.split('-').map((w) => WORDS[w] ?? w).join(' ');
}
