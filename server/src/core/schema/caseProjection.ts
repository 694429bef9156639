// The case model as the plain JSON object that case.schema.json describes, with a map from
// each JSON pointer back to the source, so schema errors land on the field that caused them.
// The map is built only when an error asks for it: most cases are valid, and on a big bank
// building thousands of pointer strings nobody reads was a measurable share of `check`.
import { canonicalFieldKey, canonicalTerm, fieldSpec, fieldSpecIndex, REPEATABLE_SECTIONS, type FieldSpec } from '../catalog/vocabulary';
import type { CaseModel } from '../model/caseModel';
import { numberOf } from '../questions/questionModel';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import type { Range } from '../text';
import { listItemTexts, splitListValue } from '../util/lists';

export interface SourceSpot {
  /** The key (for a field) or the section header (for a section). */
  keyRange: Range;
  /** The value, or the list item, or the header for a section. */
  valueRange: Range;
}

export interface CaseProjection {
  /** The case it projects. */
  model: CaseModel;
  /** Built on first read: a case that surely passes the schema is never projected (schemaPrecheck.ts). */
  readonly json: Record<string, unknown>;
  /** Where the value at a JSON pointer (`/marrow/erythroid`, `/tags/1`) came from. */
  spot(pointer: string): SourceSpot | undefined;
}

export const PROJECTED_SECTIONS = ['patient', 'smear', 'marrow', 'answer'] as const;
const PERCENT = /^(\d+(?:\.\d+)?|\.\d+)[ \t]*%?$/;

/**
 * A section that may repeat (`smear`) projects as an array of every occurrence in file order;
 * the others as one object, from their first occurrence (a second is a check of its own).
 */
export function projectedOccurrences(model: CaseModel, name: string): SectionNode[] {
  if (REPEATABLE_SECTIONS.includes(name)) return model.syntax.sections.filter((s) => s.name === name);
  const section = model.sections.get(name);
  return section ? [section] : [];
}

export function projectCase(model: CaseModel): CaseProjection {
  return new LazyProjection(model);
}

/**
 * A class, not an object literal with a getter: a literal's getter is a new closure each time,
 * which gives every projection its own hidden class in the old generation, and through it kept
 * each case's whole model alive until a full collection (a 3× slower `check`).
 */
class LazyProjection implements CaseProjection {
  private projected: Record<string, unknown> | undefined;
  private spots: Map<string, SourceSpot> | undefined;

  constructor(readonly model: CaseModel) {}

  get json(): Record<string, unknown> {
    return (this.projected ??= projectJson(this.model));
  }

  spot(pointer: string): SourceSpot | undefined {
    return (this.spots ??= sourceSpots(this.model)).get(pointer);
  }
}

function projectJson(model: CaseModel): Record<string, unknown> {
  const json = projectFields('header', model.syntax.header);
  for (const name of PROJECTED_SECTIONS) {
    const objects = projectedOccurrences(model, name).map((section) => projectFields(name, section.fields));
    if (objects.length) json[name] = REPEATABLE_SECTIONS.includes(name) ? objects : objects[0];
  }
  if (model.questions.length) json.questions = model.questions.map((q) => projectFields('question', q.section.fields));
  return json;
}

/**
 * Projects the first occurrence of each key (duplicates are a check of their own), under the
 * key an alias stands for (`ring-sideroblasts` → `ringed-sideroblasts`).
 */
function projectFields(section: string, fields: FieldNode[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const specs = fieldSpecIndex(section);
  for (const field of fields) {
    // One lookup gives both the spec and the key it is known by (what canonicalFieldKey says).
    const spec = specs?.get(field.key);
    const key = spec?.key ?? field.key;
    if (spec?.repeatable) {
      // Repeated keys (a question's options) project as one array, in file order.
      const list = Object.hasOwn(object, key) ? object[key] as unknown[] : (object[key] = []) as unknown[];
      list.push(projectValue(spec, field));
    } else if (!Object.hasOwn(object, key)) {
      // hasOwn, not `in`: a field named `constructor` is a field like any other.
      object[key] = projectValue(spec, field);
    }
  }
  return object;
}

/** The pointer → source map, laid out exactly as projectFields lays out the JSON. */
function sourceSpots(model: CaseModel): Map<string, SourceSpot> {
  const spots = new Map<string, SourceSpot>();
  const repeats = new Map<string, number>();
  const addFields = (section: string, fields: FieldNode[], pointer: string) => {
    for (const field of fields) {
      let fieldPointer = `${pointer}/${escapePointer(canonicalFieldKey(section, field.key))}`;
      if (fieldSpec(section, field.key)?.repeatable) {
        const count = repeats.get(fieldPointer) ?? 0;
        repeats.set(fieldPointer, count + 1);
        fieldPointer = `${fieldPointer}/${count}`;
      }
      if (spots.has(fieldPointer)) continue;
      spots.set(fieldPointer, { keyRange: field.keyRange, valueRange: field.value ? field.valueRange : field.keyRange });
      if (fieldSpec(section, field.key)?.type !== 'list') continue;
      splitListValue(field).forEach((item, i) => spots.set(`${fieldPointer}/${i}`, { keyRange: field.keyRange, valueRange: item.range }));
    }
  };
  addFields('header', model.syntax.header, '');
  for (const name of PROJECTED_SECTIONS) {
    projectedOccurrences(model, name).forEach((section, i) => {
      const pointer = REPEATABLE_SECTIONS.includes(name) ? `/${name}/${i}` : `/${name}`;
      spots.set(pointer, { keyRange: section.headerRange, valueRange: section.headerRange });
      addFields(name, section.fields, pointer);
    });
  }
  model.questions.forEach((question, i) => {
    spots.set(`/questions/${i}`, { keyRange: question.section.headerRange, valueRange: question.section.headerRange });
    addFields('question', question.section.fields, `/questions/${i}`);
  });
  return spots;
}

/** A field's value as the schema sees it: a list as an array, a percentage as a number, a controlled word as the vocabulary spells it. */
export function projectValue(spec: FieldSpec | undefined, field: FieldNode): unknown {
  switch (spec?.type) {
    case 'list':
      // The texts alone: the schema sees no ranges, and every list of every case comes through here.
      return listItemTexts(field).map((text) => canonicalWord(spec, text));
    case 'percent': {
      const match = PERCENT.exec(field.value);
      return match ? Number(match[1]) : field.value;
    }
    case 'enum':
      return canonicalWord(spec, field.value);
    case 'number':
      return numberOf(field.value) ?? field.value;
    default:
      return field.value;
  }
}

/** Whether projectValue gives a field of this spec as its text, unchanged. */
export function projectsAsText(spec: FieldSpec | undefined): boolean {
  return spec?.type !== 'list' && spec?.type !== 'percent' && spec?.type !== 'enum' && spec?.type !== 'number';
}

/** Controlled words match without regard to case: `Hyperplastic` is `hyperplastic`. */
function canonicalWord(spec: FieldSpec, word: string): string {
  return spec.values ? canonicalTerm(spec.values, word) ?? word : word;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
