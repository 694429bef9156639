// Typed access to schemas/vocabulary.json: the format's sections, fields and controlled words.
// The JSON is bundled, so the core reads no files.
import vocabularyJson from '../../../../schemas/vocabulary.json';
import type { SectionKind } from '../syntax/syntaxTree';

export type FieldType = 'text' | 'list' | 'enum' | 'case-id' | 'age' | 'percent' | 'ratio' | 'number';

export interface FieldSpec {
  key: string;
  type: FieldType;
  description: string;
  required?: boolean;
  /** May be given more than once (a question's `option`, `feedback`, `answer`, `objective`). */
  repeatable?: boolean;
  /** For enum and list fields: the name of the word list in `enums`. */
  values?: string;
  /** Other spellings of the key (`ring-sideroblasts` for `ringed-sideroblasts`). */
  aliases?: string[];
}

export interface SectionSpec {
  name: string;
  kind: Exclude<SectionKind, 'unknown'>;
  repeatable: boolean;
  description: string;
}

export interface Term {
  id: string;
  /** How it is said mid-sentence when that is not the id with spaces (`Heinz bodies`). */
  label?: string;
  description: string;
}

interface VocabularyFile {
  headerFields: FieldSpec[];
  sections: SectionSpec[];
  patientFields: FieldSpec[];
  smearFields: FieldSpec[];
  answerFields: FieldSpec[];
  marrowFields: FieldSpec[];
  questionFields: FieldSpec[];
  enums: Record<string, Term[]>;
}

const vocabulary = vocabularyJson as unknown as VocabularyFile;

export const SECTIONS: readonly SectionSpec[] = vocabulary.sections;
export const HEADER_FIELDS: readonly FieldSpec[] = vocabulary.headerFields;

const sectionsByName = new Map(SECTIONS.map((s) => [s.name, s]));

/** Field specs for each field section; `labs` fields are lab names, governed by the lab catalog. */
const FIELDS_BY_SECTION: Record<string, readonly FieldSpec[]> = {
  patient: vocabulary.patientFields,
  smear: vocabulary.smearFields,
  marrow: vocabulary.marrowFields,
  answer: vocabulary.answerFields,
  question: vocabulary.questionFields,
};

export function sectionSpec(name: string): SectionSpec | undefined {
  return sectionsByName.get(name);
}

export function sectionKind(name: string): SectionKind {
  return sectionsByName.get(name)?.kind ?? 'unknown';
}

/** The known fields of a section (`header` for the fields before the first section). */
export function fieldSpecs(section: string): readonly FieldSpec[] | undefined {
  return section === 'header' ? HEADER_FIELDS : FIELDS_BY_SECTION[section];
}

/** section → key or alias → spec, built once: the projection asks for every field of every case. */
const specIndex = new Map<string, Map<string, FieldSpec>>(
  ['header', ...Object.keys(FIELDS_BY_SECTION)].map((section) => [
    section,
    new Map((fieldSpecs(section) ?? []).flatMap((f) => [f.key, ...(f.aliases ?? [])].map((name) => [name, f] as const))),
  ]),
);

/** A section's field specs by key and alias (`header` for the header), for a caller that looks up every field of it. */
export function fieldSpecIndex(section: string): ReadonlyMap<string, FieldSpec> | undefined {
  return specIndex.get(section);
}

/** The spec of a field by its key or an alias of it. */
export function fieldSpec(section: string, key: string): FieldSpec | undefined {
  return specIndex.get(section)?.get(key);
}

/** The key a field is known by: an alias (`ring-sideroblasts`) becomes its key; unknown keys stay. */
export function canonicalFieldKey(section: string, key: string): string {
  return fieldSpec(section, key)?.key ?? key;
}

/** list → lowercased id → id, for matching controlled words without regard to case. */
const wordIndex = new Map(Object.entries(vocabulary.enums).map(([list, words]) => [list, new Map(words.map((t) => [t.id.toLowerCase(), t.id]))]));

/** The controlled word as the vocabulary spells it (`Hyperplastic` → `hyperplastic`), if any. */
export function canonicalTerm(listName: string, word: string): string | undefined {
  return wordIndex.get(listName)?.get(word.toLowerCase());
}

export function terms(listName: string): readonly Term[] {
  return vocabulary.enums[listName] ?? [];
}

export function term(listName: string, id: string): Term | undefined {
  return terms(listName).find((t) => t.id === id);
}

/** Every controlled word with its list, for hovers on a word wherever it appears. */
export function findTermAnywhere(id: string): { list: string; term: Term } | undefined {
  for (const [list, words] of Object.entries(vocabulary.enums)) {
    const found = words.find((t) => t.id === id);
    if (found) return { list, term: found };
  }
  return undefined;
}

/** Sections that may repeat, each time with its own qualifier (`[labs: day 7]`, `[smear: day 7]`). */
export const REPEATABLE_SECTIONS: readonly string[] = SECTIONS.filter((s) => s.repeatable).map((s) => s.name);

export const MECHANISMS: readonly Term[] = terms('mechanisms');
export const SMEAR_FINDINGS: readonly Term[] = terms('smearFindings');

/** The review workflow's statuses (`status:` in the header), in their order. */
export const REVIEW_STATUSES: readonly string[] = terms('statuses').map((t) => t.id);
