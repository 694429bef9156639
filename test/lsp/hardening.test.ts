// The server survives a storm of random edits, out-of-order versions, unknown documents and
// malformed params; workspace trust limits what casewright.json may change.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspSession, fileUri } from '../support/lspClient';
import { mutatedCase } from '../support/mutations';
import { tempBank } from '../support/runCli';
import { assertInside } from '../support/ranges';

describe('language server hardening', function () {
  this.timeout(120_000);

  it('survives a storm of random edits, out-of-order versions and malformed requests', async () => {
    const bank = tempBank({ 'a.case': 'case: a-01\ntitle: A\n' });
    const session = new LspSession();
    try {
      await session.initialize(bank.dir);
      const uri = fileUri(path.join(bank.dir, 'storm.case'));
      await session.open(uri, 'case: storm-01\ntitle: Storm\n');
      const texts = fc.sample(mutatedCase(5), { seed: 5, numRuns: 60 }).filter((t) => t.length < 300_000);
      let version = 1;
      for (const [i, text] of texts.entries()) {
        // Every fifth change goes back in version, as a confused client might send.
        version = i % 5 === 4 ? version - 3 : version + 1;
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        const requests = [
          session.request('textDocument/hover', { textDocument: { uri }, position: { line: i % 20, character: i % 7 } }),
          session.request('textDocument/completion', { textDocument: { uri }, position: { line: i % 20, character: 0 } }),
          session.request('textDocument/documentSymbol', { textDocument: { uri } }),
          session.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
          session.request('textDocument/hover', { textDocument: { uri: fileUri('/nowhere/never-opened.case') }, position: { line: 1, character: 1 } }),
          session.request('textDocument/hover', { textDocument: 42, position: null }),
          session.request('casewright/preview', { uri, view: 'answer' }),
        ];
        // Each request gets a result or a proper LSP error, never silence.
        const answers = await Promise.all(requests.map((r) => r.then(() => 'result', (e: { code?: number }) => (typeof e.code === 'number' ? 'error' : 'bad'))));
        assert.ok(answers.every((a) => a !== 'bad'), answers.join(','));
      }
      // Finally a known text: the diagnostics match it, inside the document.
      const final = 'case: storm-01\ntitle: Storm\n[labs]\nhemoglobin: 61 g/dL\n';
      const diagnostics = await session.change(uri, final);
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['implausible-value', 'missing-mechanism']);
      for (const d of diagnostics) assertInside(d.range, final, String(d.code));
      assert.equal(session.exited, undefined, session.stderr);
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });

  it('in an untrusted workspace, casewright.json changes severities but not the RPI table', async () => {
    const config = JSON.stringify({ rules: { 'missing-mechanism': 'off' }, maturation: { bands: [{ minHematocrit: 0, days: 4 }] } });
    const text = 'case: t-01\ntitle: T\n[labs]\nreticulocytes: 4.5 %\nhematocrit: 30 %\n';
    const bank = tempBank({ 'casewright.json': config, 't.case': text });
    const rpiOf = async (trusted: boolean) => {
      const session = new LspSession();
      try {
        await session.initialize(bank.dir, { trusted });
        const uri = fileUri(path.join(bank.dir, 't.case'));
        const diagnostics = await session.open(uri, readFileSync(path.join(bank.dir, 't.case'), 'utf8'));
        assert.deepEqual(diagnostics.map((d) => d.code), [], 'rules apply either way');
        const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
        return /Reticulocyte production index ([\d\\.]+)/.exec((hover.contents as { value: string }).value)?.[1].replace(/\\/g, '');
      } finally {
        await session.dispose();
      }
    };
    try {
      assert.equal(await rpiOf(true), '0.75', 'trusted: the course bands (4 days)');
      assert.equal(await rpiOf(false), '2.00', 'untrusted: the shipped table (1.5 days)');
    } finally {
      bank.cleanup();
    }
  });

  it('the preview request hides the indices casewright.json hides from learners, and the toggle overrides it', async () => {
    const text = 'case: t-01\ntitle: T\n[labs]\nreticulocytes: 4.5 %\nhematocrit: 30 %\n';
    const bank = tempBank({ 'casewright.json': JSON.stringify({ learnerView: { hideIndices: ['rpi'] } }), 't.case': text });
    const session = new LspSession();
    try {
      await session.initialize(bank.dir);
      const uri = fileUri(path.join(bank.dir, 't.case'));
      await session.open(uri, text);
      const rows = async (params: Record<string, unknown>) => {
        const preview = await session.request<{ html: string } | null>('casewright/preview', { uri, ...params });
        return [...(preview?.html ?? '').matchAll(/<tr class="index" data-index="([a-z-]+)"/g)].map((m) => m[1]);
      };
      assert.deepEqual(await rows({ view: 'learner' }), ['corrected-reticulocytes']);
      assert.deepEqual(await rows({ view: 'answer' }), ['corrected-reticulocytes', 'rpi']);
      assert.deepEqual(await rows({ view: 'learner', hideIndices: false }), ['corrected-reticulocytes', 'rpi']);
      assert.deepEqual(await rows({ view: 'learner', hideIndices: true }), []);
      assert.deepEqual(await rows({ view: 'learner', hideIndices: 'yes' }), ['corrected-reticulocytes'], 'a malformed toggle is ignored');
    } finally {
      await session.dispose();
      bank.cleanup();
    }
  });
});
