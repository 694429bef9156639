// `casewright stats`: the pure summary from analyses, and the command in each format.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { computeBankStats } from '../../server/src/core/stats/bankStats';
import { runCli, tempBank } from '../support/runCli';

const LABS_APLASIA = '\n[labs]\nhemoglobin: 6.8 g/dL\nhematocrit: 20 %\nreticulocytes: 0.1 %\nwbc: 1.4 10^9/L\nanc: 0.3 10^9/L\nplatelets: 9 10^9/L\n\n[marrow]\ncellularity: 5 %\nerythroid: absent\nmyeloid: hypoplastic\nmegakaryocytes: absent\n';

function bank(files: Record<string, string>) {
  return Object.entries(files).map(([file, text]) => ({ file, analysis: analyzeCase(text) }));
}

const FILES = {
  'a.case': `case: a-01\ntitle: A\ntags: Aplasia, children\nlevel: introductory\nstatus: ready\nreviewed-by: R\nauthor: K. Mensah\nobjectives: hem-1, hem-2\n${LABS_APLASIA}\n[answer]\nmechanism: aplasia\n`,
  'b.case': `case: b-01\ntitle: B\ntags: aplasia\nlevel: advanced\nstatus: draft\nobjectives: hem-1, hem-9\n${LABS_APLASIA}\n[answer]\nmechanism: blood-loss\n`,
  'c.case': 'case: c-01\ntitle: C\n',
};

describe('bank statistics (core)', () => {
  const stats = computeBankStats(bank(FILES), { objectives: [{ id: 'hem-1', title: 'Read a blood count' }, { id: 'hem-2', title: 'Marrow failure' }, { id: 'hem-3', title: 'Hemolysis' }] });

  it('counts cases by mechanism, tag (case-insensitive), level, status and author, with (none) last', () => {
    assert.equal(stats.cases, 3);
    assert.deepEqual(stats.byMechanism, [{ value: 'aplasia', cases: 1 }, { value: 'blood-loss', cases: 1 }, { value: '(none)', cases: 1 }]);
    assert.deepEqual(stats.byTag, [{ value: 'aplasia', cases: 2 }, { value: 'children', cases: 1 }, { value: '(none)', cases: 1 }]);
    assert.deepEqual(stats.byStatus.map((c) => c.value), ['draft', 'ready', '(none)']);
    assert.deepEqual(stats.byAuthor, [{ value: 'K. Mensah', cases: 1 }, { value: '(none)', cases: 2 }]);
  });

  it('says which objectives are covered, which are not, and which cases name one the curriculum lacks', () => {
    assert.deepEqual(stats.objectives?.covered.map((o) => [o.id, o.cases]), [['hem-1', ['a-01', 'b-01']], ['hem-2', ['a-01']]]);
    assert.deepEqual(stats.objectives?.notCovered.map((o) => o.id), ['hem-3']);
    assert.deepEqual(stats.objectives?.unknown, [{ objective: 'hem-9', cases: ['b-01'] }]);
  });

  it('lists the cases whose answer the engine contradicts', () => {
    assert.equal(stats.engine.agrees, 1);
    assert.deepEqual(stats.engine.conflicts, [{ id: 'b-01', file: 'b.case', stated: 'blood-loss', engine: 'aplasia' }]);
    assert.deepEqual(stats.engine.weak, []);
  });

  it('has no objectives section without a curriculum', () => {
    assert.equal(computeBankStats(bank(FILES)).objectives, undefined);
  });
});

describe('casewright stats (the real process)', () => {
  const config = JSON.stringify({ curriculum: { objectives: [{ id: 'hem-1', title: 'Read a <blood> count' }, { id: 'hem-3', title: 'Hemolysis' }] } });

  it('prints text, JSON, Markdown and a standalone HTML page with charts; exit 0', () => {
    const dir = tempBank({ ...FILES, 'casewright.json': config, 'd.case': 'case: d-01\ntitle: D\ntags: <script>alert(1)</script>|x\n' });
    try {
      const text = runCli(['stats', '.'], dir.dir);
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /^4 cases$/m);
      assert.match(text.stdout, /Objectives: 1 of 2 covered/);
      assert.match(text.stdout, /conflict +b-01: answer blood-loss, engine aplasia/);

      const json = JSON.parse(runCli(['stats', '.', '--format', 'json'], dir.dir).stdout);
      assert.equal(json.version, 1);
      assert.equal(json.cases, 4);
      assert.deepEqual(json.objectives.notCovered.map((o: { id: string }) => o.id), ['hem-3']);

      const markdown = runCli(['stats', '.', '--format', 'markdown'], dir.dir).stdout;
      assert.match(markdown, /^\| Mechanism \| cases \|$/m);
      assert.match(markdown, /\\<script\\>alert\(1\)\\<\/script\\>\\\|x/, 'case text cannot break the table or add HTML');

      const html = runCli(['stats', '.', '--format', 'html'], dir.dir).stdout;
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
      assert.match(html, /<svg role="img" aria-label="Cases by mechanism"/);
      assert.doesNotMatch(html, /<script/);
      assert.match(html, /Read a &lt;blood&gt; count/);
    } finally {
      dir.cleanup();
    }
  });

  it('exit 2 with one line for an unknown format', () => {
    const run = runCli(['stats', '.', '--format', 'pdf']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown format 'pdf'/);
  });
});
