// The language server with a hostile casewright.json: a FIFO or an oversized file in its place
// is reported and the bank is checked with the defaults; nothing hangs.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';

describe('language server with a hostile casewright.json', function () {
  this.timeout(60_000);

  const hostile: [string, (dir: string) => void, RegExp][] = [
    ['a FIFO', (dir) => execFileSync('mkfifo', [path.join(dir, 'casewright.json')]), /casewright\.json: not a regular file/],
    ['2 MB of globs', (dir) => execFileSync('node', ['-e', `require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'casewright.json'))}, JSON.stringify({ ignore: Array.from({ length: 300000 }, (_, i) => 'x' + i) }))`]), /may be at most 1,048,576/],
  ];

  for (const [label, make, problem] of hostile) {
    it(`${label}: reported, and cases are checked with the defaults`, async () => {
      const bank = tempBank({ 'a.case': 'case: a-01\ntitle: A\n[labs]\nhemoglobin: 61 g/dL\n' });
      make(bank.dir);
      const session = new LspSession();
      // The warning is a request; a real editor answers it when the user closes the message.
      const warnings: string[] = [];
      session.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
        warnings.push(params.message);
        return null;
      });
      try {
        await session.initialize(bank.dir);
        const status = session.notifications.find((n) => n.method === 'casewright/bankStatus')?.params as { files: number; configProblem?: string };
        assert.match(String(status.configProblem), problem);
        // The pop-up never quotes the file (VS Code renders links in it); the log, plain text, does.
        assert.match(warnings.join('\n'), /casewright\.json is ignored/);
        const logged = session.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
        assert.match(logged.join('\n'), problem);
        assert.equal(status.files, 1);
        const diagnostics = await session.open(fileUri(path.join(bank.dir, 'a.case')), 'case: a-01\ntitle: A\n[labs]\nhemoglobin: 61 g/dL\n');
        assert.ok(diagnostics.some((d) => d.code === 'implausible-value'));
        assert.equal(session.exited, undefined, session.stderr);
      } finally {
        await session.dispose();
        bank.cleanup();
      }
    });
  }
});
