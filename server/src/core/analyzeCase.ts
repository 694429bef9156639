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
import type { CaseSyntax } from './syntax/syntaxTree';
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
  const model = buildModel(syntax);
  const table = options.maturation ?? defaultMaturationTable();
  const run: Run = {
    syntax, model, options, diagnostics: parsed.diagnostics,
    clinical: { panels: [], mechanisms: { ranked: [], secondary: [], pathway: [] }, table },
  };
  for (let step = 0; step < STEP_COUNT; step++) {
    try {
      // A loop, not push(...spread): a pathological file can yield more items than call arguments.
      for (const d of runStep(step, run)) run.diagnostics.push(d);
    } catch (error) {
      // A bug in one check must not take the others (or the editor) down with it.
      run.diagnostics.push(internalError(error));
    }
  }
  let { diagnostics } = run;
  let suppressions: Suppression[] = [];
  try {
    diagnostics = explainLabLines(syntax, diagnostics);
    // One cause, said once: a missing header replaces the errors it explains.
    const missing = findMissingHeaders(model);
    diagnostics = withoutFollowOn(diagnostics, missing);
    for (const m of missing) diagnostics.push(m.diagnostic);
    suppressions = readSuppressions(syntax);
  } catch (error) {
    diagnostics.push(internalError(error));
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { model, clinical: run.clinical, diagnostics, suppressions };
}

/** What the steps of one analysis share: the checks read it, the engine's step fills `clinical`. */
interface Run {
  syntax: CaseSyntax;
  model: CaseModel;
  options: AnalysisOptions;
  clinical: ClinicalAnalysis;
  diagnostics: CaseDiagnostic[];
}

const STEP_COUNT = 14;

/**
 * The checks in order, by number: a switch rather than an array of closures, which every
 * analysis would build anew (a bank runs thousands).
 */
function runStep(step: number, run: Run): readonly CaseDiagnostic[] {
  const { syntax, model } = run;
  switch (step) {
    case 0: return checkSections(syntax);
    case 1: return checkDuplicateFields(model);
    case 2: return validateProjection(projectCase(model), syntax.lines[0] ?? '');
    case 3: return checkHideIndices(model);
    case 4: return checkLabs(model.panels);
    case 5: return checkLabsInProse(model);
    case 6:
      run.clinical = analyzeClinically(model, run.clinical.table);
      return checkConsistency(run.clinical.panels);
    case 7: return checkMechanism(model, run.clinical);
    case 8: return checkPrivacy(model);
    // Last of the case's own findings: a `ready` case is judged on every diagnostic above.
    case 9: return checkReview(model, run.diagnostics);
    case 10: return checkQuestions(model);
    case 11: return checkImages(model, run.options.resourceExists);
    case 12: return checkQuestionKeys(model, run.clinical);
    case 13: return checkItemWriting(model);
    default: return [];
  }
}

function internalError(error: unknown): CaseDiagnostic {
  return diagnostic('error', 'internal-error',
    `Casewright could not finish checking this file (${error instanceof Error ? error.message : String(error)}). Please report it.`,
    lineSpan(0, 0, 0));
}
