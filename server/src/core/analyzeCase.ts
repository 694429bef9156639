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
import { findMissingHeaders, withoutFollowOn, type MissingHeader } from './checks/missingHeaderCheck';
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
  /**
   * Told the name of each stage as it ends (parse, model, each check in order, tail), so that
   * `npm run bench` can say where the time goes; no one else passes it.
   */
  stageEnded?: (stage: string) => void;
}

export function analyzeCase(text: string, options: AnalysisOptions = {}): CaseAnalysis {
  const { stageEnded } = options;
  const parsed = parseCaseSyntax(text, sectionKind);
  stageEnded?.('parse');
  const { syntax } = parsed;
  const model = buildModel(syntax);
  stageEnded?.('model');
  const table = options.maturation ?? defaultMaturationTable();
  const run: Run = {
    syntax, model, options, diagnostics: parsed.diagnostics,
    clinical: { panels: [], mechanisms: { ranked: [], secondary: [], pathway: [] }, table },
  };
  for (const step of STEPS) {
    try {
      // A loop, not push(...spread): a pathological file can yield more items than call arguments.
      for (const d of step.check(run)) run.diagnostics.push(d);
    } catch (error) {
      // A bug in one check must not take the others (or the editor) down with it.
      run.diagnostics.push(internalError(error));
    }
    stageEnded?.(step.name);
  }
  let { diagnostics } = run;
  let suppressions: Suppression[] = [];
  try {
    diagnostics = explainLabLines(syntax, diagnostics);
    // One cause, said once: a missing header replaces the errors it explains.
    diagnostics = saidOnce(diagnostics, missingHeadersOf(run));
    suppressions = readSuppressions(syntax);
  } catch (error) {
    diagnostics.push(internalError(error));
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
  stageEnded?.('tail');
  return { model, clinical: run.clinical, diagnostics, suppressions };
}

/** What the steps of one analysis share: the checks read it, the engine's step fills `clinical`. */
interface Run {
  syntax: CaseSyntax;
  model: CaseModel;
  options: AnalysisOptions;
  clinical: ClinicalAnalysis;
  diagnostics: CaseDiagnostic[];
  /** Found once, by the first step that asks (the review status, or the tail). */
  missingHeaders?: readonly MissingHeader[];
}

function missingHeadersOf(run: Run): readonly MissingHeader[] {
  return (run.missingHeaders ??= findMissingHeaders(run.model, run.diagnostics));
}

/** The diagnostics with a missing header's follow-on errors replaced by the one that explains them. */
function saidOnce(diagnostics: CaseDiagnostic[], missing: readonly MissingHeader[]): CaseDiagnostic[] {
  const kept = withoutFollowOn(diagnostics, missing);
  for (const m of missing) kept.push(m.diagnostic);
  return kept;
}

/** One check of the analysis, named for the bench's account of where the time goes. */
interface AnalysisStep {
  readonly name: string;
  readonly check: (run: Run) => readonly CaseDiagnostic[];
}

/**
 * The checks in order. Built once, each taking the run, rather than as closures over the run
 * that every analysis would build anew (a bank runs thousands).
 */
const STEPS: readonly AnalysisStep[] = [
  { name: 'sections', check: (run) => checkSections(run.syntax) },
  { name: 'duplicate fields', check: (run) => checkDuplicateFields(run.model) },
  { name: 'schema', check: (run) => validateProjection(projectCase(run.model), run.syntax.lines[0] ?? '') },
  { name: 'hidden indices', check: (run) => checkHideIndices(run.model) },
  { name: 'labs', check: (run) => checkLabs(run.model.panels) },
  { name: 'labs in prose', check: (run) => checkLabsInProse(run.model) },
  {
    name: 'clinical reading (panels, indices, mechanisms)',
    check: (run) => {
      run.clinical = analyzeClinically(run.model, run.clinical.table);
      return checkConsistency(run.clinical.panels);
    },
  },
  { name: 'mechanism conflict', check: (run) => checkMechanism(run.model, run.clinical) },
  { name: 'privacy', check: (run) => checkPrivacy(run.model) },
  // Last of the case's own findings: a `ready` case is judged on every diagnostic above.
  // The errors counted are those the author will see: a missing header's follow-ons are not.
  { name: 'review status', check: (run) => checkReview(run.model, () => saidOnce(run.diagnostics, missingHeadersOf(run))) },
  { name: 'questions', check: (run) => checkQuestions(run.model) },
  { name: 'images', check: (run) => checkImages(run.model, run.options.resourceExists) },
  { name: 'question keys', check: (run) => checkQuestionKeys(run.model, run.clinical) },
  { name: 'item writing', check: (run) => checkItemWriting(run.model) },
];

function internalError(error: unknown): CaseDiagnostic {
  return diagnostic('error', 'internal-error',
    `Casewright could not finish checking this file (${error instanceof Error ? error.message : String(error)}). Please report it.`,
    lineSpan(0, 0, 0));
}
