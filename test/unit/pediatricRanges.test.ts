// Children are judged against their age: each band of the catalog, at and around its edges
// (low inclusive, high exclusive), for the labs issue 11 named.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { ageInDays, findLab, referenceRangeFor, type Sex } from '../../server/src/core/catalog/labCatalog';
import { withHeader } from '../support/cases';

function flagOf(age: string, lab: string, key: string, sex = 'female') {
  const { clinical } = analyzeCase(withHeader(`\n[patient]\nage: ${age}\nsex: ${sex}\n\n[labs]\n${lab}\n`));
  return clinical.panels[0].labs.get(key)?.flag;
}

function rangeAt(key: string, days: number, sex?: Sex) {
  const lab = findLab(key);
  assert.ok(lab, key);
  return referenceRangeFor(lab, days, sex);
}

/** [age as a case writes it, lab line, lab key, expected flag] */
const FLAGS: [string, string, string, string][] = [
  // Hemoglobin: a month-old is not a newborn; the physiologic nadir at 8–10 weeks is normal.
  ['4 wk', 'hb: 11.0 g/dL', 'hemoglobin', 'normal'],
  ['5 wk', 'hb: 11.0 g/dL', 'hemoglobin', 'normal'],
  ['9 wk', 'hb: 9.5 g/dL', 'hemoglobin', 'normal'],
  ['9 wk', 'hb: 8.5 g/dL', 'hemoglobin', 'low'],
  ['2 d', 'hb: 13.0 g/dL', 'hemoglobin', 'low'],
  ['10 d', 'hb: 11.5 g/dL', 'hemoglobin', 'low'],
  // Neonatal WBC and ANC: the first days' high counts are not the norm a week later.
  ['1 d', 'wbc: 30 10^9/L', 'wbc', 'normal'],
  ['7 d', 'wbc: 30 10^9/L', 'wbc', 'high'],
  ['7 d', 'anc: 1.2 10^9/L', 'anc', 'normal'],
  ['1 d', 'anc: 1.2 10^9/L', 'anc', 'low'],
  ['9 mo', 'anc: 1200 /uL', 'anc', 'normal'],
  // The differential: lymphocytes outnumber neutrophils in infancy.
  ['12 mo', 'lymphocytes: 62 %', 'lymphocytes', 'normal'],
  ['12 mo', 'neutrophils: 30 %', 'neutrophils', 'normal'],
  ['30 y', 'lymphocytes: 62 %', 'lymphocytes', 'high'],
  // Haptoglobin: absent in young infants is not "low".
  ['3 wk', 'haptoglobin: 5 mg/dL', 'haptoglobin', 'normal'],
  ['4 mo', 'haptoglobin: 5 mg/dL', 'haptoglobin', 'normal'],
  ['8 mo', 'haptoglobin: 5 mg/dL', 'haptoglobin', 'low'],
  // LDH runs high in newborns and children (CALIPER).
  ['10 d', 'ldh: 900 U/L', 'ldh', 'normal'],
  ['6 y', 'ldh: 300 U/L', 'ldh', 'normal'],
  ['6 y', 'ldh: 400 U/L', 'ldh', 'high'],
  // Bilirubin: physiological jaundice in the first days.
  ['4 d', 'bilirubin-total: 10 mg/dL', 'bilirubin-total', 'normal'],
  ['4 y', 'bilirubin-total: 2.0 mg/dL', 'bilirubin-total', 'high'],
  // Ferritin, WHO 2020: < 12 under 5 years, < 15 from 5 years; high at 1 month.
  ['4 y', 'ferritin: 13 ng/mL', 'ferritin', 'normal'],
  ['4 y', 'ferritin: 11 ng/mL', 'ferritin', 'low'],
  ['6 y', 'ferritin: 13 ng/mL', 'ferritin', 'low'],
  ['5 wk', 'ferritin: 400 ng/mL', 'ferritin', 'normal'],
  // Iron studies, B12, folate, EPO, MCHC, RDW in children.
  ['6 mo', 'iron: 45 ug/dL', 'iron', 'normal'],
  ['3 y', 'transferrin-saturation: 12 %', 'transferrin-saturation', 'normal'],
  ['3 y', 'transferrin-saturation: 8 %', 'transferrin-saturation', 'low'],
  ['3 y', 'b12: 150 pg/mL', 'b12', 'low'],
  ['6 mo', 'folate: 25 ng/mL', 'folate', 'normal'],
  ['8 y', 'epo: 20 mIU/mL', 'epo', 'normal'],
  ['10 mo', 'mchc: 30.5 g/dL', 'mchc', 'normal'],
  ['1 mo', 'rdw: 16.5 %', 'rdw', 'normal'],
  ['30 y', 'rdw: 16.5 %', 'rdw', 'high'],
];

describe('pediatric reference ranges', () => {
  for (const [age, line, key, expected] of FLAGS) {
    it(`${line} at ${age} is ${expected}`, () => assert.equal(flagOf(age, line, key)?.flag, expected));
  }

  it('band edges: the low edge belongs to the band, the high edge to the next', () => {
    const days = (value: number, unit: 'd' | 'wk' | 'mo' | 'a') => ageInDays({ value, unit });
    assert.match(rangeAt('hemoglobin', days(2, 'mo'))!.text, /physiologic nadir/);
    assert.match(rangeAt('hemoglobin', days(2, 'mo') - 0.01)!.text, /1–2 mo/);
    assert.match(rangeAt('hemoglobin', days(3, 'mo'))!.text, /3–6 mo/);
    assert.match(rangeAt('wbc', 3)!.text, /after the first days/);
    assert.match(rangeAt('wbc', 2.99)!.text, /first 3 days/);
    assert.equal(rangeAt('ldh', 14.99)!.high, 1222);
    assert.equal(rangeAt('ldh', 15)!.high, 452);
    assert.equal(rangeAt('haptoglobin', days(6, 'mo') - 0.01)!.low, undefined);
    assert.equal(rangeAt('haptoglobin', days(6, 'mo'))!.low, 30);
    assert.equal(rangeAt('ferritin', days(5, 'a') - 0.01)!.low, 12);
    assert.equal(rangeAt('ferritin', days(5, 'a'))!.low, 15);
    assert.equal(rangeAt('ldh', days(12, 'a'), 'male')!.high, 283);
    assert.equal(rangeAt('ldh', days(12, 'a'), 'female')!.high, 272);
    assert.equal(rangeAt('ldh', days(12, 'a'))!.high, 272, 'unknown sex: only what both ranges call normal');
  });

  it('the labs with child bands cover every age from birth without a gap or an overlap', () => {
    const keys = ['hemoglobin', 'hematocrit', 'mch', 'mchc', 'rdw', 'wbc', 'anc', 'neutrophils', 'lymphocytes', 'absolute-lymphocytes', 'ldh', 'haptoglobin',
      'bilirubin-total', 'bilirubin-indirect', 'iron', 'tibc', 'transferrin-saturation', 'ferritin', 'b12', 'folate'];
    for (const key of keys) {
      const lab = findLab(key)!;
      for (const sex of ['male', 'female'] as const) {
        const bands = (lab.referenceRanges ?? []).filter((r) => !r.appliesTo || r.appliesTo.includes(sex))
          .map((r) => ({ low: r.age?.low ? ageInDays(r.age.low) : 0, high: r.age?.high ? ageInDays(r.age.high) : Infinity }))
          .sort((a, b) => a.low - b.low);
        assert.equal(bands[0].low, 0, `${key} (${sex}) starts after birth`);
        assert.equal(bands[bands.length - 1].high, Infinity, `${key} (${sex}) has no adult band`);
        for (let i = 1; i < bands.length; i++) assert.ok(Math.abs(bands[i].low - bands[i - 1].high) < 1e-9, `${key} (${sex}): gap or overlap at day ${bands[i].low}`);
      }
    }
  });
});
