// Helpers for extension-host tests: open a case and wait for its diagnostics (no sleeps).
import * as path from 'node:path';
import * as vscode from 'vscode';

export const WORKSPACE = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;

export async function openCase(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(WORKSPACE(), relative)));
  return vscode.window.showTextDocument(document);
}

/** Resolves when `uri` has diagnostics that satisfy `accept`. */
export function diagnosticsFor(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0, timeoutMs = 30_000): Promise<readonly vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { listener.dispose(); reject(new Error(`no matching diagnostics for ${uri.fsPath}`)); }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Retries a provider command while the server starts (the first answer may be empty). */
export async function until<T>(produce: () => Thenable<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  let value = await produce();
  while (!ok(value) && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 200));
    value = await produce();
  }
  return value;
}
