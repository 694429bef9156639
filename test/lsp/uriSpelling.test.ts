// One key per file in the server: VS Code spells some characters in a uri differently from Node
// (`+` as `%2B`), and the server must treat both spellings as the same file, answering under the
// editor's own spelling (issue 16, "one uri key in the diagnostics publisher").
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';

describe('language server: uri spellings', function () {
  this.timeout(30_000);

  it('an open document spelled as the editor spells it is the closed file it shadows, not a second file', async () => {
    const bank = tempBank({ 'x+y.case': 'case: plus-01\ntitle: X\n', 'other.case': 'case: other-01\ntitle: O\nsee-also: plus-01\n' });
    const session = new LspSession();
    try {
      await session.initialize(bank.dir);
      const nodeSpelling = fileUri(path.join(bank.dir, 'x+y.case'));
      const editorSpelling = nodeSpelling.replace('+', '%2B');
      assert.notEqual(editorSpelling, nodeSpelling);
      // Not a duplicate of itself, published under the editor's spelling.
      assert.deepEqual(await session.open(editorSpelling, 'case: plus-01\ntitle: X\n'), []);
      assert.equal(session.diagnostics.has(nodeSpelling), false);
      assert.deepEqual((await session.change(editorSpelling, 'case: plus-01\ntitle: X, revised\n')).map((d) => d.code), []);
      // The whole-bank check publishes each file once: the open one under the editor's spelling.
      const result = await session.request<{ files: number }>('casewright/checkBank', {});
      assert.equal(result.files, 2);
      assert.equal(session.diagnostics.has(nodeSpelling), false);
      // Closing clears what the editor was shown, under the spelling it knows.
      const cleared = session.waitForDiagnostics(editorSpelling, (p) => p.diagnostics.length === 0 && p.version === undefined);
      await session.close(editorSpelling);
      await cleared;
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });
});
