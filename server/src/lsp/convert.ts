// Core values → LSP values. The core's ranges are already LSP-shaped.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { CaseDiagnostic, Severity } from '../core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: CaseDiagnostic): Diagnostic {
  const result: Diagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: `https://github.com/casewright/casewright/blob/main/docs/diagnostics.md#${d.code}` },
    source: 'casewright',
    message: d.message,
  };
  if (d.data) result.data = d.data;
  if (d.related?.length) result.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  return result;
}
