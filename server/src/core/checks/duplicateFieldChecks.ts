// A field given twice in one place: the second is ignored by everything else, so say so.
// In a labs panel, an alias and its key name the same lab (`hb` and `hemoglobin`); elsewhere an
// alias key names its field (`ring-sideroblasts` and `ringed-sideroblasts`). Fields the vocabulary
// marks repeatable (a question's options, a section's images) repeat by design.
import { fieldSpecIndex, type FieldSpec } from '../catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel, LabPanel } from '../model/caseModel';
import { sectionTitle } from '../syntax/sectionTitle';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';

export function checkDuplicateFields(model: CaseModel): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  duplicatesIn(model.syntax.header, undefined, undefined, undefined, diagnostics);
  // The panels are the labs sections in order, each result the field of the same index.
  let panel = 0;
  for (const section of model.syntax.sections) {
    const labs = section.name === 'labs' ? model.panels[panel++] : undefined;
    duplicatesIn(section.fields, section, labs, labs ? undefined : fieldSpecIndex(section.name), diagnostics);
  }
  return diagnostics;
}

/**
 * What a field is known by, undefined when it may repeat: in a panel, the lab the model looked
 * up; elsewhere the key its spec gives an alias; the key as written in the header and where no
 * spec knows it.
 */
export function identityOf(field: FieldNode, index: number, labs: LabPanel | undefined, specs: ReadonlyMap<string, FieldSpec> | undefined): string | undefined {
  if (labs) return labs.results[index].lab?.key ?? field.key;
  const spec = specs?.get(field.key);
  if (spec?.repeatable) return undefined;
  return spec?.key ?? field.key;
}

function duplicatesIn(fields: readonly FieldNode[], section: SectionNode | undefined, labs: LabPanel | undefined,
  specs: ReadonlyMap<string, FieldSpec> | undefined, diagnostics: CaseDiagnostic[]): void {
  // One field cannot repeat: most sections of a bank are spared the map.
  if (fields.length < 2) return;
  const firstLine = new Map<string, number>();
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const id = identityOf(field, i, labs, specs);
    if (id === undefined) continue;
    const first = firstLine.get(id);
    if (first === undefined) {
      firstLine.set(id, field.line);
      continue;
    }
    const same = id === field.key ? `\`${field.rawKey}\`` : `\`${field.rawKey}\` (${id})`;
    diagnostics.push(diagnostic('error', 'duplicate-field',
      `${same} is given twice in ${placeOf(section)}; the first, on line ${first + 1}, is the one used.`, field.keyRange));
  }
}

/** Worded only when there is a duplicate to report. */
function placeOf(section: SectionNode | undefined): string {
  if (!section) return 'the header';
  return sectionTitle(section, true);
}
