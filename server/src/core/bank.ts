// A case bank: the documents checked together. The CLI fills it from disk once; the language
// server keeps it current as files open, change and disappear. Bank-wide checks run over the
// models already held, so one changed file costs one parse, not a re-check of the bank.
import { analyzeCase, type AnalysisOptions, type CaseAnalysis } from './analyzeCase';
import { maturationTableFor } from './clinical/maturation';
import { checkBank } from './checks/bankChecks';
import { applyRules, type CasewrightConfig } from './config/config';
import { comparePositions } from './text';
import type { CaseDiagnostic } from './diagnostics';

export class CaseBank {
  private readonly documents = new Map<string, CaseAnalysis>();
  private bankDiagnostics: Map<string, CaseDiagnostic[]> | undefined;
  private options: AnalysisOptions = {};

  constructor(private config: CasewrightConfig = {}) {
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
    this.documents.set(uri, analysis);
    // Bank checks read only ids and see-also lists: cheap to redo over the held models.
    this.bankDiagnostics = undefined;
    return analysis;
  }

  delete(uri: string): boolean {
    const existed = this.documents.delete(uri);
    if (existed) this.bankDiagnostics = undefined;
    return existed;
  }

  get(uri: string): CaseAnalysis | undefined {
    return this.documents.get(uri);
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
    for (const [uri, { model }] of this.documents) {
      if (!model.id) continue;
      const list = ids.get(model.id);
      if (list) list.push(uri); else ids.set(model.id, [uri]);
    }
    return ids;
  }

  /** Document and bank diagnostics for one file, with the configuration's rules applied. */
  diagnostics(uri: string): CaseDiagnostic[] {
    const analysis = this.documents.get(uri);
    if (!analysis) return [];
    const bank = this.bankWide().get(uri) ?? [];
    const all = bank.length ? [...analysis.diagnostics, ...bank].sort((a, b) => comparePositions(a.range.start, b.range.start)) : analysis.diagnostics;
    return applyRules(all, this.config);
  }

  private bankWide(): Map<string, CaseDiagnostic[]> {
    if (!this.bankDiagnostics) {
      this.bankDiagnostics = checkBank([...this.documents].map(([uri, { model }]) => ({ uri, model })));
    }
    return this.bankDiagnostics;
  }
}
