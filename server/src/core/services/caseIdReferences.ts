// Case ids across the bank: where an id is defined (the `case:` value), where it is referenced
// (`see-also:` items), and the edits that rename it everywhere. The bank is passed in as
// [uri, model] pairs, open and closed files alike; ids match exactly, as the bank checks match them.
import caseSchema from '../../../../schemas/case.schema.json';
import type { CaseModel } from '../model/caseModel';
import type { Position, Range } from '../text';
import type { WorkspaceEdit } from './edits';
import { nodeAtPosition } from './nodeAtPosition';

/** What these services read of a case: its id and links (a closed file's lean summary will do). */
export type CaseIdsAndLinks = Pick<CaseModel, 'id' | 'idRange' | 'seeAlso'>;

export interface Location {
  uri: string;
  range: Range;
}

/** What a case id may look like: the same pattern the checker validates `case:` with. */
export const CASE_ID = new RegExp(caseSchema.properties.case.pattern);

/** The case id under the cursor: the `case:` value or one item of `see-also:`. */
export function caseIdAt(model: CaseModel, position: Position): { id: string; range: Range } | undefined {
  const node = nodeAtPosition(model, position);
  // Only the header's first `case:` and `see-also:` count; later duplicates are errors.
  if (node.kind !== 'value' || node.section) return undefined;
  if (node.field === model.header.get('case')) return model.id && model.idRange ? { id: model.id, range: model.idRange } : undefined;
  if (node.field === model.header.get('see-also') && node.item) return { id: node.item.text, range: node.item.range };
  return undefined;
}

/** Every `case:` value that defines `id` (more than one is a duplicate-id error, but each is shown). */
export function definitions(id: string, bank: Iterable<[string, CaseIdsAndLinks]>): Location[] {
  const found: Location[] = [];
  for (const [uri, model] of bank) if (model.id === id && model.idRange) found.push({ uri, range: model.idRange });
  return found;
}

export function references(id: string, bank: Iterable<[string, CaseIdsAndLinks]>, includeDeclaration: boolean): Location[] {
  const found: Location[] = [];
  for (const [uri, model] of bank) {
    if (includeDeclaration && model.id === id && model.idRange) found.push({ uri, range: model.idRange });
    for (const item of model.seeAlso) if (item.text === id) found.push({ uri, range: item.range });
  }
  return found;
}

export type RenameOutcome = { ok: true; edit: WorkspaceEdit } | { ok: false; message: string };

/** The edit renaming `id` to `newId` in every definition and see-also item, or why it cannot. */
export function renameCaseId(id: string, newId: string, bank: Iterable<[string, CaseIdsAndLinks]>): RenameOutcome {
  const models = [...bank];
  if (!CASE_ID.test(newId)) {
    return { ok: false, message: `\`${newId}\` is not a valid case id: use lowercase letters and digits, with single \`-\` between them (like \`thal-major-01\`).` };
  }
  if (newId !== id && models.some(([, model]) => model.id === newId)) {
    return { ok: false, message: `The bank already has a case \`${newId}\`; case ids must be unique.` };
  }
  const changes: WorkspaceEdit['changes'] = {};
  for (const location of references(id, models, true)) (changes[location.uri] ??= []).push({ range: location.range, newText: newId });
  return { ok: true, edit: { changes } };
}
