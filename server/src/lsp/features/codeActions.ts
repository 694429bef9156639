// Quick fixes by diagnostic code and "Suggest mechanism", from the core's code actions.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { CaseDiagnostic } from '../../core/diagnostics';
import { codeActions } from '../../core/services/codeActions';
import type { Feature } from '../featureContext';
import { runSafe } from '../runner';

const SEVERITY: Record<number, CaseDiagnostic['severity']> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] } },
  register(context) {
    context.connection.onCodeAction((params, token) => runSafe<CodeAction[]>(context.connection, 'code actions', [], token, () => {
      const analysis = context.workspace.analysis(params.textDocument.uri);
      if (!analysis) return [];
      // The client sends our diagnostics back with their code and data: fixes are found by code.
      const byDiagnostic = new Map<CaseDiagnostic, Diagnostic>();
      const diagnostics = params.context.diagnostics.filter((d) => d.source === 'casewright' && typeof d.code === 'string').map((d) => {
        const core: CaseDiagnostic = { severity: SEVERITY[d.severity ?? 1], code: String(d.code), message: d.message, range: d.range, data: d.data as CaseDiagnostic['data'] };
        byDiagnostic.set(core, d);
        return core;
      });
      const only = params.context.only;
      return codeActions(analysis, params.range, diagnostics, params.textDocument.uri)
        .filter((a) => !only || only.some((kind) => a.kind === kind || a.kind.startsWith(`${kind}.`)))
        .map((a) => ({
          title: a.title, kind: a.kind, isPreferred: a.isPreferred, edit: a.edit,
          diagnostics: a.diagnostics?.map((d) => byDiagnostic.get(d)!).filter(Boolean),
        }));
    }));
  },
};
