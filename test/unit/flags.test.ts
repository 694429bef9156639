// Reference-range flags by age and sex, and consistency warnings.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { withHeader } from '../support/cases';

function flagOf(patient: string, lab: string, key: string) {
  const { clinical } = analyzeCase(withHeader(`\n[patient]\n${patient}\n\n[labs]\n${lab}\n`));
  return clinical.panels[0].labs.get(key)?.flag;
}

describe('reference-range flags', () => {
  it('chooses the range by sex: Hb 12.5 is low for a man, normal for a woman', () => {
    assert.equal(flagOf('age: 40 y\nsex: male', 'hemoglobin: 12.5 g/dL', 'hemoglobin')?.flag, 'low');
    assert.equal(flagOf('age: 40 y\nsex: female', 'hemoglobin: 12.5 g/dL', 'hemoglobin')?.flag, 'normal');
  });

  it('chooses the range by age: Hb 11 is normal at 1 y, low at 30 y', () => {
    assert.equal(flagOf('age: 12 mo\nsex: male', 'hb: 11 g/dL', 'hemoglobin')?.flag, 'normal');
    assert.equal(flagOf('age: 30 y\nsex: male', 'hb: 11 g/dL', 'hemoglobin')?.flag, 'low');
    const newborn = flagOf('age: 3 d\nsex: female', 'hb: 14 g/dL', 'hemoglobin');
    assert.equal(newborn?.flag, 'normal');
    assert.match(newborn?.range?.text ?? '', /Newborn/);
  });

  it('flags critical values beyond the critical limits', () => {
    assert.equal(flagOf('age: 40 y', 'hemoglobin: 5.9 g/dL', 'hemoglobin')?.flag, 'critical-low');
    assert.equal(flagOf('age: 40 y', 'platelets: 8 10^9/L', 'platelets')?.flag, 'critical-low');
    assert.equal(flagOf('age: 40 y', 'platelets: 1200 10^9/L', 'platelets')?.flag, 'critical-high');
  });

  it('flags comparator values only when the whole interval is on one side', () => {
    assert.equal(flagOf('age: 40 y', 'haptoglobin: <10 mg/dL', 'haptoglobin')?.flag, 'low');
    assert.equal(flagOf('age: 40 y', 'haptoglobin: <50 mg/dL', 'haptoglobin'), undefined);
  });

  it('flags qualitative results against the normal word', () => {
    assert.equal(flagOf('age: 40 y', 'dat: positive', 'dat')?.flag, 'abnormal');
    assert.equal(flagOf('age: 40 y', 'dat: negative', 'dat')?.flag, 'normal');
  });

  it('with unknown sex uses only what both ranges call normal', () => {
    const flag = flagOf('age: 40 y\nsex: unknown', 'hemoglobin: 13 g/dL', 'hemoglobin');
    assert.equal(flag?.flag, 'low');
    assert.equal(flag?.range?.low, 13.5);
    assert.match(flag?.range?.text ?? '', /either sex/);
  });

  it('borrows the nearest age band when the catalog has none for the age, and says so', () => {
    const flag = flagOf('age: 4 y', 'mma: 0.9 umol/L', 'mma');
    assert.equal(flag?.flag, 'high');
    assert.match(flag?.range?.text ?? '', /nearest age band/);
  });
});

describe('consistency warnings', () => {
  const codes = (labs: string) => analyzeCase(withHeader(`\n[labs]\n${labs}\n`)).diagnostics.filter((d) => d.code === 'inconsistent-value');

  it('a stated MCV far from Hct/RBC × 10', () => {
    const [d] = codes('hematocrit: 30 %\nrbc: 4.0 10^12/L\nmcv: 90 fL');
    assert.ok(d);
    assert.match(d.message, /MCV|Mean corpuscular volume/);
    assert.match(d.message, /75\.0 fL/);
    assert.equal(d.range.start.line, 6);
    assert.deepEqual(codes('hematocrit: 30 %\nrbc: 4.0 10^12/L\nmcv: 77 fL'), [], 'within 5 %');
  });

  it('a stated indirect bilirubin that is not total − direct', () => {
    assert.equal(codes('bilirubin-total: 3.0 mg/dL\nbilirubin-direct: 0.4 mg/dL\nbilirubin-indirect: 1.5 mg/dL').length, 1);
    assert.equal(codes('bilirubin-total: 3.0 mg/dL\nbilirubin-direct: 0.4 mg/dL\nbilirubin-indirect: 2.6 mg/dL').length, 0);
  });

  it('a stated transferrin saturation that is not iron / TIBC', () => {
    assert.equal(codes('iron: 30 ug/dL\ntibc: 450 ug/dL\ntransferrin-saturation: 25 %').length, 1);
    assert.equal(codes('iron: 30 ug/dL\ntibc: 450 ug/dL\ntransferrin-saturation: 7 %').length, 0);
  });
});
