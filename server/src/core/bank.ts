// A case bank: the documents checked together. The CLI fills it from disk once; the language
// server keeps it current as files open, change and disappear. Bank-wide checks run over the
// models already held, so one changed file costs one parse, not a re-check of the bank.
import { analyzeCase, type AnalysisOptions, type CaseAnalysis } from './analyzeCase';
import { maturationTableFor } from './clinical/maturation';
import { checkBank, type BankSummary } from './checks/bankChecks';
import { applyRules, type CasewrightConfig } from './config/config';
import { applySuppressions, type Suppression } from './suppressions';
import { comparePositions } from './text';
import type { CaseDiagnostic } from './diagnostics';

interface HeldDocument {
  /** The full analysis; dropped in lean banks (the CLI), which keep only what they report. */
  analysis?: CaseAnalysis;
  summary: BankSummary;
  diagnostics: CaseAnalysis['diagnostics'];
  /** The document's `casewright-disable` comments, applied to its bank diagnostics too. */
  suppressions?: Suppression[];
}

/** What a lean bank keeps of a document, and what a worker thread hands back. */
export interface HeldDiagnostics {
  summary: BankSummary;
  diagnostics: CaseDiagnostic[];
  suppressions?: Suppression[];
}

export interface CaseBankOptions {
  /**
   * Keep every analysis for editor features (the default). A lean bank keeps only each
   * document's diagnostics and its id and links: memory stays flat on large banks.
   */
  retainAnalyses?: boolean;
}

export class CaseBank {
  private readonly documents = new Map<string, HeldDocument>();
  private readonly retain: boolean;
  private bankDiagnostics: Map<string, CaseDiagnostic[]> | undefined;
  private options: AnalysisOptions = {};

  constructor(private config: CasewrightConfig = {}, options: CaseBankOptions = {}) {
    this.retain = options.retainAnalyses ?? true;
    this.setConfig(config);
  }

  /** Sets the configuration; documents added afterwards are analysed with it. */
  setConfig(config: CasewrightConfig): void {
    this.config = config;
    this.options = { maturation: maturationTableFor(config).table };
  }

  /** Adds or replaces a document; returns its analysis. */
  set(uri: string, text: string): CaseAnalysis {
    const analysis = analyzeCase(text, this.options);
    const { id, idRange, seeAlso } = analysis.model;
    const suppressions = analysis.suppressions.length ? analysis.suppressions : undefined;
    this.documents.set(uri, { analysis: this.retain ? analysis : undefined, summary: { id, idRange, seeAlso }, diagnostics: analysis.diagnostics, suppressions });
    // Bank checks read only ids and see-also lists: cheap to redo over the held models.
    this.bankDiagnostics = undefined;
    return analysis;
  }

  /** What a lean bank holds for a document: enough to check the bank and report. */
  held(uri: string): HeldDiagnostics | undefined {
    const held = this.documents.get(uri);
    return held ? { summary: held.summary, diagnostics: held.diagnostics, suppressions: held.suppressions } : undefined;
  }

  /** Takes a document analysed elsewhere (another thread) with the same configuration. */
  adopt(uri: string, held: HeldDiagnostics): void {
    this.documents.set(uri, { summary: held.summary, diagnostics: held.diagnostics, suppressions: held.suppressions });
    this.bankDiagnostics = undefined;
  }

  delete(uri: string): boolean {
    const existed = this.documents.delete(uri);
    if (existed) this.bankDiagnostics = undefined;
    return existed;
  }

  get(uri: string): CaseAnalysis | undefined {
    return this.documents.get(uri)?.analysis;
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  get size(): number {
    return this.documents.size;
  }

  /** Every case id in the bank with the uris that define it. */
  caseIds(): Map<string, string[]> {
    const ids = new Map<string, string[]>();
    for (const [uri, { summary }] of this.documents) {
      if (!summary.id) continue;
      const list = ids.get(summary.id);
      if (list) list.push(uri); else ids.set(summary.id, [uri]);
    }
    return ids;
  }

  /** Document and bank diagnostics for one file, its suppression comments and the configuration's rules applied. */
  diagnostics(uri: string): CaseDiagnostic[] {
    const held = this.documents.get(uri);
    if (!held) return [];
    const bank = this.bankWide().get(uri) ?? [];
    const all = bank.length ? [...held.diagnostics, ...bank].sort((a, b) => comparePositions(a.range.start, b.range.start)) : held.diagnostics;
    if (!held.suppressions) return applyRules(all, this.config);
    const kept = applySuppressions(all, held.suppressions).sort((a, b) => comparePositions(a.range.start, b.range.start));
    return applyRules(kept, this.config);
  }

  private bankWide(): Map<string, CaseDiagnostic[]> {
    if (!this.bankDiagnostics) {
      this.bankDiagnostics = checkBank([...this.documents].map(([uri, { summary }]) => ({ uri, model: summary })));
    }
    return this.bankDiagnostics;
  }
}
