// The review workflow: `status`, `reviewed-by`, `reviewed-on`, `version`, `updated` in the
// header, the two rules on a `ready` case, and which statuses the export keeps.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { isExported, parseStatusFilter } from '../../server/src/cli/exportStatusFilter';
import { runCli, tempBank } from '../support/runCli';

const codes = (text: string) => analyzeCase(text).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
const HEAD = 'case: demo-01\ntitle: Demo case\n';

describe('review status in the header', () => {
  it('accepts the four statuses in any case, a reviewer, ISO dates and a version', () => {
    for (const status of ['draft', 'review', 'Ready', 'RETIRED']) {
      assert.deepEqual(codes(`${HEAD}status: ${status}\nreviewed-by: A. Rivera\nreviewed-on: 2026-03-01\nversion: 1.2\nupdated: 2026-02-28\n`), [], status);
    }
  });

  it('reports an unknown status with a suggestion, and a date that is not ISO at its value', () => {
    const unknown = analyzeCase(`${HEAD}status: reddy\n`).diagnostics;
    assert.deepEqual(unknown.map((d) => d.code), ['unknown-value']);
    assert.deepEqual(unknown[0].data?.replacements, ['ready']);
    assert.deepEqual(codes(`${HEAD}reviewed-on: 01/03/2026\n`), ['invalid-value@2:13']);
    assert.deepEqual(codes(`${HEAD}updated: 2026-13-01\n`), ['invalid-value@2:9']);
  });

  it('a ready case needs a reviewer: the error sits on the status value', () => {
    assert.deepEqual(codes(`${HEAD}status: ready\n`), ['ready-without-reviewer@2:8']);
    assert.deepEqual(codes(`${HEAD}status: review\n`), []);
  });

  it('a ready case with errors is flagged once, counting them', () => {
    const text = `${HEAD}status: ready\nreviewed-by: A. Rivera\n\n[patient]\nsex: mail\nage: 4 years\n`;
    const ready = analyzeCase(text).diagnostics.filter((d) => d.code === 'ready-with-errors');
    assert.equal(ready.length, 1);
    assert.match(ready[0].message, /has 2 errors \(the first on line 7\)/);
  });

  it('the privacy date rule leaves the review dates alone', () => {
    assert.deepEqual(codes(`${HEAD}reviewed-on: 2026-03-01\nupdated: 2026-03-02\nreviewed-by: Dr. Jones\n`), []);
  });
});

describe('export filter by status', () => {
  it('never exports a retired case, and keeps every other one without a filter', () => {
    assert.equal(isExported('retired', undefined), false);
    assert.equal(isExported('Retired', ['retired', 'ready']), false);
    for (const status of ['draft', 'review', 'ready', undefined]) assert.equal(isExported(status, undefined), true);
  });

  it('with --status, keeps only the listed statuses (a case without one is left out)', () => {
    const filter = parseStatusFilter('ready, review');
    assert.ok(filter.ok);
    if (!filter.ok) return;
    assert.deepEqual(filter.statuses, ['ready', 'review']);
    assert.equal(isExported('READY', filter.statuses), true);
    assert.equal(isExported('draft', filter.statuses), false);
    assert.equal(isExported(undefined, filter.statuses), false);
  });

  it('rejects an unknown status in --status with the known ones', () => {
    const filter = parseStatusFilter('ready,done');
    assert.deepEqual(filter, { ok: false, message: "--status takes draft, review, ready or retired, separated by commas, not 'done'." });
    assert.equal(parseStatusFilter('').ok, false);
  });
});

describe('casewright export --status (the real process)', () => {
  const bankFiles = {
    'a.case': 'case: a-01\ntitle: Ready one\nstatus: ready\nreviewed-by: A. Rivera\n',
    'b.case': 'case: b-01\ntitle: In review\nstatus: review\n',
    'c.case': 'case: c-01\ntitle: Draft one\nstatus: draft\n',
    'd.case': 'case: d-01\ntitle: Old one\nstatus: retired\n',
    'e.case': 'case: e-01\ntitle: No status\n',
  };
  const pages = (dir: string) => readdirSync(path.join(dir, 'site', 'cases')).sort();

  it('leaves retired cases out, and with --status keeps only the listed ones', () => {
    const bank = tempBank(bankFiles);
    try {
      const all = runCli(['export', '.', '-o', 'site'], bank.dir);
      assert.equal(all.status, 0, all.stderr);
      assert.deepEqual(pages(bank.dir), ['a-01.html', 'b-01.html', 'c-01.html', 'e-01.html']);
      rmSync(path.join(bank.dir, 'site'), { recursive: true });
      const some = runCli(['export', '.', '-o', 'site', '--status', 'ready,review'], bank.dir);
      assert.equal(some.status, 0, some.stderr);
      assert.deepEqual(pages(bank.dir), ['a-01.html', 'b-01.html']);
      assert.match(readFileSync(path.join(bank.dir, 'site', 'index.html'), 'utf8'), /2 cases/);
    } finally {
      bank.cleanup();
    }
  });

  it('exit 2 with one line for an unknown status', () => {
    const bank = tempBank(bankFiles);
    try {
      const run = runCli(['export', '.', '-o', 'site', '--status', 'done'], bank.dir);
      assert.equal(run.status, 2);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /--status takes draft, review, ready or retired/);
    } finally {
      bank.cleanup();
    }
  });
});
