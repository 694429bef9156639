// Completion of a question's stage: after `[question: ` the stages this case has (`after
// history`, `after labs day 3`, `after smear`, …), in the order the preview reveals them, so
// that a question can only be tied to a stage that exists.
import type { CaseModel } from '../model/caseModel';
import { stagesPresent } from '../questions/questionModel';
import type { Position, Range } from '../text';
import { ITEM_KIND, sortKey, type CompletionResult } from './completionItem';

/** `[question:` then the qualifier typed so far (no `]` yet before the cursor). */
const QUESTION_QUALIFIER = /^\[[ \t]*question[ \t]*:[ \t]*/i;

/** Items for the cursor in a `[question: …]` qualifier, or undefined when it is not in one. */
export function stageItems(model: CaseModel, position: Position, lineText: string): CompletionResult[] | undefined {
  const before = lineText.slice(0, position.character);
  const opening = QUESTION_QUALIFIER.exec(before);
  if (!opening || before.includes(']')) return undefined;
  // Replace the qualifier up to the `]` (or the line's end): what was typed is the filter.
  const close = lineText.indexOf(']', position.character);
  const end = close >= 0 ? close : lineText.trimEnd().length;
  const range: Range = { start: { line: position.line, character: opening[0].length }, end: { line: position.line, character: Math.max(end, position.character) } };
  return stagesPresent(model).map((stage, i) => ({
    label: stage,
    kind: ITEM_KIND.enumMember,
    detail: 'a stage of this case',
    documentation: `The question is asked once the student has seen ${stage.slice('after '.length)}.`,
    sortText: sortKey(i),
    textEdit: { range, newText: close >= 0 ? stage : `${stage}]` },
  }));
}
