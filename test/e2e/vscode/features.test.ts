// Every editor feature through the vscode API, as other extensions and VS Code itself call it.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import diagnosticsCatalog from '../../../schemas/diagnostics.json';
import { WORKSPACE, codeOf, diagnosticsFor, openCase, until } from './helpers';

interface Rule { code: string; scope: string; bad?: string | Record<string, string> }

describe('features through the vscode API', () => {
  it('reports every documented diagnostic code on its bad example', async function () {
    // Up to a few seconds per code on a busy machine, and the catalog grows.
    this.timeout(300_000);
    const folder = path.join(WORKSPACE(), 'diagnostic-examples');
    const rules = (diagnosticsCatalog as { rules: Rule[] }).rules.filter((r) => r.scope !== 'file');
    const missing: string[] = [];
    for (const rule of rules) {
      const files = typeof rule.bad === 'string' ? { [`${rule.code}.case`]: rule.bad } : Object.fromEntries(Object.entries(rule.bad ?? {}).map(([n, t]) => [`${rule.code}-${n}`, t]));
      const dir = path.join(folder, rule.code);
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
      // Open every file of the example: bank rules need their partners in the bank too.
      let found = false;
      for (const name of Object.keys(files)) {
        const document = await vscode.workspace.openTextDocument(path.join(dir, name));
        await vscode.window.showTextDocument(document, { preview: false });
      }
      for (const name of Object.keys(files)) {
        const uri = vscode.Uri.file(path.join(dir, name));
        try {
          await diagnosticsFor(uri, (d) => d.some((x) => codeOf(x) === rule.code), 15_000);
          found = true;
          break;
        } catch {
          // try the next file of the example
        }
      }
      if (!found) missing.push(rule.code);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.deepEqual(missing, []);
  });

  it('hovers reticulocytes with the RPI and its maturation band', async () => {
    const editor = await openCase('b12-deficiency-01.case');
    const line = editor.document.getText().split('\n').findIndex((l) => /^reticulocytes:/i.test(l));
    assert.ok(line >= 0);
    const hovers = await until(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 3)), (h) => h.length > 0);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /RPI|production index/i);
    assert.match(text, /day|maturation/i);
  });

  it('completes lab names in [labs]', async () => {
    const editor = await openCase('b12-deficiency-01.case');
    const line = editor.document.getText().split('\n').findIndex((l) => /^\[labs\]/.test(l)) + 1;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'hapt\n'));
    const list = await until(() => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 4)), (l) => l.items.length > 0);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('haptoglobin'), labels.slice(0, 20).join(', '));
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('applies a quick fix through a WorkspaceEdit', async () => {
    const editor = await openCase('drafts/broken-unit.case');
    const diagnostics = await diagnosticsFor(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'unit-not-accepted'));
    const bad = diagnostics.find((d) => codeOf(d) === 'unit-not-accepted')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, bad.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && /10\^9\/L/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.getText(), /platelets: 245 10\^9\/L/);
    await diagnosticsFor(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'unit-not-accepted'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('formats by whitespace only, and formatting twice changes nothing', async () => {
    const uri = vscode.Uri.file(path.join(WORKSPACE(), 'format-me.case'));
    writeFileSync(uri.fsPath, 'case: fmt-01\ntitle:   Format me   \n\n\n[labs]\nhb:6.1 g/dL\nreticulocytes:   4 %\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edits = await until(() => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true }), (e) => (e?.length ?? 0) > 0);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(uri, edits);
    await vscode.workspace.applyEdit(workspaceEdit);
    const formatted = document.getText();
    assert.equal(formatted.replace(/\s+/g, ''), readFileSync(uri.fsPath, 'utf8').replace(/\s+/g, ''));
    assert.notEqual(formatted, readFileSync(uri.fsPath, 'utf8'));
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true });
    assert.equal(again?.length ?? 0, 0);
  });

  it('renames a case id across the bank', async () => {
    const editor = await openCase('folate-deficiency-01.case');
    const text = editor.document.getText();
    const line = text.split('\n').findIndex((l) => l.startsWith('case:'));
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, new vscode.Position(line, 8), 'folate-deficiency-99');
    assert.ok(edit.size >= 1);
    const entries = edit.entries().map(([uri, edits]) => [path.basename(uri.fsPath), edits.map((e) => e.newText)]);
    assert.ok(entries.some(([file]) => file === 'folate-deficiency-01.case'), JSON.stringify(entries));
  });

  it('lists document symbols: header, sections, labs panels', async () => {
    const editor = await openCase('b12-deficiency-01.case');
    const symbols = await until(() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri), (s) => (s?.length ?? 0) > 0);
    const names = symbols.map((s) => s.name).join(' | ');
    assert.match(names, /labs/);
    assert.match(names, /day 7/);
  });

  it('opens the preview beside the editor', async () => {
    await openCase('warm-aiha-01.case');
    await vscode.commands.executeCommand('casewright.showPreviewToSide');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    // The panel opens at once; its title follows when the first render arrives.
    const preview = await until(async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('casewright.preview')), (t) => Boolean(t && /warm-aiha-01/.test(t.label)));
    assert.ok(preview, tabs.map((t) => t.label).join(', '));
    assert.match(preview.label, /warm-aiha-01/);
  });

  it('checks the whole bank', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; errors: number }>('casewright.checkBank');
    assert.ok(result.files >= 13, `files: ${result.files}`);
    assert.ok(result.errors >= 1, 'the broken draft has errors');
  });

  it('shows the bank statistics, and the view follows a case created and deleted on disk', async () => {
    await vscode.commands.executeCommand('casewright.showStats');
    const statsTab = async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('casewright.bankStats'));
    // The panel opens at once; its title counts the cases when the first answer arrives.
    const first = await until(statsTab, (t) => Boolean(t && /\(\d+\)$/.test(t.label)));
    const count = Number(/\((\d+)\)$/.exec(first?.label ?? '')?.[1]);
    assert.ok(count >= 13, `cases: ${first?.label}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    const file = vscode.Uri.file(path.join(WORKSPACE(), 'stats-e2e.case'));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('case: stats-e2e-01\ntitle: New\nstatus: draft\n'));
    const grown = await until(statsTab, (t) => Boolean(t?.label.endsWith(`(${count + 1})`)));
    assert.ok(grown?.label.endsWith(`(${count + 1})`), grown?.label);
    await vscode.workspace.fs.delete(file);
    const back = await until(statsTab, (t) => Boolean(t?.label.endsWith(`(${count})`)));
    assert.ok(back?.label.endsWith(`(${count})`), back?.label);
  });
});
