// A case bank: the documents checked together. The CLI fills it from disk once; the language
// server keeps it current as files open, change and disappear. Bank-wide checks run over the
// models already held, so one changed file costs one parse, not a re-check of the bank.
import { analyzeCase, type AnalysisOptions, type CaseAnalysis } from './analyzeCase';
import { maturationTableFor } from './clinical/maturation';
import { BankIndex, type BankSummary } from './checks/bankChecks';
import { applyRules, type CasewrightConfig } from './config/config';
import { comparePositions } from './text';
import type { CaseDiagnostic } from './diagnostics';

interface HeldDocument {
  /** The full analysis; dropped in lean banks (the CLI), which keep only what they report. */
  analysis?: CaseAnalysis;
  summary: BankSummary;
  diagnostics: CaseAnalysis['diagnostics'];
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
  /** Ids and links of every document; bank diagnostics are worked out per file from it. */
  private readonly index = new BankIndex();
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
    const summary = { id, idRange, seeAlso };
    this.documents.set(uri, { analysis: this.retain ? analysis : undefined, summary, diagnostics: analysis.diagnostics });
    // Only what this document's id and links touch is re-checked, when next asked for.
    this.index.set(uri, summary);
    return analysis;
  }

  /** Analyses a text with the bank's configuration without holding it (a closed file's features). */
  analyze(text: string): CaseAnalysis {
    return analyzeCase(text, this.options);
  }

  /** What a lean bank holds for a document: enough to check the bank and report. */
  held(uri: string): { summary: BankSummary; diagnostics: CaseDiagnostic[] } | undefined {
    const held = this.documents.get(uri);
    return held ? { summary: held.summary, diagnostics: held.diagnostics } : undefined;
  }

  /** Takes a document analysed elsewhere (another thread) with the same configuration. */
  adopt(uri: string, held: { summary: BankSummary; diagnostics: CaseDiagnostic[] }): void {
    this.documents.set(uri, { summary: held.summary, diagnostics: held.diagnostics });
    this.index.set(uri, held.summary);
  }

  delete(uri: string): boolean {
    this.index.delete(uri);
    return this.documents.delete(uri);
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
    return this.index.caseIds();
  }

  /** The bank's ids and links: for features that look up one id without copying them all. */
  get bankIndex(): BankIndex {
    return this.index;
  }

  /** Document and bank diagnostics for one file, with the configuration's rules applied. */
  diagnostics(uri: string): CaseDiagnostic[] {
    const held = this.documents.get(uri);
    if (!held) return [];
    const bank = this.index.diagnostics(uri);
    const all = bank.length ? [...held.diagnostics, ...bank].sort((a, b) => comparePositions(a.range.start, b.range.start)) : held.diagnostics;
    return applyRules(all, this.config);
  }
}
