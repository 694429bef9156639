// Diagnostics over the protocol, from dist/server.js started as an editor starts it.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, tempBank } from '../support/runCli';
import { LspSession, fileUri } from '../support/lspClient';
import { withHeader } from '../support/cases';

describe('language server: diagnostics', function () {
  this.timeout(30_000);
  let session: LspSession;
  let bank: ReturnType<typeof tempBank>;

  beforeEach(async () => {
    bank = tempBank({
      'a.case': 'case: shared-01\ntitle: A\n',
      'closed/b.case': 'case: other-01\ntitle: B\nsee-also: shared-01\n',
    });
    session = new LspSession();
    await session.initialize(bank.dir);
  });

  afterEach(async () => {
    await session.dispose();
    bank.cleanup();
  });

  it('publishes the same codes and ranges as the CLI on open', async () => {
    const text = withHeader('level: hard\n\n[labs]\nhemoglobin: 61 g/dL\n');
    const file = path.join(bank.dir, 'bad.case');
    writeFileSync(file, text);
    const diagnostics = await session.open(fileUri(file), text);
    const cli = JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'bad.case'], { cwd: bank.dir, encoding: 'utf8' }).stdout);
    const fromCli = cli[0].diagnostics.map((d: { code: string; line: number; column: number; endLine: number; endColumn: number }) => [d.code, d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1]);
    const fromServer = diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
    assert.deepEqual(fromServer, fromCli);
    assert.ok(diagnostics.every((d) => d.source === 'casewright'));
    assert.equal(diagnostics.find((d) => d.code === 'implausible-value')?.severity, 1);
  });

  it('updates on change, debounced, for the new version', async () => {
    const uri = fileUri(path.join(bank.dir, 'live.case'));
    assert.equal((await session.open(uri, withHeader(''))).length, 0);
    const after = await session.change(uri, withHeader('[labs]\nhemoglobin: 6.1 mg/dL\n'));
    assert.deepEqual(after.map((d) => d.code).filter((c) => c !== 'missing-mechanism'), ['unit-not-accepted']);
    const fixed = await session.change(uri, withHeader('[labs]\nhemoglobin: 6.1 g/dL\n'));
    assert.deepEqual(fixed.map((d) => d.code), ['missing-mechanism']);
  });

  it('checks bank-wide against closed files: duplicate id and see-also', async () => {
    const uri = fileUri(path.join(bank.dir, 'new.case'));
    const duplicate = await session.open(uri, 'case: shared-01\ntitle: New\nsee-also: other-01, nowhere-01\n');
    assert.deepEqual(duplicate.map((d) => d.code).sort(), ['duplicate-case-id', 'unknown-see-also']);
    const dup = duplicate.find((d) => d.code === 'duplicate-case-id')!;
    assert.equal(dup.relatedInformation?.[0].location.uri, fileUri(path.join(bank.dir, 'a.case')));
  });

  it('keeps bank-wide results current when files are created and deleted on disk', async () => {
    const uri = fileUri(path.join(bank.dir, 'new.case'));
    assert.deepEqual((await session.open(uri, 'case: fresh-01\ntitle: New\nsee-also: later-01\n')).map((d) => d.code), ['unknown-see-also']);
    const later = path.join(bank.dir, 'later.case');
    writeFileSync(later, 'case: later-01\ntitle: Later\n');
    let published = session.waitForDiagnostics(uri);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(later), type: 1 }] });
    assert.deepEqual((await published).diagnostics, []);
    unlinkSync(later);
    published = session.waitForDiagnostics(uri);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(later), type: 3 }] });
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['unknown-see-also']);
  });

  it('tells the status bar the new case count when files are created, deleted and renamed', async () => {
    const count = async (changes: { uri: string; type: number }[]) => {
      const status = session.waitForNotification('casewright/bankStatus');
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      return ((await status) as { files: number }).files;
    };
    const statuses = () => session.notifications.filter((n) => n.method === 'casewright/bankStatus');
    const initial = (statuses().at(-1)!.params as { files: number }).files;
    const extra = path.join(bank.dir, 'counted.case');
    writeFileSync(extra, 'case: counted-01\ntitle: Counted\n');
    assert.equal(await count([{ uri: fileUri(extra), type: 1 }]), initial + 1);
    // A rename arrives as a delete and a create: one file still, counted once.
    const renamed = path.join(bank.dir, 'renamed.case');
    renameSync(extra, renamed);
    const second = path.join(bank.dir, 'second.case');
    writeFileSync(second, 'case: second-01\ntitle: Second\n');
    assert.equal(await count([{ uri: fileUri(extra), type: 3 }, { uri: fileUri(renamed), type: 1 }, { uri: fileUri(second), type: 1 }]), initial + 2);
    unlinkSync(renamed);
    unlinkSync(second);
    assert.equal(await count([{ uri: fileUri(renamed), type: 3 }, { uri: fileUri(second), type: 3 }]), initial);
  });

  it('tells the status bar of a case opened before the watcher reports it, and of one closed after it was deleted', async () => {
    // The New Case command writes a file and opens it at once: the didOpen may come first, and
    // the watcher's "created" then adds nothing the bank does not have.
    const statuses = () => session.notifications.filter((n) => n.method === 'casewright/bankStatus');
    const initial = (statuses().at(-1)!.params as { files: number }).files;
    const file = path.join(bank.dir, 'opened-first.case');
    writeFileSync(file, 'case: opened-first-01\ntitle: New\n');
    let status = session.waitForNotification('casewright/bankStatus');
    await session.open(fileUri(file), 'case: opened-first-01\ntitle: New\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 1 }] });
    assert.equal(((await status) as { files: number }).files, initial + 1);
    // Deleted while open (the watcher's "deleted" leaves the editor's text in the bank), then closed.
    unlinkSync(file);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 3 }] });
    status = session.waitForNotification('casewright/bankStatus');
    await session.close(fileUri(file));
    assert.equal(((await status) as { files: number }).files, initial);
  });

  it('follows a folder of cases moved in, renamed and deleted, reported as the folder alone (as VS Code does)', async () => {
    const statuses = () => session.notifications.filter((n) => n.method === 'casewright/bankStatus');
    const initial = (statuses().at(-1)!.params as { files: number }).files;
    const watched = async (changes: { uri: string; type: number }[]) => {
      const status = session.waitForNotification('casewright/bankStatus');
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      return ((await status) as { files: number }).files;
    };
    const holder = async (id: string) => {
      const uri = await session.request<string | null>('casewright/caseIdFile', { id });
      return uri && path.relative(bank.dir, new URL(uri).pathname);
    };
    const outside = mkdtempSync(path.join(os.tmpdir(), 'casewright-unit-'));
    writeFileSync(path.join(outside, 'x.case'), 'case: unit-x-01\ntitle: X\n');
    mkdirSync(path.join(outside, 'deeper'));
    writeFileSync(path.join(outside, 'deeper', 'y.case'), 'case: unit-y-01\ntitle: Y\n');
    const unit = path.join(bank.dir, 'unit');
    renameSync(outside, unit);
    assert.equal(await watched([{ uri: fileUri(unit), type: 1 }]), initial + 2);
    assert.equal(await holder('unit-y-01'), path.join('unit', 'deeper', 'y.case'));
    // Renamed, with one case deleted meanwhile: the count says when the batch is done.
    const renamed = path.join(bank.dir, 'unit-2');
    renameSync(unit, renamed);
    unlinkSync(path.join(renamed, 'x.case'));
    assert.equal(await watched([{ uri: fileUri(unit), type: 3 }, { uri: fileUri(renamed), type: 1 }]), initial + 1);
    assert.equal(await holder('unit-y-01'), path.join('unit-2', 'deeper', 'y.case'));
    assert.equal(await holder('unit-x-01'), null);
    rmSync(renamed, { recursive: true });
    assert.equal(await watched([{ uri: fileUri(renamed), type: 3 }]), initial);
    assert.equal(await holder('unit-y-01'), null);
  });

  it('leaves a case created in a folder casewright.json ignores out of the bank, as the first scan does', async () => {
    const other = tempBank({ 'casewright.json': '{ "ignore": ["drafts/**"] }', 'a.case': 'case: kept-01\ntitle: Kept\n', 'drafts/old.case': 'case: old-draft-01\ntitle: Old\n' });
    const own = new LspSession();
    try {
      await own.initialize(other.dir);
      assert.equal((own.notifications.find((n) => n.method === 'casewright/bankStatus')!.params as { files: number }).files, 1);
      const draft = path.join(other.dir, 'drafts', 'new.case');
      const counted = path.join(other.dir, 'counted.case');
      writeFileSync(draft, 'case: new-draft-01\ntitle: New draft\n');
      writeFileSync(counted, 'case: counted-01\ntitle: Counted\n');
      const status = own.waitForNotification('casewright/bankStatus');
      await own.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(draft), type: 1 }, { uri: fileUri(counted), type: 1 }] });
      assert.equal(((await status) as { files: number }).files, 2, 'the ignored draft is not counted');
      assert.equal(await own.request('casewright/caseIdFile', { id: 'new-draft-01' }), null);
    } finally {
      await own.dispose();
      other.cleanup();
    }
  });

  it('re-publishes another open document when a duplicate id appears and goes', async () => {
    const first = fileUri(path.join(bank.dir, 'one.case'));
    const second = fileUri(path.join(bank.dir, 'two.case'));
    await session.open(first, 'case: twin-01\ntitle: One\n');
    const firstAgain = session.waitForDiagnostics(first, (p) => p.diagnostics.some((d) => d.code === 'duplicate-case-id'));
    await session.open(second, 'case: twin-01\ntitle: Two\n');
    await firstAgain;
    const cleared = session.waitForDiagnostics(first, (p) => p.diagnostics.length === 0);
    await session.change(second, 'case: twin-02\ntitle: Two\n');
    await cleared;
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = fileUri(path.join(bank.dir, 'gone.case'));
    assert.equal((await session.open(uri, 'nonsense')).length > 0, true);
    const cleared = session.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await session.close(uri);
    await cleared;
  });

  it('the check-bank request publishes closed files too', async () => {
    const closed = fileUri(path.join(bank.dir, 'closed', 'b.case'));
    const published = session.waitForDiagnostics(closed);
    const result = await session.request<{ files: number; errors: number }>('casewright/checkBank', {});
    assert.equal(result.files, 2);
    assert.deepEqual((await published).diagnostics, []);
  });
});
