// A case bank: the documents checked together. The CLI fills it from disk once; the language
// server keeps it current as files open, change and disappear. Bank-wide checks run over an
// index of ids and links kept up to date one file at a time, so one changed file costs one
// parse and the re-check of only the files its id and links touch.
//
// Two kinds, as two types: a LeanCaseBank (the CLI's check, the language server's closed
// files) keeps only each document's diagnostics and its id and links, so memory stays flat on
// large banks, and it has no `get()` at all; a CaseBank (explain, render, export) also keeps
// every analysis.
import { analyzeCase, type AnalysisOptions, type CaseAnalysis } from './analyzeCase';
import { maturationTableFor } from './clinical/maturation';
import { BankIndex, type BankSummary } from './checks/bankChecks';
import { applyRules, type CasewrightConfig } from './config/config';
import { applySuppressions, type Suppression } from './suppressions';
import { comparePositions } from './text';
import type { CaseDiagnostic } from './diagnostics';

/** What a lean bank holds for a document: enough to check the bank and report. */
export interface HeldDocument {
  readonly summary: BankSummary;
  readonly diagnostics: readonly CaseDiagnostic[];
  /** The document's `casewright-disable` comments, applied to its bank diagnostics too. */
  readonly suppressions?: readonly Suppression[];
}

/** True when the file is usable, false when missing, or a sentence on what else is wrong (too large, a link). */
export type ResourceExists = (uri: string, path: string) => boolean | string;

export class LeanCaseBank {
  private readonly documents = new Map<string, HeldDocument>();
  /** Ids and links of every document; bank diagnostics are worked out per file from it. */
  private readonly index = new BankIndex();
  private options: AnalysisOptions = {};

  /** `resourceExists(uri, path)`: whether a path written in the document at `uri` (an image, relative to it) is a usable file. */
  constructor(private config: CasewrightConfig = {}, private readonly resourceExists?: ResourceExists) {
    this.setConfig(config);
  }

  /** Sets the configuration; documents added afterwards are analysed with it. */
  setConfig(config: CasewrightConfig): void {
    this.config = config;
    this.options = { maturation: maturationTableFor(config).table };
  }

  /** Adds or replaces a document; returns its analysis (which a lean bank does not keep). */
  set(uri: string, text: string): CaseAnalysis {
    const { analysis, held } = this.prepare(uri, text);
    this.hold(uri, held);
    return analysis;
  }

  /**
   * Analyses a document with the bank's configuration into what the bank would hold for it,
   * without holding it: a check on several threads adds every file with `adopt`, in order.
   */
  prepare(uri: string, text: string): { analysis: CaseAnalysis; held: HeldDocument } {
    const exists = this.resourceExists;
    const analysis = analyzeCase(text, exists ? { ...this.options, resourceExists: (path) => exists(uri, path) } : this.options);
    const { id, idRange, seeAlso } = analysis.model;
    const suppressions = analysis.suppressions.length ? analysis.suppressions : undefined;
    return { analysis, held: { summary: { id, idRange, seeAlso }, diagnostics: analysis.diagnostics, suppressions } };
  }

  /** Analyses a text with the bank's configuration without holding it (a closed file's features). */
  analyze(text: string): CaseAnalysis {
    return analyzeCase(text, this.options);
  }

  /** What the bank holds for a document, or undefined when the uri is not in the bank. */
  held(uri: string): HeldDocument | undefined {
    return this.documents.get(uri);
  }

  /** Takes a document analysed elsewhere (another thread) with the same configuration. */
  adopt(uri: string, held: HeldDocument): void {
    this.hold(uri, held);
  }

  delete(uri: string): boolean {
    this.index.delete(uri);
    return this.documents.delete(uri);
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
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

  /** Document and bank diagnostics for one file, its suppression comments and the configuration's rules applied. */
  diagnostics(uri: string): readonly CaseDiagnostic[] {
    const held = this.documents.get(uri);
    if (!held) return [];
    const bank = this.index.diagnostics(uri);
    const all = bank.length ? [...held.diagnostics, ...bank].sort((a, b) => comparePositions(a.range.start, b.range.start)) : held.diagnostics;
    const kept = held.suppressions ? applySuppressions(all, held.suppressions).sort((a, b) => comparePositions(a.range.start, b.range.start)) : all;
    return applyRules(kept, this.config).map((d) => withDocumentUri(d, uri));
  }

  private hold(uri: string, held: HeldDocument): void {
    this.documents.set(uri, held);
    // Only what this document's id and links touch is re-checked, when next asked for.
    this.index.set(uri, held.summary);
  }
}

/** Related places in the same document are written with `uri: ''` by the core; name the document. */
function withDocumentUri(d: CaseDiagnostic, uri: string): CaseDiagnostic {
  if (!d.related?.some((r) => r.uri === '')) return d;
  return { ...d, related: d.related.map((r) => (r.uri === '' ? { ...r, uri } : r)) };
}

/** A bank that also keeps each document's full analysis, for editor features and rendering. */
export class CaseBank extends LeanCaseBank {
  private readonly analyses = new Map<string, CaseAnalysis>();

  override set(uri: string, text: string): CaseAnalysis {
    const analysis = super.set(uri, text);
    this.analyses.set(uri, analysis);
    return analysis;
  }

  /** A document adopted from another thread comes without its analysis: `get()` has none. */
  override adopt(uri: string, held: HeldDocument): void {
    this.analyses.delete(uri);
    super.adopt(uri, held);
  }

  override delete(uri: string): boolean {
    this.analyses.delete(uri);
    return super.delete(uri);
  }

  /** The analysis of a document in the bank; undefined only when the uri is not in it. */
  get(uri: string): CaseAnalysis | undefined {
    return this.analyses.get(uri);
  }
}
