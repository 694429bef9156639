// What every export format takes and gives: cases in (with their images' bytes, read by the
// caller, since the core reads no files), an in-memory file map and warnings out.
import type { CaseAnalysis } from '../analyzeCase';

/** Relative path in the output → its content. */
export type ExportFiles = Map<string, string | Uint8Array>;

export interface ExportCase {
  analysis: CaseAnalysis;
  /** Image path as written in the case → its bytes; a missing one is reported, not fatal. */
  images: ReadonlyMap<string, Uint8Array>;
}

export interface ExportResult {
  files: ExportFiles;
  /** What the format could not carry ("GIFT cannot express ordering; left out: …"). */
  warnings: string[];
}

export type ExportFormat = (cases: readonly ExportCase[]) => ExportResult;
