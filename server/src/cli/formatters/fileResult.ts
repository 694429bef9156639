import type { CaseDiagnostic } from '../../core';

/** What a formatter prints for one checked file. */
export interface FileResult {
  /** Absolute path. */
  file: string;
  /** Path relative to the working folder, with `/` separators: what users read and CI links. */
  displayPath: string;
  diagnostics: CaseDiagnostic[];
}

export interface FormatterContext {
  /** Colours are used only on a terminal that wants them. */
  color: boolean;
  version: string;
}

export type Formatter = (results: FileResult[], context: FormatterContext) => string;

/** 1-based line and column of a diagnostic, as every output format and the contract count. */
export function oneBased(d: CaseDiagnostic) {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}
