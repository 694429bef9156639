// The statistics view's request (casewright/bankStats) on the server in-process: the same
// numbers as `casewright stats`, open documents at their current text, and a change notice
// (casewright/bankStatsChanged) after a file is edited, created, deleted or renamed on disk,
// while the view follows and not after it closed. Waits for notices, never sleeps.
import { strict as assert } from 'node:assert';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import type { BankStatsResult } from '../../server/src/protocol/customMessages';
import { LspSession, fileUri } from '../support/lspClient';
import { runCli, tempBank } from '../support/runCli';

const LABS_APLASIA = '\n[labs]\nhemoglobin: 6.8 g/dL\nhematocrit: 20 %\nreticulocytes: 0.1 %\nwbc: 1.4 10^9/L\nanc: 0.3 10^9/L\nplatelets: 9 10^9/L\n\n[marrow]\ncellularity: 5 %\nerythroid: absent\nmyeloid: hypoplastic\nmegakaryocytes: absent\n';
const FILES = {
  'casewright.json': JSON.stringify({ curriculum: { objectives: [{ id: 'hem-1', title: 'Read a blood count' }, { id: 'hem-3', title: 'Hemolysis' }] } }),
  'a.case': `case: a-01\ntitle: A\ntags: aplasia\nstatus: ready\nreviewed-by: R\nauthor: K. Mensah\nobjectives: hem-1\n${LABS_APLASIA}\n[answer]\nmechanism: aplasia\n`,
  'b.case': `case: b-01\ntitle: B\nstatus: draft\n${LABS_APLASIA}\n[answer]\nmechanism: blood-loss\n`,
};

describe('language server: bank statistics for the editor view', function () {
  this.timeout(60_000);
  let bank: { dir: string; cleanup: () => void };
  let session: LspSession;

  beforeEach(async () => {
    bank = tempBank(FILES);
    session = new LspSession({}, { inProcess: true });
    await session.initialize(bank.dir);
  });
  afterEach(async () => {
    await session.dispose();
    bank.cleanup();
  });

  const stats = (follow = true) => session.request<BankStatsResult>('casewright/bankStats', { follow });
  const changed = () => session.waitForNotification('casewright/bankStatsChanged');
  const statuses = (r: BankStatsResult) => Object.fromEntries(r.stats.byStatus.map((c) => [c.value, c.cases]));

  it('gives the numbers `casewright stats --format json` gives, and the body to show', async () => {
    const result = await stats();
    const cli = JSON.parse(runCli(['stats', '--format', 'json'], bank.dir).stdout) as Record<string, unknown>;
    // The CLI names files by relative path, the server by uri; everything else is the same.
    const relative = (r: unknown) => JSON.parse(JSON.stringify(r).replaceAll(`${fileUri(bank.dir)}/`, ''));
    delete cli.version;
    assert.deepEqual(relative(result.stats), cli);
    assert.equal(result.stats.cases, 2);
    assert.deepEqual(result.stats.engine.conflicts.map((c) => [c.id, c.file]), [['b-01', fileUri(path.join(bank.dir, 'b.case'))]]);
    assert.deepEqual(result.stats.objectives?.notCovered.map((o) => o.id), ['hem-3']);
    assert.match(result.html, /<a href="#" class="open-case" data-file="file:[^"]*\/b\.case"[^>]*>b-01<\/a>/);
    assert.ok(result.configFile?.endsWith('casewright.json'));
  });

  it('follows an open document as it is edited, before and after its diagnostics', async () => {
    assert.deepEqual(statuses(await stats()), { draft: 1, ready: 1 });
    const uri = fileUri(path.join(bank.dir, 'b.case'));
    await session.open(uri, FILES['b.case']);
    const notice = changed();
    await session.change(uri, FILES['b.case'].replace('status: draft', 'status: review'));
    await notice;
    assert.deepEqual(statuses(await stats()), { ready: 1, review: 1 });
    // Asked straight after an edit, before the diagnostics run, the answer has the edit too.
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ text: FILES['b.case'].replace('status: draft', 'status: retired') }] });
    assert.deepEqual(statuses(await stats()), { ready: 1, retired: 1 });
  });

  it('follows files created, changed, renamed and deleted on disk', async () => {
    assert.equal((await stats()).stats.cases, 2);
    const watched = (changes: { uri: string; type: FileChangeType }[]) => session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });

    const cFile = path.join(bank.dir, 'c.case');
    writeFileSync(cFile, 'case: c-01\ntitle: C\nstatus: review\nobjectives: hem-3\n');
    let notice = changed();
    await watched([{ uri: fileUri(cFile), type: FileChangeType.Created }]);
    await notice;
    let result = await stats();
    assert.equal(result.stats.cases, 3);
    assert.deepEqual(result.stats.objectives?.notCovered, [], 'hem-3 is covered by the new case');

    writeFileSync(cFile, 'case: c-01\ntitle: C\nstatus: draft\n');
    notice = changed();
    await watched([{ uri: fileUri(cFile), type: FileChangeType.Changed }]);
    await notice;
    assert.deepEqual(statuses(await stats()), { draft: 2, ready: 1 });

    const dFile = path.join(bank.dir, 'd.case');
    renameSync(cFile, dFile);
    notice = changed();
    await watched([{ uri: fileUri(cFile), type: FileChangeType.Deleted }, { uri: fileUri(dFile), type: FileChangeType.Created }]);
    await notice;
    result = await stats();
    assert.equal(result.stats.cases, 3);
    assert.ok(!JSON.stringify(result.stats).includes('c.case'));

    rmSync(dFile);
    notice = changed();
    await watched([{ uri: fileUri(dFile), type: FileChangeType.Deleted }]);
    await notice;
    assert.equal((await stats()).stats.cases, 2);
  });

  it('follows casewright.json: a new curriculum changes the objectives', async () => {
    assert.equal((await stats()).stats.objectives?.covered.length, 1);
    const config = path.join(bank.dir, 'casewright.json');
    writeFileSync(config, JSON.stringify({ curriculum: { objectives: [{ id: 'hem-9', title: 'Something else' }] } }));
    const notice = changed();
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: FileChangeType.Changed }] });
    await notice;
    const result = await stats();
    assert.deepEqual(result.stats.objectives?.notCovered.map((o) => o.id), ['hem-9']);
    assert.deepEqual(result.stats.objectives?.unknown, [{ objective: 'hem-1', cases: ['a-01'] }]);
  });

  it('parses no closed file to answer: the statistics come from the few words kept per file', async () => {
    const workspace = session.server!.workspace;
    const before = workspace.work.analyses;
    for (let i = 0; i < 3; i++) await stats();
    assert.equal(workspace.work.analyses, before, 'no analysis made');
    assert.equal(workspace.closedAnalysesHeld, 0, 'no analysis held');
    assert.equal((await stats(false)).stats.cases, 2, 'a view that closes gets its answer too');
  });
});
