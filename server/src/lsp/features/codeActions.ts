// Quick fixes and "Suggest mechanism" over the protocol. The fixes come from the diagnostics in
// the request's context, which carry our `code` and `data`; for a client that does not send
// `data` back, it is taken from the diagnostic published with the same code and range.
// `source.fixAll.casewright` (fix on save) applies every safe fix of the published diagnostics.
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import { getCaseService, type CaseDiagnostic, type DiagnosticData } from '../../core';
import type { Feature, FeatureContext } from '../featureContext';
import { runSafe } from '../runner';

/** Fix on save: `editor.codeActionsOnSave: { "source.fixAll.casewright": "explicit" }`. */
const FIX_ALL = `${CodeActionKind.SourceFixAll}.casewright`;

const SEVERITY: Record<number, CaseDiagnostic['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll, FIX_ALL] } },
  register(context) {
    context.connection.onCodeAction((params, token) => runSafe<CodeAction[]>(context.connection, 'code actions', [], token, () => {
      const uri = params.textDocument.uri;
      const analysis = context.workspace.analysis(uri);
      if (!analysis) return [];
      // Each core diagnostic remembers the client's, so an action names the very object it was sent.
      const sent = new Map<CaseDiagnostic, Diagnostic>();
      for (const d of ours(params)) sent.set(toCore(d, context, uri), d);
      const text = context.documents.get(uri)?.getText() ?? '';
      const only = params.context.only;
      const wanted = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const core = getCaseService();
      const eol = core.lineEnding(text);
      const actions: CodeAction[] = [];
      // Fix all only when asked for by kind (on save, the Source Action menu): it is a full pass.
      if (only && wanted(FIX_ALL)) {
        const all = core.fixAll(analysis, context.workspace.diagnostics(uri), uri, { eol });
        if (all) actions.push({ title: all.title, kind: all.kind, edit: all.edit });
      }
      for (const a of core.codeActions(analysis, params.range, [...sent.keys()], uri, { eol })) {
        if (!wanted(a.kind)) continue;
        actions.push({
          title: a.title,
          kind: a.kind,
          isPreferred: a.isPreferred,
          edit: a.edit,
          diagnostics: a.diagnostics?.map((d) => sent.get(d)).filter((d): d is Diagnostic => d !== undefined),
        });
      }
      return actions;
    }));
  },
};

/** Our diagnostics among those sent: by source (a client may drop it) and a string code. */
function ours(params: CodeActionParams): Diagnostic[] {
  return (params.context.diagnostics ?? []).filter((d) => (d.source === undefined || d.source === 'casewright') && typeof d.code === 'string');
}

function toCore(d: Diagnostic, context: FeatureContext, uri: string): CaseDiagnostic {
  const data = (d.data as DiagnosticData | undefined) ?? publishedData(d, context, uri);
  const core: CaseDiagnostic = { severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error] ?? 'error', code: String(d.code), message: d.message, range: d.range };
  if (data) core.data = data;
  return core;
}

function publishedData(d: Diagnostic, context: FeatureContext, uri: string): DiagnosticData | undefined {
  const same = (a: Diagnostic['range'], b: Diagnostic['range']) =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  return context.workspace.diagnostics(uri).find((p) => p.code === d.code && same(p.range, d.range))?.data;
}
