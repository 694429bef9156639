// The core's one front door (STYLE.md rule 13), as `getLanguageService` is the JSON language
// service's: the language server, the CLI and the extension import this module and nothing
// deeper; everything under server/src/core/ besides it is internal and may change freely.
// eslint.config.mjs enforces it (test/unit/architecture.test.ts proves the rule fires).
//
// `getCaseService()` gives the operations: analyse a document, make a bank, the editor
// services, render, explain. The exports below it are the types those operations take and
// return, and the few plain values the layers above need (diagnostic helpers, the config file
// name, the documented diagnostic codes).
import { analyzeCase, type AnalysisOptions, type CaseAnalysis } from './analyzeCase';
import { CaseBank, LeanCaseBank, type ResourceExists } from './bank';
import { exportQuestions, type ExportCase, type ExportResult, type QuestionExportName } from './export';
import { explainCase, renderExplainText, type ExplainReport } from './clinical/explainReport';
import { readConfigText, type CasewrightConfig, type ConfigReadResult } from './config/config';
import type { CaseDiagnostic } from './diagnostics';
import type { CaseModel } from './model/caseModel';
import type { LearnerViewOptions } from './model/hiddenIndices';
import { renderDocumentShell, type DocumentOptions, type PreviewView } from './render/documentShell';
import { previewImageSources, usableImages, type ImageSources } from './render/images';
import type { CaseImage } from './images/imageModel';
import { exportImageName } from './export/caseText';
import { renderCaseBody, renderCaseDocument } from './render/renderCase';
import { caseIdAt, definitions, references, renameCaseId, type CaseIdsAndLinks, type Location, type RenameOutcome } from './services/caseIdReferences';
import { codeActions, fixAllAction, lineEnding, type CodeActionOptions, type CodeActionResult } from './services/codeActions';
import { complete } from './services/completion';
import type { CompletionResult } from './services/completionItem';
import { documentSymbols, type SymbolResult } from './services/documentSymbols';
import type { TextEdit } from './services/edits';
import { fixText, type FixResult } from './services/fixAll';
import { foldingRanges, type FoldingRangeResult } from './services/foldingRanges';
import { formatCase, type FormattingOptions } from './services/formatting';
import { hover, type HoverResult } from './services/hover';
import { inlayHints, type InlayHintOptions, type InlayHintResult } from './services/inlayHints';
import type { Position, Range } from './text';

/** Everything the core does, for one caller or many (it holds no state of its own). */
export interface CaseService {
  /** Text in, model, clinical reading and diagnostics out; never throws. */
  analyze(text: string, options?: AnalysisOptions): CaseAnalysis;
  /** A bank that keeps every analysis: for the editor, explain, render and export. */
  createBank(config?: CasewrightConfig, resourceExists?: ResourceExists): CaseBank;
  /** A bank that keeps only diagnostics and ids (memory stays flat): for `check`. */
  createLeanBank(config?: CasewrightConfig, resourceExists?: ResourceExists): LeanCaseBank;
  /** A bank's questions for a learning platform or Anki, as files in memory and warnings. */
  exportQuestions(format: QuestionExportName, cases: readonly ExportCase[]): ExportResult;
  /** Parses and validates the text of a casewright.json. */
  readConfig(text: string): ConfigReadResult;

  hover(analysis: CaseAnalysis, position: Position): HoverResult | undefined;
  complete(analysis: CaseAnalysis, position: Position, bankCaseIds: readonly string[]): CompletionResult[];
  codeActions(analysis: CaseAnalysis, range: Range, diagnostics: readonly CaseDiagnostic[], uri: string, options?: CodeActionOptions): CodeActionResult[];
  documentSymbols(model: CaseModel): SymbolResult[];
  foldingRanges(model: CaseModel): FoldingRangeResult[];
  /** Whitespace-only edits; the text is the document's own (line ends included). */
  format(text: string, model: CaseModel, options: FormattingOptions, range?: Range): TextEdit[];
  inlayHints(analysis: CaseAnalysis, range: Range, options: InlayHintOptions): InlayHintResult[];
  /** Every safe fix of `diagnostics` as one `source.fixAll.casewright` action (fix on save), if any. */
  fixAll(analysis: CaseAnalysis, diagnostics: readonly CaseDiagnostic[], uri: string, options?: CodeActionOptions): CodeActionResult | undefined;
  /** `check --fix`: the safe fixes applied to a text, pass after pass, with suppressions and rules honoured. */
  fixText(text: string, config?: CasewrightConfig, options?: AnalysisOptions): FixResult;
  /** The line ending a document uses, for edits that add lines. */
  lineEnding(text: string): string;

  /** The case id under the cursor: the `case:` value or a `see-also:` item. */
  caseIdAt(model: CaseModel, position: Position): { id: string; range: Range } | undefined;
  /** The bank as [uri, id and links] pairs: a full model or a closed file's lean summary. */
  definitions(id: string, bank: Iterable<[string, CaseIdsAndLinks]>): Location[];
  references(id: string, bank: Iterable<[string, CaseIdsAndLinks]>, includeDeclaration: boolean): Location[];
  renameCaseId(id: string, newId: string, bank: Iterable<[string, CaseIdsAndLinks]>): RenameOutcome;

  /**
   * The preview body of one view (escaped HTML); `learner` says which derived indices the learner
   * view hides; `images` gives each usable image's `src`.
   */
  renderBody(analysis: CaseAnalysis, view: PreviewView, learner?: LearnerViewOptions, images?: ImageSources): string;
  /** The images the checks found usable (existing, inside the bank). */
  usableImages(analysis: CaseAnalysis): Set<CaseImage>;
  /** For the editor's preview: stand-in sources and the paths the extension maps to webview URIs. */
  previewImageSources(analysis: CaseAnalysis): { sources: ImageSources; paths: string[] };
  /** The file name an image gets in an export (the case id and its path, flattened). */
  exportImageName(analysis: CaseAnalysis, image: CaseImage): string;
  /** A whole page: the body (or both views) inside the shell. */
  renderDocument(analysis: CaseAnalysis, options: DocumentOptions): string;
  /** The page shell around already-rendered bodies (the editor's webview). */
  renderShell(bodies: string, title: string, options: DocumentOptions): string;

  /** `casewright explain --format json`: the contract. */
  explain(analysis: CaseAnalysis): ExplainReport;
  /** `casewright explain`: a short teaching note for a terminal. */
  explainText(analysis: CaseAnalysis): string;
}

// Marked pure so a bundle that uses only the plain exports below (the extension uses the page
// shell) leaves the rest of the core out.
const SERVICE: CaseService = /* @__PURE__ */ Object.freeze({
  analyze: analyzeCase,
  createBank: (config?: CasewrightConfig, resourceExists?: ResourceExists) => new CaseBank(config, resourceExists),
  createLeanBank: (config?: CasewrightConfig, resourceExists?: ResourceExists) => new LeanCaseBank(config, resourceExists),
  exportQuestions,
  readConfig: readConfigText,
  hover,
  complete,
  codeActions,
  fixAll: fixAllAction,
  fixText,
  documentSymbols,
  foldingRanges: (model: CaseModel) => foldingRanges(model.syntax),
  format: (text: string, model: CaseModel, options: FormattingOptions, range?: Range) => formatCase(text, model.syntax, options, range),
  inlayHints,
  lineEnding,
  caseIdAt,
  definitions,
  references,
  renameCaseId,
  renderBody: renderCaseBody,
  usableImages,
  previewImageSources,
  exportImageName,
  renderDocument: renderCaseDocument,
  renderShell: renderDocumentShell,
  explain: explainCase,
  explainText: renderExplainText,
});

/** The core's services. One shared instance: the core keeps no per-caller state. */
export function getCaseService(): CaseService {
  return SERVICE;
}

// The types the operations take and return.
export type { AnalysisOptions, CaseAnalysis } from './analyzeCase';
export type { CaseBank, HeldDocument, LeanCaseBank, ResourceExists } from './bank';
export type { ExportCase, ExportResult, QuestionExportName } from './export';
export type { BankSummary } from './checks/bankChecks';
export type { ExplainReport } from './clinical/explainReport';
export type { CasewrightConfig, ConfigReadResult } from './config/config';
export type { DiagnosticRule } from './diagnosticCatalog';
export type { CaseDiagnostic, DiagnosticData, RelatedLocation, Severity } from './diagnostics';
export type { CaseModel } from './model/caseModel';
export type { HideIndicesSetting, LearnerViewOptions } from './model/hiddenIndices';
export type { DocumentOptions, PreviewView } from './render/documentShell';
export type { CaseIdsAndLinks, Location, RenameOutcome } from './services/caseIdReferences';
export type { CodeActionOptions, CodeActionResult } from './services/codeActions';
export type { CompletionResult } from './services/completionItem';
export type { SymbolResult } from './services/documentSymbols';
export type { TextEdit, WorkspaceEdit } from './services/edits';
export type { FixResult } from './services/fixAll';
export type { FoldingRangeResult } from './services/foldingRanges';
export type { FormattingOptions } from './services/formatting';
export type { HoverResult } from './services/hover';
export type { InlayHintOptions, InlayHintResult } from './services/inlayHints';
export type { Position, Range } from './text';

// Plain values the layers above need.
export { CONFIG_FILE_NAME } from './config/config';
export { layerRules, wildcardRuleProblems } from './config/ruleSettings';
export { REVIEW_STATUSES } from './catalog/vocabulary';
export { caseFacts, computeBankStats, summarizeBank, type BankStats, type CaseFacts, type Count } from './stats/bankStats';
export { renderStatsBody, STATS_CSS } from './stats/statsHtml';
export { QUESTION_FORMATS } from './export';
export { DIAGNOSTIC_RULES } from './diagnosticCatalog';
export { diagnostic } from './diagnostics';
export { renderDocumentShell } from './render/documentShell';
export { withImageSources, PREVIEW_IMAGE_PREFIX } from './render/images';
export type { CaseImage } from './images/imageModel';
export { imagePathProblem, MAX_IMAGE_BYTES } from './images/imageLimits';
export { escapeHtml } from './render/escape';
export { SNIPPET, snippetToPlainText } from './services/completionItem';
export { caseIdProblem, newCaseText } from './services/newCase';
export { maturationTableFor } from './clinical/maturation';
export { lineSpan } from './text';
