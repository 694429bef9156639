// Derived indices against values computed by hand, the maturation bands at their edges, and
// panels with partial data.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { bandFor, defaultMaturationTable, maturationTableFor } from '../../server/src/core/clinical/maturation';
import { withHeader } from '../support/cases';

function indicesOf(labs: string, panel = 0, options = {}) {
  const { clinical } = analyzeCase(withHeader(`\n[labs]\n${labs}\n`), options);
  const reading = clinical.panels[panel];
  return { indices: reading.indices, calculated: reading.calculated };
}

const close = (actual: number | undefined, expected: number, tolerance = 1e-9) => {
  assert.ok(actual !== undefined, 'index missing');
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected}`);
};

describe('derived indices', () => {
  it('computes every contract index from a full panel (hand-computed)', () => {
    const { indices } = indicesOf([
      'hemoglobin: 9.0 g/dL', 'hematocrit: 30 %', 'rbc: 4.0 10^12/L', 'reticulocytes: 6 %',
      'iron: 40 ug/dL', 'tibc: 400 ug/dL', 'wbc: 5.0 10^9/L', 'neutrophils: 60 %',
      'bilirubin-total: 2.5 mg/dL', 'bilirubin-direct: 0.3 mg/dL',
    ].join('\n'));
    close(indices.get('mcv')?.value, 75); // 30 × 10 / 4
    close(indices.get('mch')?.value, 22.5); // 9 × 10 / 4
    close(indices.get('mchc')?.value, 30); // 9 × 100 / 30
    close(indices.get('corrected-reticulocytes')?.value, 4); // 6 × 30 / 45
    close(indices.get('rpi')?.value, 4 / 1.5); // Hct 30 → 1.5 days
    close(indices.get('absolute-reticulocytes')?.value, 240); // 6/100 × 4 × 1000
    close(indices.get('mentzer')?.value, 18.75); // 75 / 4
    close(indices.get('transferrin-saturation')?.value, 10); // 40 / 400 × 100
    close(indices.get('anc')?.value, 3); // 5 × 60 / 100
    close(indices.get('bilirubin-indirect')?.value, 2.2, 1e-12); // 2.5 − 0.3
    assert.equal(indices.get('rpi')?.band?.days, 1.5);
    assert.equal(indices.get('rpi')?.band?.minHematocrit, 26);
    assert.equal(indices.get('rpi')?.band?.maxHematocrit, 36);
    assert.match(indices.get('rpi')?.table?.source ?? '', /Hillman.*1969;48:443/);
  });

  it('works in canonical units whatever unit the case used', () => {
    const { indices } = indicesOf('hemoglobin: 90 g/L\nhematocrit: 0.30 L/L\nrbc: 4.0 10^6/uL\nreticulocytes: 0.06 fraction\nbilirubin-total: 42.76 umol/L\nbilirubin-direct: 5.13 umol/L');
    close(indices.get('mchc')?.value, 30, 1e-9);
    close(indices.get('rpi')?.value, 4 / 1.5, 1e-9);
    close(indices.get('bilirubin-indirect')?.value, (42.76 - 5.13) * 0.05847, 1e-9);
  });

  it('records each input with the range of the line it came from', () => {
    const { indices } = indicesOf('reticulocytes: 4.0 %\nhematocrit: 19 %');
    const rpi = indices.get('rpi');
    assert.deepEqual(rpi?.inputs.map((i) => [i.id, i.value, i.range?.start.line]), [['reticulocytes', 4, 4], ['hematocrit', 19, 5]]);
    close(rpi?.value, (4 * 19) / 45 / 2.0);
  });

  describe('maturation bands at their edges (Hct ≥ 36 → 1.0; 26 to < 36 → 1.5; 16 to < 26 → 2.0; < 16 → 2.5)', () => {
    const table = defaultMaturationTable();
    const edges: [number, number][] = [[45, 1.0], [36, 1.0], [35.99, 1.5], [26, 1.5], [25.9, 2.0], [16, 2.0], [15.99, 2.5], [5, 2.5], [0, 2.5]];
    for (const [hct, days] of edges) {
      it(`Hct ${hct} % → ${days} days`, () => {
        assert.equal(bandFor(table, hct).days, days);
        const { indices } = indicesOf(`reticulocytes: 3 %\nhematocrit: ${hct} %`);
        close(indices.get('rpi')?.value, (3 * hct) / 45 / days, 1e-9);
      });
    }
  });

  it('uses the table and the bands chosen in casewright.json', () => {
    const other = maturationTableFor({ maturation: { table: 'hillman-finch-midpoints' } }).table;
    assert.equal(bandFor(other, 38).days, 1.5);
    const custom = maturationTableFor({ maturation: { bands: [{ minHematocrit: 0, days: 3 }, { minHematocrit: 30, days: 1 }] } }).table;
    assert.equal(bandFor(custom, 31).days, 1);
    assert.equal(bandFor(custom, 29).days, 3);
    const { indices } = indicesOf('reticulocytes: 3 %\nhematocrit: 29 %', 0, { maturation: custom });
    close(indices.get('rpi')?.value, (3 * 29) / 45 / 3);
    assert.match(maturationTableFor({ maturation: { table: 'nope' } }).problem ?? '', /unknown maturation table 'nope'/);
  });

  it('does not derive a value the case states, but still calculates it for comparison', () => {
    const { indices, calculated } = indicesOf('hematocrit: 30 %\nrbc: 4.0 10^12/L\nmcv: 76 fL');
    assert.equal(indices.has('mcv'), false);
    close(calculated.get('mcv')?.value, 75);
    close(indices.get('mentzer')?.value, 76 / 4, 1e-12);
  });

  it('with partial data computes only what it can, and nothing from inexact values', () => {
    const { indices } = indicesOf('reticulocytes: 4.0 %\nhemoglobin: 6 g/dL\nrbc: <1 10^12/L\nneutrophils: 50 %');
    assert.deepEqual([...indices.keys()], []);
    const none = analyzeCase(withHeader('')).clinical;
    assert.deepEqual(none.panels, []);
  });

  it('computes indices for every panel', () => {
    const { clinical } = analyzeCase(withHeader('\n[labs]\nretic: 1 %\nhct: 20 %\n\n[labs: day 7]\nretic: 10 %\nhct: 27 %\n'));
    close(clinical.panels[0].indices.get('rpi')?.value, (1 * 20) / 45 / 2);
    close(clinical.panels[1].indices.get('rpi')?.value, (10 * 27) / 45 / 1.5);
    assert.equal(clinical.panels[1].indices.get('rpi')?.panel, 'day 7');
  });
});
