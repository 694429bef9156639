// The documented diagnostic codes (schemas/diagnostics.json): default severity, a one-line
// summary and a bad/fixed example each. SARIF rule metadata and docs/diagnostics.md come from it.
import diagnosticsJson from '../../../schemas/diagnostics.json';
import type { Severity } from './diagnostics';

export interface DiagnosticRule {
  code: string;
  severity: Severity;
  /** document: one case's text; bank: several files; file: reading the file itself. */
  scope: 'document' | 'bank' | 'file';
  summary: string;
  description: string;
  /** A case (or, for bank rules, several files) that triggers the code, and the fixed version. */
  bad?: string | Record<string, string>;
  fixed?: string | Record<string, string>;
}

export const DIAGNOSTIC_RULES: readonly DiagnosticRule[] = (diagnosticsJson as unknown as { rules: DiagnosticRule[] }).rules;

const byCode = new Map(DIAGNOSTIC_RULES.map((r) => [r.code, r]));

export function diagnosticRule(code: string): DiagnosticRule | undefined {
  return byCode.get(code);
}
