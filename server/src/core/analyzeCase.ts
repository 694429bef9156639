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
  for (const step of STEPS) {
    try {
      // A loop, not push(...spread): a pathological file can yield more items than call arguments.
      for (const d of step(run)) run.diagnostics.push(d);
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

/**
 * The checks in order. Built once, each taking the run, rather than as closures over the run
 * that every analysis would build anew (a bank runs thousands).
 */
const STEPS: readonly ((run: Run) => readonly CaseDiagnostic[])[] = [
  (run) => checkSections(run.syntax),
  (run) => checkDuplicateFields(run.model),
  (run) => validateProjection(projectCase(run.model), run.syntax.lines[0] ?? ''),
  (run) => checkHideIndices(run.model),
  (run) => checkLabs(run.model.panels),
  (run) => checkLabsInProse(run.model),
  (run) => {
    run.clinical = analyzeClinically(run.model, run.clinical.table);
    return checkConsistency(run.clinical.panels);
  },
  (run) => checkMechanism(run.model, run.clinical),
  (run) => checkPrivacy(run.model),
  // Last of the case's own findings: a `ready` case is judged on every diagnostic above.
  (run) => checkReview(run.model, run.diagnostics),
  (run) => checkQuestions(run.model),
  (run) => checkImages(run.model, run.options.resourceExists),
  (run) => checkQuestionKeys(run.model, run.clinical),
  (run) => checkItemWriting(run.model),
];

function internalError(error: unknown): CaseDiagnostic {
  return diagnostic('error', 'internal-error',
    `Casewright could not finish checking this file (${error instanceof Error ? error.message : String(error)}). Please report it.`,
    lineSpan(0, 0, 0));
}
