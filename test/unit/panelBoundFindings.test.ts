// A finding that weighs several values takes them all from one labs panel, with the smear of
// that panel, and its evidence names the panel: day 1's LDH is never read with day 5's
// haptoglobin (issue 11, "inputs of an index and of a finding come from the same panel").
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { explainCase } from '../../server/src/core/clinical/explainReport';
import { withHeader } from '../support/cases';

const PATIENT = '[patient]\nage: 40 y\nsex: male\n';

/** The evidence for or against a mechanism in the explain report, by finding id. */
function evidence(body: string, mechanism: string, finding: string) {
  const report = explainCase(analyzeCase(withHeader(PATIENT + body)));
  return report.mechanisms.find((m) => m.id === mechanism)!.evidence.find((e) => e.finding === finding);
}

describe('findings read one panel at a time', () => {
  it('a normal haptoglobin on day 5 and a high LDH on day 1 are not the triad of intramedullary death', () => {
    const mixed = '[labs: day 1]\nhemoglobin: 8 g/dL\nldh: 900 U/L\n[labs: day 5]\nhemoglobin: 8.2 g/dL\nhaptoglobin: 120 mg/dL\n';
    assert.equal(evidence(mixed, 'ineffective-hematopoiesis', 'intramedullary-death'), undefined);
    // The same two values in one panel are the triad, and the evidence says which panel.
    const together = '[labs: day 1]\nhemoglobin: 8 g/dL\n[labs: day 5]\nhemoglobin: 8.2 g/dL\nldh: 900 U/L\nhaptoglobin: 120 mg/dL\n';
    const triad = evidence(together, 'ineffective-hematopoiesis', 'intramedullary-death');
    assert.ok(triad, 'the triad in one panel is evidence');
    assert.deepEqual(triad.observations.map((o) => o.panel), ['day 5', 'day 5']);
    assert.ok(triad.observations.every((o) => o.text.endsWith('[day 5]')), JSON.stringify(triad.observations));
  });

  it('an EPO is judged with the hemoglobin of its own panel', () => {
    // Day 1 is anemic; the EPO was drawn on day 5, when the hemoglobin was normal: no anemia
    // in that panel, so the EPO says nothing about being inappropriate for an anemia.
    const body = '[labs: day 1]\nhemoglobin: 8 g/dL\n[labs: day 5]\nhemoglobin: 14.5 g/dL\nepo: 5 mIU/mL\n';
    assert.equal(evidence(body, 'hypoproliferative', 'epo-inappropriately-low'), undefined);
    const same = evidence('[labs: day 1]\nhemoglobin: 8 g/dL\nepo: 5 mIU/mL\n', 'hypoproliferative', 'epo-inappropriately-low');
    assert.ok(same && same.observations.some((o) => o.panel === 'day 1' && /^Erythropoietin 5 /.test(o.text)), JSON.stringify(same));
  });
});

describe('the first panel with a value decides, as for a single lab', () => {
  it('a later panel without anemia does not close the question of an EPO never measured', () => {
    const body = '[labs]\nhemoglobin: 10.8 g/dL\nferritin: 90 ng/mL\n[labs: month 4]\nhemoglobin: 14.6 g/dL\n';
    const hypo = explainCase(analyzeCase(withHeader(PATIENT + body))).mechanisms.find((m) => m.id === 'hypoproliferative')!;
    assert.ok(hypo.wouldSupport.some((label) => label.startsWith('EPO lower than the anemia calls for')), JSON.stringify(hypo.wouldSupport));
  });

  it('a finding the first panel leaves open is present when a later panel shows it whole', () => {
    // Day 1 has the LDH alone; day 5 has both: the triad of day 5 counts.
    const body = '[labs: day 1]\nhemoglobin: 8 g/dL\nldh: 300 U/L\n[labs: day 5]\nhemoglobin: 8 g/dL\nldh: 900 U/L\nhaptoglobin: 120 mg/dL\n';
    const triad = evidence(body, 'ineffective-hematopoiesis', 'intramedullary-death');
    assert.ok(triad && triad.observations.every((o) => o.panel === 'day 5'), JSON.stringify(triad));
  });
});

describe('indices read one panel at a time', () => {
  it('an RPI needs its reticulocytes and hematocrit in the same panel, and names that panel', () => {
    const apart = analyzeCase(withHeader(PATIENT + '[labs: day 1]\nreticulocytes: 1 %\n[labs: day 5]\nhematocrit: 25 %\n'));
    assert.deepEqual(apart.clinical.panels.map((p) => p.indices.has('rpi')), [false, false]);
    const together = explainCase(analyzeCase(withHeader(PATIENT + '[labs: day 1]\nreticulocytes: 1 %\n[labs: day 5]\nreticulocytes: 4 %\nhematocrit: 25 %\n')));
    assert.deepEqual(together.panels.map((p) => [p.panel, p.indices.rpi?.inputs.map((i) => [i.id, i.value, i.line])]), [
      ['day 1', undefined],
      ['day 5', [['reticulocytes', 4, 9], ['hematocrit', 25, 10]]],
    ]);
  });
});

describe('smear words are read from the smear of the panel', () => {
  const serial = (smears: string) => [
    '[labs]', 'hemoglobin: 9 g/dL', 'mcv: 85 fL',
    '[labs: day 5]', 'hemoglobin: 9 g/dL', 'mcv: 85 fL', 'hbf: 8 %', 'hba2: 2.5 %',
    smears,
  ].join('\n') + '\n';

  it("a panel's own smear, not the case's first, completes a finding with that panel's labs", () => {
    const found = evidence(serial('[smear]\nfindings: polychromasia\n[smear: day 5]\nfindings: target-cells'), 'ineffective-hematopoiesis', 'hbf-high-thalassemia-context');
    assert.ok(found, 'HbF with target cells on the same day is a thalassemia context');
    assert.ok(found.observations.some((o) => o.text === 'smear: target cells [day 5]' && o.panel === 'day 5'), JSON.stringify(found.observations));
    assert.ok(found.observations.every((o) => o.panel === 'day 5'), JSON.stringify(found.observations));
  });

  it('a panel without a smear of its own reads the unqualified smear, and the evidence says so', () => {
    const found = evidence(serial('[smear]\nfindings: target-cells'), 'ineffective-hematopoiesis', 'hbf-high-thalassemia-context');
    assert.ok(found, JSON.stringify(found));
    assert.ok(found.observations.some((o) => o.text === 'smear: target cells' && o.panel === 'initial'), JSON.stringify(found.observations));
  });

  it('target cells on a smear of another day do not join the HbF of day 5', () => {
    assert.equal(evidence(serial('[smear]\nfindings: polychromasia\n[smear: day 9]\nfindings: target-cells'), 'ineffective-hematopoiesis', 'hbf-high-thalassemia-context'), undefined);
  });
});
