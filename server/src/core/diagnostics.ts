import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'info';

/** Something said about a place in a case, as a value: the CLI prints it, the server publishes it. */
export interface CaseDiagnostic {
  severity: Severity;
  /** Stable identifier, documented in docs/diagnostics.md; code actions find their fixes by it. */
  code: string;
  message: string;
  range: Range;
  /** Machine-readable detail for quick fixes (a suggested replacement, a converted value, …). */
  data?: DiagnosticData;
  /** Other places that explain this one (the other file with the same case id, …). */
  related?: RelatedLocation[];
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

export interface DiagnosticData {
  /** Replacement texts for `range`, best first. */
  replacements?: string[];
  [key: string]: unknown;
}

export function diagnostic(
  severity: Severity,
  code: string,
  message: string,
  range: Range,
  data?: DiagnosticData,
): CaseDiagnostic {
  return data ? { severity, code, message, range, data } : { severity, code, message, range };
}
