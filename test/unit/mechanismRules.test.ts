// The rules of schemas/mechanisms.json against the catalogs (a typo in a rule fails here), and
// the clinical reasoning of issue 11, each on a small case written for the test.
import { strict as assert } from 'node:assert';
import mechanismsJson from '../../schemas/mechanisms.json';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { LABS } from '../../server/src/core/catalog/labCatalog';
import { fieldSpecs, MECHANISMS, SMEAR_FINDINGS, terms } from '../../server/src/core/catalog/vocabulary';
import { INDEX_IDS } from '../../server/src/core/clinical/indices';
import { explainCase } from '../../server/src/core/clinical/explainReport';
import { withHeader } from '../support/cases';

type Node = Record<string, unknown>;

/** Every condition object in a rule tree, with the finding it belongs to. */
function conditions(node: unknown, owner: string, found: { owner: string; c: Node }[] = []): { owner: string; c: Node }[] {
  if (Array.isArray(node)) for (const x of node) conditions(x, owner, found);
  else if (node && typeof node === 'object') {
    found.push({ owner, c: node as Node });
    for (const value of Object.values(node)) conditions(value, owner, found);
  }
  return found;
}

const rank = (body: string) => analyzeCase(withHeader(body)).clinical.mechanisms;
const scoreOf = (body: string, id: string) => rank(body).ranked.find((m) => m.id === id)!;
const has = (body: string, mechanism: string, finding: string) => scoreOf(body, mechanism).evidence.some((e) => e.finding === finding);

describe('mechanism rules against the catalogs', () => {
  const all = Object.entries(mechanismsJson.findings).flatMap(([id, f]) => conditions(f.when, id));
  const labs = new Map(LABS.map((lab) => [lab.key, lab]));

  it('mechanism ids are lowercase words and hyphens, whose code-unit order (the ranking\'s tie-break) is their locale order', () => {
    const ids = mechanismsJson.mechanisms.map((m) => m.id);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
    assert.deepEqual([...ids].sort(), [...ids].sort((a, b) => a.localeCompare(b, 'en')));
  });
  const marrow = new Map((fieldSpecs('marrow') ?? []).map((spec) => [spec.key, spec]));
  const smearWords = new Set(SMEAR_FINDINGS.map((t) => t.id));

  it('every lab a rule names is in the lab catalog, and every word it expects is one of the lab\'s values', () => {
    for (const { owner, c } of all.filter(({ c }) => typeof c.lab === 'string')) {
      const lab = labs.get(c.lab as string);
      assert.ok(lab, `${owner} names lab ${c.lab}, which schemas/labs.json does not define`);
      if (typeof c.is === 'string') assert.ok(lab.values?.includes(c.is), `${owner} expects ${c.lab} to be “${c.is}”, not one of its values`);
    }
  });

  it('every index a rule names is a derived index', () => {
    for (const { owner, c } of all.filter(({ c }) => typeof c.index === 'string')) assert.ok(INDEX_IDS.includes(c.index as string), `${owner} names index ${c.index}`);
  });

  it('every marrow field and word a rule names is in the vocabulary', () => {
    for (const { owner, c } of all.filter(({ c }) => typeof c.marrow === 'string')) {
      const spec = marrow.get(c.marrow as string);
      assert.ok(spec, `${owner} names marrow field ${c.marrow}`);
      for (const word of (c.in as string[] | undefined) ?? []) {
        assert.ok(spec.values, `${owner}: marrow ${c.marrow} takes no words`);
        assert.ok(terms(spec.values).some((t) => t.id.toLowerCase() === word.toLowerCase()), `${owner}: “${word}” is not a value of marrow ${c.marrow}`);
      }
    }
  });

  it('every smear word a rule names is a smear finding', () => {
    for (const { owner, c } of all.filter(({ c }) => typeof c.smear === 'string')) assert.ok(smearWords.has(c.smear as string), `${owner} names smear finding ${c.smear}`);
  });

  it('every finding, mechanism and pathway step carries its source, and the pathway names defined findings and mechanisms', () => {
    const defined = new Set(Object.keys(mechanismsJson.findings));
    const mechanisms = new Set(MECHANISMS.map((m) => m.id));
    for (const [id, f] of Object.entries(mechanismsJson.findings)) assert.ok(f.source.length > 10, `${id} has no source`);
    for (const m of mechanismsJson.mechanisms) {
      assert.ok(m.source.length > 10, `${m.id} has no source`);
      for (const h of m.hallmarks ?? []) assert.ok(defined.has(h), `${m.id}'s hallmark ${h} is not a finding`);
    }
    for (const step of mechanismsJson.pathway.steps) {
      assert.ok(step.source.length > 10, `step ${step.id} has no source`);
      for (const o of step.outcomes) {
        assert.ok(defined.has(o.finding), `step ${step.id} names undefined finding ${o.finding}`);
        for (const m of (o as { pointsTo?: string[] }).pointsTo ?? []) assert.ok(mechanisms.has(m), `step ${step.id} points to unknown mechanism ${m}`);
      }
    }
    assert.ok(mechanismsJson.decision.source.length > 10);
  });

  it('every text pattern compiles, and runs in linear time on long adversarial prose', () => {
    const patterns = all.filter(({ c }) => typeof c.pattern === 'string');
    assert.ok(patterns.length >= 3);
    const hostile = `${'no bleed '.repeat(3000)}${'a'.repeat(20000)} ${'blood '.repeat(3000)}`;
    const started = process.hrtime.bigint();
    const analysis = analyzeCase(withHeader(`[history]\n${hostile}\n[exam]\n${hostile}\n[labs]\nhemoglobin: 8 g/dL\n`));
    assert.ok(analysis.clinical.mechanisms.ranked.length > 0);
    // Generous: a backtracking pattern takes minutes on this input, a linear one milliseconds.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 5000);
  });
});

describe('the pathway: is there anemia or a cytopenia for age and sex?', () => {
  it('normal counts for a 9-week-old rank nothing: no clear choice, no conflict, no suggestion', () => {
    const body = '[patient]\nage: 9 wk\nsex: female\n[labs]\nhemoglobin: 9.6 g/dL\nplatelets: 320 10^9/L\nwbc: 9.0 10^9/L\n[answer]\nmechanism: aplasia\n';
    const analysis = analyzeCase(withHeader(body));
    const { withheld, clearChoice, pathway } = analysis.clinical.mechanisms;
    assert.match(withheld ?? '', /no mechanism is ranked/);
    assert.equal(clearChoice, undefined);
    assert.equal(pathway.length, 1);
    assert.ok(pathway[0].stop);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.code === 'mechanism-conflict'), []);
    const report = explainCase(analysis);
    assert.equal(report.withheld, withheld);
    assert.equal(report.clearChoice, null);
  });

  it('isolated thrombocytopenia reads the WBC when the ANC is missing', () => {
    const body = '[patient]\nage: 3 y\nsex: male\n[labs]\nhemoglobin: 12.0 g/dL\nwbc: 8.1 10^9/L\nplatelets: 6 10^9/L\n[marrow]\nmegakaryocytes: increased\n';
    assert.ok(has(body, 'peripheral-destruction', 'isolated-thrombocytopenia'));
    assert.equal(rank(body).clearChoice, 'peripheral-destruction');
  });
});

describe('the pathway: where do the cells die?', () => {
  const quiet = '[patient]\nage: 50 y\nsex: male\n[labs]\nhemoglobin: 8.5 g/dL\nhematocrit: 26 %\nreticulocytes: 0.6 %\nldh: 180 U/L\nbilirubin-indirect: 0.5 mg/dL\nhaptoglobin: 120 mg/dL\n';

  it('a quiet anemia (normal LDH, bilirubin, haptoglobin) with a low RPI is a production failure, not ineffective hematopoiesis', () => {
    assert.ok(has(quiet, 'hypoproliferative', 'quiet-production-failure'));
    assert.ok(scoreOf(quiet, 'ineffective-hematopoiesis').evidence.some((e) => e.finding === 'quiet-production-failure' && e.effect === 'argues-against'));
    assert.ok(!has(quiet, 'ineffective-hematopoiesis', 'intramedullary-death'));
    assert.notEqual(rank(quiet).ranked[0].id, 'ineffective-hematopoiesis');
  });

  it('a high haptoglobin (acute phase) is not "normal": it is no evidence of death inside the marrow', () => {
    const body = '[labs]\nhemoglobin: 8.5 g/dL\nhematocrit: 26 %\nreticulocytes: 0.8 %\nldh: 700 U/L\nhaptoglobin: 320 mg/dL\n';
    assert.ok(!has(body, 'ineffective-hematopoiesis', 'intramedullary-death'));
    assert.ok(has(body, 'hypoproliferative', 'haptoglobin-high'));
  });

  it('graded evidence: LDH at 8 times the upper limit counts more than LDH just above it', () => {
    const at = (ldh: number) => `[labs]\nhemoglobin: 8 g/dL\nhematocrit: 24 %\nreticulocytes: 1 %\nldh: ${ldh} U/L\nhaptoglobin: 100 mg/dL\n`;
    assert.ok(has(at(1700), 'ineffective-hematopoiesis', 'ldh-very-high'));
    assert.ok(!has(at(230), 'ineffective-hematopoiesis', 'ldh-very-high'));
    assert.ok(scoreOf(at(1700), 'ineffective-hematopoiesis').score > scoreOf(at(230), 'ineffective-hematopoiesis').score);
  });

  it('hemoglobinuria is intravascular hemolysis', () => {
    const body = '[labs]\nhemoglobin: 8 g/dL\nhematocrit: 24 %\nreticulocytes: 6 %\nhaptoglobin: <10 mg/dL\nurine-hemoglobin: positive\n';
    assert.ok(has(body, 'peripheral-destruction', 'intravascular-hemolysis'));
  });

  it('reticulocytes near zero in a known hemolytic disease are an aplastic crisis (PRCA), not more destruction', () => {
    const body = '[patient]\nage: 9 y\nsex: male\n[history]\nHereditary spherocytosis.\n[labs]\nhemoglobin: 4.8 g/dL\nhematocrit: 14 %\nreticulocytes: 0.1 %\nwbc: 7 10^9/L\nplatelets: 250 10^9/L\nbilirubin-indirect: 2.0 mg/dL\n[smear]\nfindings: spherocytes\n';
    const ranking = rank(body);
    assert.equal(ranking.ranked[0].id, 'pure-red-cell-aplasia');
    assert.ok(scoreOf(body, 'peripheral-destruction').evidence.some((e) => e.finding === 'reticulocytes-very-low' && e.effect === 'argues-against'));
  });
});

describe('the pathway: the marrow', () => {
  it('cellularity is judged against age: 40 % is empty at 8 years and normal at 70', () => {
    const at = (age: number) => `[patient]\nage: ${age} y\nsex: male\n[labs]\nhemoglobin: 8 g/dL\n[marrow]\ncellularity: 40 %\n`;
    assert.ok(has(at(8), 'aplasia', 'marrow-hypocellular'));
    assert.ok(!has(at(70), 'aplasia', 'marrow-hypocellular'));
  });

  it('erythroid hyperplasia, not any hypercellular marrow, supports ineffective hematopoiesis; erythroid hypoplasia argues against it', () => {
    const base = '[patient]\nage: 60 y\nsex: male\n[labs]\nhemoglobin: 8 g/dL\n[marrow]\ncellularity: 90 %\n';
    assert.ok(!scoreOf(base + 'erythroid: normal\n', 'ineffective-hematopoiesis').evidence.some((e) => e.effect === 'supports'));
    assert.ok(has(base + 'erythroid: hyperplastic\n', 'ineffective-hematopoiesis', 'erythroid-hyperplasia'));
    assert.ok(scoreOf(base + 'erythroid: hypoplastic\n', 'ineffective-hematopoiesis').evidence.some((e) => e.finding === 'erythroid-absent' && e.effect === 'argues-against'));
  });

  it('an infiltrated marrow supports replacement', () => {
    const body = '[labs]\nhemoglobin: 8 g/dL\n[marrow]\ninfiltrate: carcinoma\ninfiltrate-percent: 60 %\n';
    assert.ok(has(body, 'marrow-replacement', 'marrow-infiltrated'));
    assert.ok(has(body, 'marrow-replacement', 'marrow-infiltrate-extensive'));
  });

  it('HbF weighs for ineffective hematopoiesis only in a thalassemia picture', () => {
    const body = '[patient]\nage: 16 y\nsex: male\n[labs]\nhemoglobin: 7 g/dL\nmcv: 104 fL\nhbf: 8 %\n';
    assert.ok(!has(body, 'ineffective-hematopoiesis', 'hbf-high-thalassemia-context'));
    assert.ok(has(body.replace('mcv: 104 fL', 'mcv: 62 fL'), 'ineffective-hematopoiesis', 'hbf-high-thalassemia-context'));
  });
});

describe('iron and EPO', () => {
  it('iron deficiency at ferritin below 30 in an adult, below 12 under five, below 70 with inflammation', () => {
    const adult = (ferritin: number, crp = 2) => `[patient]\nage: 40 y\nsex: female\n[labs]\nhemoglobin: 9 g/dL\nferritin: ${ferritin} ng/mL\ncrp: ${crp} mg/L\n`;
    assert.ok(has(adult(25), 'hypoproliferative', 'ferritin-low'));
    assert.ok(!has(adult(45), 'hypoproliferative', 'ferritin-low'));
    assert.ok(has(adult(60, 80), 'hypoproliferative', 'ferritin-low'));
    const toddler = (ferritin: number) => `[patient]\nage: 2 y\nsex: male\n[labs]\nhemoglobin: 9 g/dL\nferritin: ${ferritin} ng/mL\n`;
    assert.ok(has(toddler(9), 'hypoproliferative', 'ferritin-low'));
    assert.ok(!has(toddler(20), 'hypoproliferative', 'ferritin-low'));
  });

  it('EPO is judged against the hemoglobin (Beguin): 40 mIU/mL is inadequate at Hb 7, and never called "not raised" beside a high flag', () => {
    const body = '[patient]\nage: 60 y\nsex: male\n[labs]\nhemoglobin: 7 g/dL\nepo: 40 mIU/mL\n';
    const evidence = scoreOf(body, 'hypoproliferative').evidence.find((e) => e.finding === 'epo-inappropriately-low');
    assert.ok(evidence, 'EPO 40 is below 0.8 × the 135 expected at Hb 7');
    assert.doesNotMatch(evidence.label, /not raised/);
    assert.ok(evidence.observations.some((o) => /\(high\): 0\.3 × the 136 mIU\/mL expected for hemoglobin 7 g\/dL/.test(o.text)), JSON.stringify(evidence.observations));
    assert.ok(!has('[labs]\nhemoglobin: 7 g/dL\nepo: 400 mIU/mL\n', 'hypoproliferative', 'epo-inappropriately-low'));
  });

  it('transferrin saturation reads as low where the flags call it low', () => {
    const body = (sex: string, tsat: number) => `[patient]\nage: 40 y\nsex: ${sex}\n[labs]\nhemoglobin: 9 g/dL\ntransferrin-saturation: ${tsat} %\n`;
    assert.ok(!has(body('female', 17), 'hypoproliferative', 'tsat-low'));
    assert.ok(has(body('male', 17), 'hypoproliferative', 'tsat-low'));
  });
});

describe('bleeding', () => {
  const withHistory = (history: string) => `[history]\n${history}\n[labs]\nhemoglobin: 8 g/dL\nhematocrit: 24 %\nreticulocytes: 1 %\n`;

  it('a denial spans a hard-wrapped line', () => {
    assert.ok(!has(withHistory('Tired for weeks. No melena or other\nbleeding.'), 'blood-loss', 'acute-bleeding'));
    assert.ok(has(withHistory('Fell from a ladder without losing consciousness and\nhas a large hemothorax.'), 'blood-loss', 'acute-bleeding'));
  });

  it('knows the words of internal and overt bleeding', () => {
    for (const words of ['Ruptured ectopic pregnancy with hemoperitoneum.', 'Hematemesis this morning.', 'Large retroperitoneal hematoma on warfarin.', 'Two episodes of hematochezia.']) {
      assert.ok(has(withHistory(words), 'blood-loss', 'acute-bleeding'), words);
    }
  });

  it('the gum bleeding and petechiae of a low platelet count are not blood loss', () => {
    assert.ok(!has(withHistory('Gum bleeding when brushing and petechiae.'), 'blood-loss', 'acute-bleeding'));
    assert.ok(!has(withHistory('Bleeding gums for a week.'), 'blood-loss', 'acute-bleeding'));
  });

  it('chronic loss (heavy periods) leads to iron deficiency, not to acute blood loss', () => {
    const body = withHistory('Heavy periods for years; the bleeding lasts eight days.');
    assert.ok(has(body, 'hypoproliferative', 'chronic-blood-loss'));
    assert.ok(!has(body, 'blood-loss', 'acute-bleeding'));
  });

  it('within days of an acute bleed a low RPI is expected, not a sign of marrow failure', () => {
    const body = withHistory('Vomited fresh blood twice today.');
    assert.ok(has(body, 'blood-loss', 'early-bleed'));
    assert.ok(!has(body, 'ineffective-hematopoiesis', 'marrow-not-answering'));
    assert.equal(rank(body).ranked[0].id, 'blood-loss');
  });
});

describe('decision and mixed pictures', () => {
  it('a mixed iron and B12 deficiency reports iron deficiency as secondary, with its evidence, in explain', () => {
    const body = '[patient]\nage: 44 y\nsex: female\n[labs]\nhemoglobin: 8 g/dL\nhematocrit: 25 %\nreticulocytes: 0.8 %\nmcv: 90 fL\nb12: 80 pg/mL\nldh: 1200 U/L\nhaptoglobin: 90 mg/dL\nferritin: 6 ng/mL\n[marrow]\nmegaloblastic: yes\niron-stores: absent\n';
    const analysis = analyzeCase(withHeader(body));
    assert.equal(analysis.clinical.mechanisms.ranked[0].id, 'ineffective-hematopoiesis');
    const report = explainCase(analysis);
    const iron = report.secondary.find((m) => m.id === 'hypoproliferative');
    assert.ok(iron, JSON.stringify(report.secondary.map((m) => m.id)));
    assert.ok(iron.evidence.some((e) => e.finding === 'ferritin-low' && e.observations.some((o) => o.panel === 'initial' && /Ferritin 6/.test(o.text))));
    assert.ok(report.pathway.length >= 3);
    assert.ok(report.pathway.every((step) => step.source.length > 0));
  });

  it('no clear choice when the runner-up has strong evidence of its own', () => {
    // Pure red cell aplasia in a patient who is also iron deficient.
    const body = '[labs]\nhemoglobin: 8 g/dL\nhematocrit: 24 %\nreticulocytes: 0.3 %\nwbc: 7 10^9/L\nplatelets: 250 10^9/L\nferritin: 5 ng/mL\n[marrow]\nerythroid: absent\nmyeloid: normal\nmegakaryocytes: normal\n';
    const ranking = rank(body);
    const [first, second] = ranking.ranked;
    assert.equal(first.id, 'pure-red-cell-aplasia');
    assert.ok(first.score - second.score >= mechanismsJson.decision.minimumMargin, 'the margin alone would call it clear');
    assert.ok(second.score >= mechanismsJson.decision.runnerUpShare * first.score, `${second.id} ${second.score} is strong`);
    assert.equal(ranking.clearChoice, undefined);
    assert.deepEqual(ranking.secondary.map((m) => m.id), ['hypoproliferative']);
  });
});
