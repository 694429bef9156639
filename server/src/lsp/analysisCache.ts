// A bounded cache of full analyses for closed files, least recently used out first, keyed by
// uri and the version of the text it was made from (STYLE.md rule 15; the JSON language
// server's languageModelCache). Closed files otherwise keep only what bank-wide checks need.
import type { CaseAnalysis } from '../core';

/** Enough for a rename or a preview across a handful of closed files; about 50 KB each. */
export const CLOSED_ANALYSES_KEPT = 64;

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: CaseAnalysis }>();

  constructor(private readonly limit = CLOSED_ANALYSES_KEPT) {}

  /** The analysis of `uri` made from `version`, or undefined (a stale one is dropped). */
  get(uri: string, version: number): CaseAnalysis | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    this.entries.delete(uri);
    if (entry.version !== version) return undefined;
    this.entries.set(uri, entry); // most recently used goes last
    return entry.analysis;
  }

  set(uri: string, version: number, analysis: CaseAnalysis): void {
    this.entries.delete(uri);
    this.entries.set(uri, { version, analysis });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
