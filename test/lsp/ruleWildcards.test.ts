// `rules` wildcards in the language server: casewright.json's `privacy-*` with a more specific
// code, and the editor's `casewright.rules` on top, winning over the file.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';

const IDENTIFIED = 'case: demo-01\ntitle: Demo case\n\n[history]\nMr. Smith was seen on 12/03/2024.\n';
const CONFIG = JSON.stringify({ rules: { 'privacy-*': 'info', 'privacy-date': 'error' } });
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

async function privacyFindings(editorRules: Record<string, string> | undefined): Promise<string[]> {
  const bank = tempBank({ 'casewright.json': CONFIG, 'a.case': IDENTIFIED });
  const session = new LspSession(editorRules ? { rules: editorRules } : {}, { inProcess: true });
  try {
    await session.initialize(bank.dir);
    const diagnostics = await session.open(fileUri(path.join(bank.dir, 'a.case')), IDENTIFIED);
    return diagnostics.filter((d) => String(d.code).startsWith('privacy-')).map((d) => `${String(d.code)}:${SEVERITY[d.severity ?? 0]}`);
  } finally {
    await session.dispose();
    bank.cleanup();
  }
}

describe('language server: rules wildcards', function () {
  this.timeout(30_000);

  it('casewright.json: privacy-* re-levels the family, privacy-date (more specific) wins', async () => {
    assert.deepEqual(await privacyFindings(undefined), ['privacy-name:info', 'privacy-date:error']);
  });

  it('a wildcard in the editor setting that matches no code is said in the log', async () => {
    const bank = tempBank({ 'a.case': IDENTIFIED });
    const session = new LspSession({ rules: { 'privcy-*': 'off' } }, { inProcess: true });
    try {
      // The rules are applied before the scan, which initialize() waits for.
      await session.initialize(bank.dir);
      const logged = session.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      assert.ok(logged.some((m) => /casewright\.rules: `rules\.privcy-\*` matches no diagnostic code \(did you mean `privacy-\*`\?\)/.test(m)), logged.join('\n'));
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });

  it("the editor's privacy-* wins over the file's privacy-date; its own codes refine it", async () => {
    assert.deepEqual(await privacyFindings({ 'privacy-*': 'off' }), []);
    assert.deepEqual(await privacyFindings({ 'privacy-*': 'off', 'privacy-name': 'warning' }), ['privacy-name:warning']);
  });
});
