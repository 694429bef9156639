// The same server in-process, on a pair of in-memory streams (startServer): its state can be
// read, so these tests assert on the work it does (files re-checked, analyses made and held)
// rather than on wall-clock time (issue 15, items 1 and 12; issue 16, the edges and the speed).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, Hover } from 'vscode-languageserver-protocol';
import { CLOSED_ANALYSES_KEPT } from '../../server/src/lsp/analysisCache';
import { LspSession, fileUri } from '../support/lspClient';
import { tempBank } from '../support/runCli';

const SAMPLE = readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'iron-deficiency-01.case'), 'utf8');

/** `count` realistic cases made from a sample, each with its own id. */
function sampleBank(count: number, seeAlso: (i: number) => string | undefined = () => undefined): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const id = `gen-${String(i).padStart(5, '0')}`;
    let text = SAMPLE.replace(/^case: .*$/m, `case: ${id}`);
    const link = seeAlso(i);
    text = link ? text.replace(/^see-also: .*$/m, `see-also: ${link}`) : text.replace(/^see-also: .*\n/m, '');
    files[`unit-${i % 10}/${id}.case`] = text;
  }
  return files;
}

/** Resolves when `condition` holds, checking once per turn of the event loop (no sleeping). */
function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setImmediate(poll);
    };
    poll();
  });
}

describe('language server in-process', function () {
  this.timeout(120_000);

  it('runs on a pair of streams and answers as the server process does', async () => {
    const bank = tempBank({ 'a.case': 'case: a-01\ntitle: A\n' });
    const session = new LspSession({}, { inProcess: true });
    try {
      const result = await session.initialize(bank.dir);
      assert.ok(result.capabilities.hoverProvider);
      const uri = fileUri(path.join(bank.dir, 'b.case'));
      const diagnostics = await session.open(uri, 'case: a-01\ntitle: B\nsee-also: nowhere-01\n');
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['duplicate-case-id', 'unknown-see-also']);
      assert.deepEqual(session.server!.workspace.uris().length, 2);
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });

  it('answers hover and completion on an open document while a large bank is still loading', async () => {
    const bank = tempBank(sampleBank(2500));
    const session = new LspSession({}, { inProcess: true });
    try {
      let loaded = false;
      await session.initialize(bank.dir, undefined, { waitForScan: false });
      const workspace = session.server!.workspace;
      void workspace.ready.then(() => { loaded = true; });
      // Once loading is under way, open a document and ask about it.
      await until(() => workspace.uris().length > 0);
      const uri = fileUri(path.join(bank.dir, 'open.case'));
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'case', version: 1, text: SAMPLE } });
      const line = SAMPLE.split('\n').findIndex((l) => l.startsWith('hemoglobin:'));
      const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
      const completion = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } });
      const answeredDuringLoad = !loaded;
      const filesWhenAnswered = workspace.uris().length;
      assert.ok(hover && /hemoglobin/i.test(JSON.stringify(hover.contents)), JSON.stringify(hover));
      assert.ok(completion.length > 0);
      assert.ok(answeredDuringLoad, `the answers came after the load (${filesWhenAnswered} files)`);
      assert.ok(filesWhenAnswered < 2500, `${filesWhenAnswered} files were loaded`);
      await workspace.ready;
      assert.equal(workspace.uris().length, 2501);
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });

  it('keeps full analyses of closed files in a bounded cache, and none after loading', async () => {
    const count = CLOSED_ANALYSES_KEPT + 40;
    const bank = tempBank(sampleBank(count));
    const session = new LspSession({}, { inProcess: true });
    try {
      await session.initialize(bank.dir);
      const workspace = session.server!.workspace;
      assert.equal(workspace.closedAnalysesHeld, 0, 'loading keeps only ids, links and diagnostics');
      // A preview of every closed file: each answered, the cache never past its bound.
      for (const uri of workspace.uris()) {
        const preview = await session.request<{ title: string } | null>('casewright/preview', { uri, view: 'learner' });
        assert.ok(preview?.title);
        assert.ok(workspace.closedAnalysesHeld <= CLOSED_ANALYSES_KEPT);
      }
      assert.equal(workspace.closedAnalysesHeld, CLOSED_ANALYSES_KEPT);
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });

  it('re-checks only the edited file after an edit in a 1,000-case bank with broken links', async () => {
    // Ids as varied as real ones (no two within "did you mean" reach of each other by design).
    const id = (i: number) => {
      let n = Math.imul(i + 1, 2654435761) >>> 0;
      let word = '';
      for (let k = 0; k < 7; k++, n = Math.floor(n / 26)) word += String.fromCharCode(97 + (n % 26));
      return `${word}-01`;
    };
    const caseText = (i: number, caseId = id(i), links = `${id(i)}x, ${id(i + 1)}-old`, hemoglobin = '9.1') =>
      `case: ${caseId}\ntitle: Case ${i}\nsee-also: ${links}\n\n[labs]\nhemoglobin: ${hemoglobin} g/dL\n`;
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`c${i}.case`] = caseText(i);
    const bank = tempBank(files);
    const session = new LspSession({}, { inProcess: true });
    try {
      await session.initialize(bank.dir);
      const { workspace, diagnostics: publisher } = session.server!;
      // Every closed file published and kept current from now on: the most there is to refresh.
      const checked = await session.request<{ files: number; errors: number }>('casewright/checkBank', {});
      assert.equal(checked.files, 1000);
      assert.equal(checked.errors, 2000);
      const uri = fileUri(path.join(bank.dir, 'c0.case'));
      await session.open(uri, caseText(0));
      const work = () => ({ checked: publisher.work.checked, analyses: workspace.work.analyses, didYouMean: workspace.bankCheckOperations });
      const since = (before: ReturnType<typeof work>) => {
        const now = work();
        return { checked: now.checked - before.checked, analyses: now.analyses - before.analyses, didYouMean: now.didYouMean - before.didYouMean };
      };

      let before = work();
      const afterLab = await session.change(uri, caseText(0, id(0), undefined, '9.4'));
      assert.deepEqual(afterLab.map((d) => d.code).filter((c) => c === 'unknown-see-also'), ['unknown-see-also', 'unknown-see-also']);
      assert.deepEqual(since(before), { checked: 1, analyses: 1, didYouMean: 0 }, 'a lab edit costs one file and no "did you mean"');

      before = work();
      const afterLink = await session.change(uri, caseText(0, id(0), `${id(3)}-new`, '9.4'));
      assert.ok(afterLink.find((d) => d.code === 'unknown-see-also')!.message.includes(`${id(3)}-new`));
      const linkWork = since(before);
      assert.equal(linkWork.checked, 1, 'no other file cites that link');
      assert.ok(linkWork.didYouMean > 0 && linkWork.didYouMean <= 2 * 4096, `did-you-mean rows: ${linkWork.didYouMean}`);

      // Taking the id another file's link was missing fixes that file, and re-checks only it.
      const fixedUri = fileUri(path.join(bank.dir, 'c5.case'));
      const fixed = session.waitForDiagnostics(fixedUri, (p) => p.diagnostics.filter((d) => d.code === 'unknown-see-also').length === 1);
      before = work();
      await session.change(uri, caseText(0, `${id(5)}x`, `${id(3)}-new`, '9.4'));
      await fixed;
      const idWork = since(before);
      assert.ok(idWork.checked >= 2 && idWork.checked <= 10, `files re-checked: ${idWork.checked}`);
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });
});
