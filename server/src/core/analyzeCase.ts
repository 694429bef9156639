// The core's front door for one document: text in, model and diagnostics out, never a throw.
import { checkDuplicateFields } from './checks/duplicateFieldChecks';
import { checkLabs } from './checks/labChecks';
import { checkSections } from './checks/sectionChecks';
import { sectionKind } from './catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from './diagnostics';
import { buildModel } from './model/buildModel';
import type { CaseModel } from './model/caseModel';
import { projectCase } from './schema/caseProjection';
import { validateProjection } from './schema/schemaValidation';
import { parseCaseSyntax } from './syntax/parser';
import { comparePositions, lineSpan } from './text';

export interface CaseAnalysis {
  model: CaseModel;
  /** Document-level diagnostics, sorted by position, before configuration is applied. */
  diagnostics: CaseDiagnostic[];
}

export type DocumentCheck = (model: CaseModel) => CaseDiagnostic[];

/** Checks that later layers (the clinical engine) add; each sees the finished model. */
const extraChecks: DocumentCheck[] = [];

export function registerDocumentCheck(check: DocumentCheck): void {
  extraChecks.push(check);
}

export function analyzeCase(text: string): CaseAnalysis {
  const { syntax, diagnostics } = parseCaseSyntax(text, sectionKind);
  const model = buildModel(syntax);
  const steps: DocumentCheck[] = [
    (m) => checkSections(m.syntax),
    (m) => checkDuplicateFields(m.syntax),
    (m) => validateProjection(projectCase(m), m.syntax.lines[0] ?? ''),
    (m) => checkLabs(m.panels),
    ...extraChecks,
  ];
  for (const step of steps) {
    try {
      // A loop, not push(...spread): a pathological file can yield more items than call arguments.
      for (const d of step(model)) diagnostics.push(d);
    } catch (error) {
      // A bug in one check must not take the others (or the editor) down with it.
      diagnostics.push(diagnostic('error', 'internal-error',
        `Casewright could not finish checking this file (${error instanceof Error ? error.message : String(error)}). Please report it.`,
        lineSpan(0, 0, 0)));
    }
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { model, diagnostics };
}
