// The core's front door for one document: text in, model and diagnostics out, never a throw.
import { analyzeClinically, type ClinicalAnalysis } from './clinical/clinicalAnalysis';
import { checkConsistency } from './clinical/consistencyChecks';
import { defaultMaturationTable, type MaturationTable } from './clinical/maturation';
import { checkMechanism } from './clinical/mechanismChecks';
import { checkDuplicateFields } from './checks/duplicateFieldChecks';
import { checkLabs } from './checks/labChecks';
import { checkPrivacy } from './checks/privacy/privacyChecks';
import { checkReview } from './checks/reviewChecks';
import { checkLabsInProse, explainLabLines } from './checks/labProseCheck';
import { findMissingHeaders, withoutFollowOn } from './checks/missingHeaderCheck';
import { checkSections } from './checks/sectionChecks';
import { sectionKind } from './catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from './diagnostics';
import { buildModel } from './model/buildModel';
import { checkHideIndices } from './model/hiddenIndices';
import type { CaseModel } from './model/caseModel';
import { projectCase } from './schema/caseProjection';
import { validateProjection } from './schema/schemaValidation';
import { checkItemWriting } from './questions/itemWritingChecks';
import { checkQuestions } from './questions/questionChecks';
import { checkQuestionKeys } from './questions/questionKeyChecks';
import { checkImages, type ImageFileCheck } from './images/imageChecks';
import { readSuppressions, type Suppression } from './suppressions';
import { parseCaseSyntax } from './syntax/parser';
import { comparePositions, lineSpan } from './text';

export interface CaseAnalysis {
  model: CaseModel;
  /** Indices, flags and the ranked mechanisms: what hovers, explain and the preview show. */
  clinical: ClinicalAnalysis;
  /** Document-level diagnostics, sorted by position, before configuration is applied. */
  diagnostics: CaseDiagnostic[];
  /** The `casewright-disable` comments; the bank applies them with the bank-wide checks. */
  suppressions: Suppression[];
}

export interface AnalysisOptions {
  /** The RPI maturation table (from casewright.json); the default table otherwise. */
  maturation?: MaturationTable;
  /**
   * Whether a path written in the case (an image, relative to the case file) is a usable file:
   * true, false (missing) or what else is wrong with it; unchecked without it.
   */
  resourceExists?: ImageFileCheck;
}

export function analyzeCase(text: string, options: AnalysisOptions = {}): CaseAnalysis {
  const parsed = parseCaseSyntax(text, sectionKind);
  const { syntax } = parsed;
  let diagnostics = parsed.diagnostics;
  const model = buildModel(syntax);
  const table = options.maturation ?? defaultMaturationTable();
  let clinical: ClinicalAnalysis = { panels: [], mechanisms: { ranked: [], secondary: [], pathway: [] }, table };
  const steps: (() => CaseDiagnostic[])[] = [
    () => checkSections(syntax),
    () => checkDuplicateFields(syntax),
    () => validateProjection(projectCase(model), syntax.lines[0] ?? ''),
    () => checkHideIndices(model),
    () => checkLabs(model.panels),
    () => checkLabsInProse(syntax),
    () => {
      clinical = analyzeClinically(model, table);
      return checkConsistency(clinical.panels);
    },
    () => checkMechanism(model, clinical),
    () => checkPrivacy(model),
    // Last: a `ready` case is judged on every diagnostic above.
    () => checkReview(model, diagnostics),
    () => checkQuestions(model),
    () => checkImages(model, options.resourceExists),
    () => checkQuestionKeys(model, clinical),
    () => checkItemWriting(model),
  ];
  for (const step of steps) {
    try {
      // A loop, not push(...spread): a pathological file can yield more items than call arguments.
      for (const d of step()) diagnostics.push(d);
    } catch (error) {
      // A bug in one check must not take the others (or the editor) down with it.
      diagnostics.push(internalError(error));
    }
  }
  let suppressions: Suppression[] = [];
  try {
    diagnostics = explainLabLines(syntax, diagnostics);
    // One cause, said once: a missing header replaces the errors it explains.
    const missing = findMissingHeaders(syntax);
    diagnostics = withoutFollowOn(diagnostics, missing);
    for (const m of missing) diagnostics.push(m.diagnostic);
    suppressions = readSuppressions(syntax);
  } catch (error) {
    diagnostics.push(internalError(error));
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { model, clinical, diagnostics, suppressions };
}

function internalError(error: unknown): CaseDiagnostic {
  return diagnostic('error', 'internal-error',
    `Casewright could not finish checking this file (${error instanceof Error ? error.message : String(error)}). Please report it.`,
    lineSpan(0, 0, 0));
}
