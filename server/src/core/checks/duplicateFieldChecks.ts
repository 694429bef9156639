// A field given twice in one place: the second is ignored by everything else, so say so.
// In a labs panel, an alias and its key name the same lab (`hb` and `hemoglobin`); elsewhere an
// alias key names its field (`ring-sideroblasts` and `ringed-sideroblasts`). Fields the vocabulary
// marks repeatable (a question's options, a section's images) repeat by design.
import { findLabByLowercaseName } from '../catalog/labCatalog';
import { canonicalFieldKey, fieldSpec } from '../catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseSyntax, FieldNode } from '../syntax/syntaxTree';

export function checkDuplicateFields(syntax: CaseSyntax): CaseDiagnostic[] {
  const diagnostics = duplicatesIn(syntax.header, () => 'the header', keyOf);
  for (const section of syntax.sections) {
    const place = () => `[${section.rawName}${section.qualifier ? `: ${section.qualifier}` : ''}]`;
    const identity = section.name === 'labs' ? labOf : (field: FieldNode) => (fieldSpec(section.name, field.key)?.repeatable ? undefined : canonicalFieldKey(section.name, field.key));
    for (const d of duplicatesIn(section.fields, place, identity)) diagnostics.push(d);
  }
  return diagnostics;
}

const keyOf = (field: FieldNode) => field.key;
const labOf = (field: FieldNode) => findLabByLowercaseName(field.key)?.key ?? field.key;

/** `place` is worded only when there is a duplicate to report. */
function duplicatesIn(fields: FieldNode[], place: () => string, identity: (field: FieldNode) => string | undefined): CaseDiagnostic[] {
  const firstLine = new Map<string, number>();
  const diagnostics: CaseDiagnostic[] = [];
  for (const field of fields) {
    const id = identity(field);
    if (id === undefined) continue;
    const first = firstLine.get(id);
    if (first === undefined) {
      firstLine.set(id, field.keyRange.start.line);
      continue;
    }
    const same = id === field.key ? `\`${field.rawKey}\`` : `\`${field.rawKey}\` (${id})`;
    diagnostics.push(diagnostic('error', 'duplicate-field',
      `${same} is given twice in ${place()}; the first, on line ${first + 1}, is the one used.`, field.keyRange));
  }
  return diagnostics;
}
