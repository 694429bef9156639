// Text from a bank (casewright.json's keys and values, its path) never reaches a surface the
// editor renders as markdown: VS Code turns `[label](command:…)` in a notification into a
// clickable command link, even in an untrusted folder (issue 15, item 6).
import { strict as assert } from 'node:assert';
import { LspSession } from '../support/lspClient';
import { tempBank } from '../support/runCli';

const LINK = '[Fix it](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)';

describe('language server: untrusted text', function () {
  this.timeout(30_000);

  it('keeps a markdown command link in an unknown casewright.json key out of showMessage', async () => {
    const bank = tempBank({ 'casewright.json': JSON.stringify({ [LINK]: true, rules: { [LINK]: 'off' } }), 'a.case': 'case: a-01\ntitle: A\n' });
    const session = new LspSession();
    try {
      await session.initialize(bank.dir);
      const shown = session.notifications.filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest').map((n) => (n.params as { message: string }).message);
      assert.equal(shown.length, 1, 'the user is told the file is ignored');
      assert.match(shown[0], /casewright\.json is ignored/);
      for (const message of shown) {
        assert.ok(!message.includes('command:'), message);
        assert.ok(!/\[[^\]]*\]\(/.test(message), message);
      }
      // The log (plain text) and the status bar's tooltip still say what is wrong.
      const logged = session.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      assert.ok(logged.some((m) => m.includes('casewright.json is ignored') && m.includes('Fix it')), logged.join('\n'));
      const status = session.notifications.find((n) => n.method === 'casewright/bankStatus')!.params as { configProblem?: string };
      assert.ok(status.configProblem?.includes('Fix it'));
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });
});
