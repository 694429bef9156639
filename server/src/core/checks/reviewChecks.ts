// The review workflow in the header: `status` (draft, review, ready, retired), `reviewed-by`,
// `reviewed-on`. A case marked ready is one a teacher may use without reading it again, so it
// must name its reviewer and carry no errors. Retired cases are still checked (they may come
// back); the export leaves them out.
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';

/**
 * `shown` gives the case's own diagnostics so far, as the author sees them (bank-wide ones come
 * later and are not counted); it is asked only for a `ready` case, so other cases skip building it.
 */
export function checkReview(model: CaseModel, shown: () => readonly CaseDiagnostic[]): CaseDiagnostic[] {
  const status = model.header.get('status');
  if (status?.value.toLowerCase() !== 'ready') return [];
  const found: CaseDiagnostic[] = [];
  if (!model.header.get('reviewed-by')?.value) {
    found.push(diagnostic('error', 'ready-without-reviewer',
      'This case is marked `ready` but names no reviewer: add `reviewed-by:` (and `reviewed-on:`), or set `status: review` until someone has reviewed it.',
      status.valueRange));
  }
  let errors = 0;
  let firstLine = Infinity;
  for (const d of shown()) {
    if (d.severity !== 'error') continue;
    firstLine = Math.min(firstLine, d.range.start.line);
    errors++;
  }
  if (errors > 0) {
    found.push(diagnostic('warning', 'ready-with-errors',
      `This case is marked \`ready\` but has ${errors} error${errors === 1 ? '' : 's'} (the first on line ${firstLine + 1}): fix ${errors === 1 ? 'it' : 'them'} or set \`status: review\`.`,
      status.valueRange));
  }
  return found;
}
