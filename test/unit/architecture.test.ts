// The lint rules that keep the core pure (STYLE.md rule 1) and behind its one front door
// (rule 13) really fire.
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

  const pastTheFrontDoor = [
    ['server/src/lsp/features/probe.ts', "import { hover } from '../../core/services/hover';"],
    ['server/src/cli/probe.ts', "import { CaseBank } from '../core/bank';"],
    ['server/src/node/probe.ts', "import { readConfigText } from '../core/config/config';"],
    ['server/src/probe.ts', "import { analyzeCase } from './core/analyzeCase';"],
    ['client/src/preview/probe.ts', "import { renderDocumentShell } from '../../../server/src/core/render/documentShell';"],
    ['server/src/lsp/probe.ts', "import { getCaseService } from '../core/index';"],
  ];
  for (const [file, line] of pastTheFrontDoor) {
    it(`outside the core, ${file} may not import past the front door`, async () => {
      const messages = await lintAs(file, `${line}\nexport const used = 1;\n`);
      assert.equal(messages.length, 1, `${line}: ${messages.join('\n')}`);
      assert.match(messages[0], /front door/);
    });
  }

  it('the front door itself is open to every layer', async () => {
    assert.deepEqual(await lintAs('server/src/lsp/features/probe.ts', "import { getCaseService } from '../../core';\nexport const used = getCaseService;\n"), []);
    assert.deepEqual(await lintAs('server/src/cli/probe.ts', "import { getCaseService } from '../core';\nexport const used = getCaseService;\n"), []);
    assert.deepEqual(await lintAs('client/src/preview/probe.ts', "import { renderDocumentShell } from '../../../server/src/core';\nexport const used = renderDocumentShell;\n"), []);
  });

  it('inside the core, modules import each other directly', async () => {
    assert.deepEqual(await lintAs('server/src/core/services/probe.ts', "import { analyzeCase } from '../analyzeCase';\nexport const used = analyzeCase;\n"), []);
  });

  it('every module outside the core imports it only through the front door (the rule holds today)', async () => {
    const eslint = new ESLint({ cwd: REPO });
    const results = await eslint.lintFiles(['server/src', 'client/src']);
    const breaches = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${path.relative(REPO, r.filePath)}:${m.line} ${m.message}`));
    assert.deepEqual(breaches, []);
  });
});
