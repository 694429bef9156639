// The first field of each key in a list of fields, as the model hands it out (`model.header`,
// `model.answer`, …). Most of those lists are a few fields long and asked a few keys: a scan
// answers that without the map every case built for each of them; a long list gets its map.
import { canonicalFieldKey } from '../catalog/vocabulary';
import type { FieldNode } from '../syntax/syntaxTree';

/** Read-only, as a map's get and has: the first field of a key (later duplicates are a check of their own). */
export interface FieldLookup {
  get(key: string): FieldNode | undefined;
  has(key: string): boolean;
}

/** Up to this many fields are scanned for a key; beyond it, a map is built on the first question. */
const SCANNED_AT_MOST = 12;

/** With a section, alias keys are found under their key (`ring-sideroblasts` → `ringed-sideroblasts`). */
export function firstFieldByKey(fields: readonly FieldNode[], section?: string): FieldLookup {
  return new FirstFieldByKey(fields, section);
}

class FirstFieldByKey implements FieldLookup {
  private byKey: Map<string, FieldNode> | undefined = undefined;

  constructor(private readonly fields: readonly FieldNode[], private readonly section: string | undefined) {}

  get(key: string): FieldNode | undefined {
    // A section's aliases are looked up per field: then one map serves every question.
    if (this.section !== undefined || this.fields.length > SCANNED_AT_MOST) return (this.byKey ??= this.map()).get(key);
    for (const field of this.fields) if (field.key === key) return field;
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  private map(): Map<string, FieldNode> {
    const map = new Map<string, FieldNode>();
    for (const field of this.fields) {
      const key = this.section === undefined ? field.key : canonicalFieldKey(this.section, field.key);
      if (!map.has(key)) map.set(key, field);
    }
    return map;
  }
}
