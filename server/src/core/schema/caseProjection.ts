// The case model as the plain JSON object that case.schema.json describes, with a map from
// each JSON pointer back to the source, so schema errors land on the field that caused them.
import { canonicalTerm, fieldSpec, type FieldSpec } from '../catalog/vocabulary';
import type { CaseModel } from '../model/caseModel';
import type { FieldNode } from '../syntax/syntaxTree';
import type { Range } from '../text';
import { splitListValue } from '../util/lists';

export interface SourceSpot {
  /** The key (for a field) or the section header (for a section). */
  keyRange: Range;
  /** The value, or the list item, or the header for a section. */
  valueRange: Range;
}

export interface CaseProjection {
  json: Record<string, unknown>;
  spots: Map<string, SourceSpot>;
}

const PROJECTED_SECTIONS = ['patient', 'smear', 'marrow', 'answer'] as const;
const PERCENT = /^(\d+(?:\.\d+)?|\.\d+)[ \t]*%?$/;

export function projectCase(model: CaseModel): CaseProjection {
  const spots = new Map<string, SourceSpot>();
  const json = projectFields('header', model.syntax.header, '', spots);
  for (const name of PROJECTED_SECTIONS) {
    const section = model.sections.get(name);
    if (!section) continue;
    spots.set(`/${name}`, { keyRange: section.headerRange, valueRange: section.headerRange });
    json[name] = projectFields(name, section.fields, `/${name}`, spots);
  }
  return { json, spots };
}

/** Projects the first occurrence of each key (duplicates are a check of their own). */
function projectFields(section: string, fields: FieldNode[], pointer: string, spots: Map<string, SourceSpot>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.key in object) continue;
    const fieldPointer = `${pointer}/${escapePointer(field.key)}`;
    spots.set(fieldPointer, { keyRange: field.keyRange, valueRange: field.value ? field.valueRange : field.keyRange });
    object[field.key] = projectValue(fieldSpec(section, field.key), field, fieldPointer, spots);
  }
  return object;
}

function projectValue(spec: FieldSpec | undefined, field: FieldNode, pointer: string, spots: Map<string, SourceSpot>): unknown {
  switch (spec?.type) {
    case 'list':
      return splitListValue(field).map((item, i) => {
        spots.set(`${pointer}/${i}`, { keyRange: field.keyRange, valueRange: item.range });
        return canonicalWord(spec, item.text);
      });
    case 'percent': {
      const match = PERCENT.exec(field.value);
      return match ? Number(match[1]) : field.value;
    }
    case 'enum':
      return canonicalWord(spec, field.value);
    default:
      return field.value;
  }
}

/** Controlled words match without regard to case: `Hyperplastic` is `hyperplastic`. */
function canonicalWord(spec: FieldSpec, word: string): string {
  return spec.values ? canonicalTerm(spec.values, word) ?? word : word;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
