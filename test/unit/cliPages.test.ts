// `render` and `export` as a user runs them: render says what it wrote; the export index shows
// each tag as its own chip.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempBank } from '../support/runCli';

const CASE = 'case: pages-01\ntitle: Pages\ntags: anemia, b12, teaching\n\n[labs]\nhemoglobin: 7 g/dL\n';

describe('casewright render and export (the real process)', () => {
  it('render -o writes the page and says where, naming the view', () => {
    const bank = tempBank({ 'a.case': CASE });
    try {
      const run = runCli(['render', 'a.case', '-o', 'out/a.html', '--view', 'answer'], bank.dir);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'casewright: wrote the answer view of a.case to out/a.html\n');
      assert.ok(existsSync(path.join(bank.dir, 'out', 'a.html')));
    } finally {
      bank.cleanup();
    }
  });

  it('export: the index shows each tag as its own chip', () => {
    const bank = tempBank({ 'a.case': CASE });
    try {
      const run = runCli(['export', '.', '-o', 'site'], bank.dir);
      assert.equal(run.status, 0, run.stderr);
      const index = readFileSync(path.join(bank.dir, 'site', 'index.html'), 'utf8');
      assert.match(index, /<td><span class="tag">anemia<\/span> <span class="tag">b12<\/span> <span class="tag">teaching<\/span><\/td>/);
      // Styled as chips in the index table, not only in a case page's header.
      assert.match(index, /[,{]\s*\.index \.tag[\s,{][^}]*display: inline-block[^}]*border-radius/);
    } finally {
      bank.cleanup();
    }
  });

  it('render and export leave out the indices casewright.json hides from learners, and keep them in the answer view', () => {
    const labs = 'case: rpi-01\ntitle: RPI\n\n[labs]\nhemoglobin: 7 g/dL\nhematocrit: 21 %\nreticulocytes: 3 %\n';
    const bank = tempBank({ 'a.case': labs, 'b.case': labs.replace('rpi-01', 'rpi-02').replace('\n\n', '\nhide-indices: no\n\n'), 'casewright.json': '{ "learnerView": { "hideIndices": ["rpi"] } }' });
    const rows = (html: string) => [...html.matchAll(/<tr class="index" data-index="([a-z-]+)"/g)].map((m) => m[1]);
    try {
      const learner = runCli(['render', 'a.case', '--view', 'learner'], bank.dir);
      assert.equal(learner.status, 0, learner.stderr);
      assert.deepEqual(rows(learner.stdout), ['mchc', 'corrected-reticulocytes']);
      assert.deepEqual(rows(runCli(['render', 'a.case', '--view', 'answer'], bank.dir).stdout), ['mchc', 'corrected-reticulocytes', 'rpi']);
      const run = runCli(['export', '.', '-o', 'site', '--answers'], bank.dir);
      assert.equal(run.status, 0, run.stderr);
      const page = (name: string) => readFileSync(path.join(bank.dir, 'site', name), 'utf8');
      assert.deepEqual(rows(page('cases/rpi-01.html')), ['mchc', 'corrected-reticulocytes']);
      // The case's own `hide-indices: no` wins over the bank.
      assert.deepEqual(rows(page('cases/rpi-02.html')), ['mchc', 'corrected-reticulocytes', 'rpi']);
      // The teacher's page: the learner article without it, the answer article with it.
      assert.deepEqual(rows(page('answers/rpi-01.html')), ['mchc', 'corrected-reticulocytes', 'mchc', 'corrected-reticulocytes', 'rpi']);
    } finally {
      bank.cleanup();
    }
  });
});
