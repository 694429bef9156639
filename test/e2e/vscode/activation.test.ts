// The extension activates only for .case files (or its commands).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { WORKSPACE, openCase } from './helpers';

describe('activation', () => {
  it('is not active until a .case file opens, then is', async () => {
    const extension = vscode.extensions.getExtension('casewright.casewright');
    assert.ok(extension, 'the extension is installed');
    assert.equal(extension.isActive, false, 'not active at start-up');
    const notes = path.join(WORKSPACE(), 'notes.txt');
    writeFileSync(notes, 'plain text\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    assert.equal(extension.isActive, false, 'a .txt file does not activate it');
    const editor = await openCase('itp-01.case');
    assert.equal(editor.document.languageId, 'case');
    for (let i = 0; i < 100 && !extension.isActive; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(extension.isActive, true);
  });
});
