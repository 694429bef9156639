// The lint rule that keeps the core pure really fires (STYLE.md rule 1).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const REPO = path.resolve(__dirname, '..', '..');

async function lintAs(file: string, code: string) {
  const eslint = new ESLint({ cwd: REPO });
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('architecture rules', function () {
  this.timeout(60_000);

  it('the core may not import the editor, the language server or the file system', async () => {
    const messages = await lintAs('server/src/core/probe.ts', [
      "import * as vscode from 'vscode';",
      "import { readFileSync } from 'node:fs';",
      "import { createConnection } from 'vscode-languageserver/node';",
      "import { runCheck } from '../cli/checkCommand';",
      'export const used = [vscode, readFileSync, createConnection, runCheck];',
    ].join('\n'));
    assert.equal(messages.length, 4, messages.join('\n'));
    assert.ok(messages.some((m) => /editor/.test(m)));
    assert.ok(messages.some((m) => /reads no files/.test(m)));
  });

  it('the server layer may', async () => {
    assert.deepEqual(await lintAs('server/src/lsp/probe.ts', "import { readFileSync } from 'node:fs';\nexport const used = readFileSync;\n"), []);
  });
});
