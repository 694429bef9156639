// The editor around the file, through the vscode API: the New Case command (where it writes,
// what it refuses, that its skeleton checks clean), word wrap for the language, and completion
// as VS Code merges it with the snippets.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WORKSPACE, diagnosticsFor, openCase, until } from './helpers';

const newCase = (folder: vscode.Uri | undefined, id: string) => vscode.commands.executeCommand<vscode.Uri | undefined>('casewright.newCase', folder, id);
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('authoring in the editor', () => {
  it('New Case writes a skeleton with every section beside the active file, opens it, and it checks clean', async () => {
    await openCase('drafts/broken-unit.case');
    const created = await newCase(undefined, 'eh-new-case-01');
    assert.ok(created, 'the command returns the new file');
    assert.equal(created.fsPath, path.join(WORKSPACE(), 'drafts', 'eh-new-case-01.case'));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), created.toString(), 'the new case is the active editor');
    const text = editor.document.getText();
    for (const header of ['[patient]', '[history]', '[exam]', '[labs]', '[smear]', '[marrow]', '[course]', '[answer]', '[question: after marrow]']) assert.ok(text.includes(`\n${header}\n`), header);
    assert.match(text, /^case: eh-new-case-01\n/);
    // What the author sees: break the file so the server must answer, then put it back; the
    // skeleton's own diagnostics are then whatever is left (none at all).
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'level: hard\n'));
    await diagnosticsFor(created, (d) => d.length > 0);
    await editor.edit((b) => b.delete(new vscode.Range(1, 0, 2, 0)));
    assert.equal(editor.document.getText(), text);
    const left = await diagnosticsFor(created, (d) => d.length === 0);
    assert.deepEqual(left.map((d) => d.message), []);
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  it('New Case writes into a folder chosen in the Explorer', async () => {
    const folder = path.join(WORKSPACE(), 'drafts', 'unit-3');
    mkdirSync(folder, { recursive: true });
    const created = await newCase(vscode.Uri.file(folder), 'eh-in-folder-01');
    assert.equal(created?.fsPath, path.join(folder, 'eh-in-folder-01.case'));
    assert.ok(existsSync(created.fsPath));
  });

  it('New Case refuses an existing file and an id the bank already has, and overwrites nothing', async () => {
    await openCase('itp-01.case'); // the server runs and knows the bank
    const drafts = vscode.Uri.file(path.join(WORKSPACE(), 'drafts'));
    const mine = path.join(drafts.fsPath, 'taken.case');
    writeFileSync(mine, 'case: something-else-01\ntitle: Mine, keep me\n');
    assert.equal(await newCase(drafts, 'taken'), undefined);
    assert.equal(readFileSync(mine, 'utf8'), 'case: something-else-01\ntitle: Mine, keep me\n');
    // b12-deficiency-01 is the id of a case in the workspace root: not again in drafts/.
    assert.equal(await newCase(drafts, 'b12-deficiency-01'), undefined);
    assert.ok(!existsSync(path.join(drafts.fsPath, 'b12-deficiency-01.case')));
    // And an id that is not one.
    assert.equal(await newCase(drafts, 'Not An Id'), undefined);
    assert.ok(!existsSync(path.join(drafts.fsPath, 'Not An Id.case')));
  });

  it('turns word wrap on for .case files by default (configurationDefaults)', () => {
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'case' }).get('wordWrap'), 'on');
    assert.notEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'on');
  });

  it('completion at the top of an empty case offers `case` once, beside the new-case snippet', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'case', content: '' });
    await vscode.window.showTextDocument(document);
    const list = await until(() => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0)), (l) => l.items.some((i) => labelOf(i) === 'case'));
    const labels = list.items.map(labelOf);
    assert.deepEqual(labels.filter((l) => l === 'case'), ['case'], labels.join(', '));
    assert.ok(labels.includes('newcase'), `the snippet is offered: ${labels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // In a question, `answer` is the key alone: no snippet of that name beside it.
    const question = await vscode.workspace.openTextDocument({ language: 'case', content: 'case: q-01\ntitle: Q\n\n[question]\ntype: numeric\nans' });
    await vscode.window.showTextDocument(question);
    const inQuestion = await until(() => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', question.uri, new vscode.Position(5, 3)), (l) => l.items.some((i) => labelOf(i) === 'answer'));
    assert.deepEqual(inQuestion.items.map(labelOf).filter((l) => l === 'answer'), ['answer']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a section inserted by completion keeps a blank line before it', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'case', content: 'case: blank-line-01\ntitle: T\n[ma' });
    const editor = await vscode.window.showTextDocument(document);
    const at = new vscode.Position(2, 3);
    const list = await until(() => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at), (l) => l.items.some((i) => labelOf(i) === '[marrow]'));
    const item = list.items.find((i) => labelOf(i) === '[marrow]')!;
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing ?? document.getWordRangeAtPosition(at)!;
    if (item.insertText instanceof vscode.SnippetString) await editor.insertSnippet(item.insertText, range);
    else await editor.edit((b) => b.replace(range, typeof item.insertText === 'string' ? item.insertText : labelOf(item)));
    if (item.additionalTextEdits?.length) await editor.edit((b) => { for (const e of item.additionalTextEdits!) b.replace(e.range, e.newText); });
    assert.equal(document.getText(), 'case: blank-line-01\ntitle: T\n\n[marrow]');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
