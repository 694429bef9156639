// Case ids across the bank: where an id is defined (`case:`), where it is referenced
// (`see-also:`), and the edits that rename it everywhere.
import type { CaseModel } from '../model/caseModel';
import { rangeContains, type Position, type Range } from '../text';
import type { WorkspaceEdit } from './edits';

export interface Location {
  uri: string;
  range: Range;
}

export const CASE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The case id under the cursor, from the `case:` value or a see-also item. */
export function caseIdAt(model: CaseModel, position: Position): { id: string; range: Range } | undefined {
  if (model.id && model.idRange && rangeContains(model.idRange, position)) return { id: model.id, range: model.idRange };
  const item = model.seeAlso.find((i) => rangeContains(i.range, position));
  return item ? { id: item.text, range: item.range } : undefined;
}

export function definitions(id: string, bank: Iterable<[string, CaseModel]>): Location[] {
  const found: Location[] = [];
  for (const [uri, model] of bank) if (model.id === id && model.idRange) found.push({ uri, range: model.idRange });
  return found;
}

export function references(id: string, bank: Iterable<[string, CaseModel]>, includeDeclaration: boolean): Location[] {
  const found: Location[] = [];
  for (const [uri, model] of bank) {
    if (includeDeclaration && model.id === id && model.idRange) found.push({ uri, range: model.idRange });
    for (const item of model.seeAlso) if (item.text === id) found.push({ uri, range: item.range });
  }
  return found;
}

export type RenameOutcome = { ok: true; edit: WorkspaceEdit } | { ok: false; message: string };

export function renameCaseId(id: string, newId: string, bank: [string, CaseModel][]): RenameOutcome {
  if (!CASE_ID.test(newId)) return { ok: false, message: `\`${newId}\` is not a valid case id: use lowercase letters, digits and single \`-\`.` };
  if (newId !== id && bank.some(([, model]) => model.id === newId)) return { ok: false, message: `The bank already has a case \`${newId}\`.` };
  const changes: WorkspaceEdit['changes'] = {};
  for (const location of references(id, bank, true)) (changes[location.uri] ??= []).push({ range: location.range, newText: newId });
  return { ok: true, edit: { changes } };
}
