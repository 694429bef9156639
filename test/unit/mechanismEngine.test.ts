// The mechanism engine on small cases written for these tests (not the samples), following
// the seeds' logic, and the rules file validated by its schema.
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import mechanismsJson from '../../schemas/mechanisms.json';
import mechanismsSchema from '../../schemas/mechanisms.schema.json';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { MECHANISMS } from '../../server/src/core/catalog/vocabulary';

function rank(body: string) {
  const analysis = analyzeCase(`case: t-1\ntitle: T\n${body}`);
  return analysis.clinical.mechanisms;
}

function evidenceOf(body: string, mechanism: string) {
  return rank(body).ranked.find((m) => m.id === mechanism)!.evidence;
}

const cases: { name: string; expect: string; body: string }[] = [
  {
    name: 'high LDH and indirect bilirubin, low RPI, NORMAL haptoglobin: the cells die in the marrow',
    expect: 'ineffective-hematopoiesis',
    body: '[patient]\nage: 60 y\nsex: male\n[labs]\nhemoglobin: 7.9 g/dL\nhematocrit: 23 %\nreticulocytes: 1.5 %\nldh: 1450 U/L\nbilirubin-indirect: 2.1 mg/dL\nhaptoglobin: 95 mg/dL\n',
  },
  {
    name: 'LOW haptoglobin means peripheral destruction even when the RPI is below 2 (microangiopathy)',
    expect: 'peripheral-destruction',
    body: '[patient]\nage: 40 y\nsex: female\n[labs]\nhemoglobin: 8.0 g/dL\nhematocrit: 24 %\nreticulocytes: 2.5 %\nplatelets: 14 10^9/L\nldh: 1800 U/L\nbilirubin-indirect: 2.4 mg/dL\nhaptoglobin: <10 mg/dL\n[smear]\nfindings: schistocytes\n',
  },
  {
    name: 'isolated thrombocytopenia with increased megakaryocytes',
    expect: 'peripheral-destruction',
    body: '[patient]\nage: 6 y\nsex: female\n[labs]\nhemoglobin: 12.6 g/dL\nwbc: 7.2 10^9/L\nplatelets: 9 10^9/L\n[marrow]\nmegakaryocytes: increased\nerythroid: normal\nmyeloid: normal\n',
  },
  {
    name: 'an empty hypocellular marrow with pancytopenia',
    expect: 'aplasia',
    body: '[patient]\nage: 25 y\nsex: male\n[labs]\nhemoglobin: 7.0 g/dL\nhematocrit: 20 %\nreticulocytes: 0.2 %\nwbc: 1.6 10^9/L\nanc: 0.3 10^9/L\nplatelets: 11 10^9/L\n[marrow]\ncellularity: 10 %\nmyeloid: hypoplastic\nmegakaryocytes: absent\n',
  },
  {
    name: 'only the erythroid line gone: giant pronormoblasts, parvovirus',
    expect: 'pure-red-cell-aplasia',
    body: '[patient]\nage: 8 y\nsex: male\n[labs]\nhemoglobin: 5.2 g/dL\nhematocrit: 15 %\nreticulocytes: 0.2 %\nwbc: 7.0 10^9/L\nplatelets: 260 10^9/L\nparvovirus-b19-pcr: positive\n[marrow]\nerythroid: absent\nmyeloid: normal\nmegakaryocytes: normal\ngiant-pronormoblasts: present\n',
  },
  {
    name: 'dry tap, fibrosis and teardrop cells',
    expect: 'marrow-replacement',
    body: '[patient]\nage: 68 y\nsex: female\n[exam]\nSpleen palpable 14 cm below the costal margin.\n[labs]\nhemoglobin: 8.8 g/dL\nhematocrit: 27 %\nreticulocytes: 1.2 %\n[smear]\nfindings: teardrop-cells, leukoerythroblastic\n[marrow]\naspirate: dry-tap\nfibrosis: MF-3\n',
  },
  {
    name: 'low EPO for the anemia with a quiet marrow (kidney disease)',
    expect: 'hypoproliferative',
    body: '[patient]\nage: 70 y\nsex: male\n[labs]\nhemoglobin: 8.6 g/dL\nhematocrit: 26 %\nreticulocytes: 0.8 %\nmcv: 88 fL\nldh: 180 U/L\ncreatinine: 4.2 mg/dL\nepo: 12 mIU/mL\nferritin: 210 ng/mL\nhaptoglobin: 140 mg/dL\n',
  },
  {
    name: 'iron-restricted supply: low ferritin and saturation, microcytosis',
    expect: 'hypoproliferative',
    body: '[patient]\nage: 32 y\nsex: female\n[labs]\nhemoglobin: 8.4 g/dL\nhematocrit: 28 %\nmcv: 68 fL\nreticulocytes: 1.0 %\nferritin: 4 ng/mL\niron: 22 ug/dL\ntibc: 470 ug/dL\n',
  },
  {
    name: 'a raised RPI with normal LDH and haptoglobin after bleeding',
    expect: 'blood-loss',
    body: '[patient]\nage: 55 y\nsex: male\n[history]\nTwo days of black tarry stools (melena) after starting ibuprofen.\n[labs]\nhemoglobin: 8.1 g/dL\nhematocrit: 24 %\nreticulocytes: 1.8 %\nldh: 170 U/L\nhaptoglobin: 120 mg/dL\n[labs: day 5]\nhemoglobin: 8.6 g/dL\nhematocrit: 26 %\nreticulocytes: 9 %\n',
  },
  {
    name: 'warm autoimmune hemolysis: DAT, spherocytes, low haptoglobin, high RPI',
    expect: 'peripheral-destruction',
    body: '[labs]\nhemoglobin: 7.5 g/dL\nhematocrit: 22 %\nreticulocytes: 18 %\nhaptoglobin: <10 mg/dL\nldh: 700 U/L\ndat: positive\n[smear]\nfindings: spherocytes, polychromasia\n',
  },
  {
    name: 'megaloblastic: low B12, hypersegmented neutrophils, megaloblastic marrow',
    expect: 'ineffective-hematopoiesis',
    body: '[labs]\nhemoglobin: 7.2 g/dL\nhematocrit: 22 %\nmcv: 118 fL\nreticulocytes: 1.0 %\nb12: 95 pg/mL\nldh: 2100 U/L\n[smear]\nfindings: hypersegmented-neutrophils, macro-ovalocytes\n[marrow]\nmegaloblastic: yes\n',
  },
];

describe('mechanism engine', () => {
  it('the rules file validates against its schema and covers every mechanism of the contract', () => {
    const validate = new Ajv({ allErrors: true }).compile(mechanismsSchema);
    assert.ok(validate(mechanismsJson), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(mechanismsJson.mechanisms.map((m) => m.id).sort(), MECHANISMS.map((m) => m.id).sort());
  });

  it('every finding a mechanism weighs, or a finding refers to, is defined', () => {
    const defined = new Set(Object.keys(mechanismsJson.findings));
    for (const m of mechanismsJson.mechanisms) {
      for (const w of [...m.supports, ...m.against]) assert.ok(defined.has(w.finding), `${m.id} weighs undefined ${w.finding}`);
    }
    // Strings inside a condition tree are references to other findings.
    const visit = (condition: unknown, owner: string): void => {
      if (typeof condition === 'string') assert.ok(defined.has(condition), `${owner} refers to undefined finding ${condition}`);
      else if (condition && typeof condition === 'object') {
        const c = condition as Record<string, unknown>;
        for (const key of ['allOf', 'anyOf']) if (Array.isArray(c[key])) for (const x of c[key] as unknown[]) visit(x, owner);
        if ('not' in c) visit(c.not, owner);
      }
    };
    for (const [id, finding] of Object.entries(mechanismsJson.findings)) visit(finding.when, id);
  });

  for (const c of cases) {
    it(`${c.expect}: ${c.name}`, () => {
      const ranking = rank(c.body);
      assert.equal(ranking.ranked[0].id, c.expect, JSON.stringify(ranking.ranked.map((m) => [m.id, m.score])));
      assert.equal(ranking.clearChoice, c.expect, 'a clear first choice');
      assert.ok(ranking.ranked[0].evidence.some((e) => e.effect === 'supports' && e.observations.some((o) => o.range)), 'evidence with source ranges');
    });
  }

  it('normal vs low haptoglobin flips ineffective hematopoiesis and peripheral destruction', () => {
    const base = '[labs]\nhemoglobin: 8 g/dL\nhematocrit: 24 %\nreticulocytes: 1.5 %\nldh: 900 U/L\nbilirubin-indirect: 2 mg/dL\n';
    assert.equal(rank(base + 'haptoglobin: 110 mg/dL\n').ranked[0].id, 'ineffective-hematopoiesis');
    assert.equal(rank(base + 'haptoglobin: 5 mg/dL\n').ranked[0].id, 'peripheral-destruction');
    const against = evidenceOf(base + 'haptoglobin: 5 mg/dL\n', 'ineffective-hematopoiesis').find((e) => e.effect === 'argues-against');
    // Low haptoglobin argues against ineffective hematopoiesis unless a megaloblastic cause or a thalassemia explains it.
    assert.equal(against?.finding, 'haptoglobin-low-not-megaloblastic');
    assert.equal(against?.observations[0].range?.start.line, 8);
  });

  it('missing data lowers confidence and invents no evidence', () => {
    const sparse = rank('[labs]\nhemoglobin: 8 g/dL\n');
    assert.equal(sparse.clearChoice, undefined);
    for (const m of sparse.ranked) {
      assert.ok(m.confidence < 0.3, `${m.id} confidence ${m.confidence}`);
      assert.ok(m.evidence.every((e) => e.observations.length > 0));
    }
    const empty = rank('');
    assert.ok(empty.ranked.every((m) => m.score === 0 && m.evidence.length === 0 && m.confidence === 0));
    assert.equal(empty.ranked.length, MECHANISMS.length);
  });

  it('a withheld ranking is scored when first read, the same whatever was read before it', () => {
    // Normal counts for age and sex: the pathway stops, and `check` reads nothing of the ranking.
    const body = '[patient]\nage: 9 wk\nsex: female\n[history]\nHeavy bleeding from the cord stump.\n[labs]\nhemoglobin: 9.6 g/dL\nplatelets: 320 10^9/L\nwbc: 9.0 10^9/L\nldh: 900 U/L\nhaptoglobin: 5 mg/dL\n';
    const scores = (ranked: { id: string; score: number; confidence: number }[]) => ranked.map((m) => [m.id, m.score, m.confidence]);
    const rankedFirst = rank(body);
    assert.ok(rankedFirst.withheld);
    const afterRanked = scores(rankedFirst.ranked);
    const pathwayFirst = rank(body);
    assert.ok(pathwayFirst.pathway.length > 0);
    assert.deepEqual(pathwayFirst.secondary, []);
    assert.deepEqual(scores(pathwayFirst.ranked), afterRanked);
    assert.equal(afterRanked.length, MECHANISMS.length);
    assert.equal(pathwayFirst.clearChoice, undefined);
  });

  it('prose that does not mention bleeding is not evidence against blood loss', () => {
    const body = '[history]\nTired for a month.\n[labs]\nhemoglobin: 9 g/dL\n';
    const bloodLoss = rank(body).ranked.find((m) => m.id === 'blood-loss')!;
    assert.ok(bloodLoss.missing.some((label) => /Bleeding/.test(label)));
  });
});

describe('mechanism diagnostics', () => {
  const hemolysis = '[labs]\nhemoglobin: 7.5 g/dL\nhematocrit: 22 %\nreticulocytes: 18 %\nhaptoglobin: <10 mg/dL\ndat: positive\n[smear]\nfindings: spherocytes\n';

  it('mechanism-conflict names both mechanisms and the evidence, on the mechanism value', () => {
    const { diagnostics } = analyzeCase(`case: t-1\ntitle: T\n${hemolysis}[answer]\nmechanism: aplasia\n`);
    const conflict = diagnostics.find((d) => d.code === 'mechanism-conflict');
    assert.ok(conflict);
    assert.equal(conflict.severity, 'warning');
    assert.match(conflict.message, /`aplasia`.*`peripheral-destruction`/);
    assert.match(conflict.message, /haptoglobin|Haptoglobin/);
    assert.deepEqual(conflict.range.start, { line: 11, character: 11 });
    assert.deepEqual(conflict.data?.replacements, ['peripheral-destruction']);
  });

  it('no conflict when the answer agrees, or when the engine has no clear choice', () => {
    const agree = analyzeCase(`case: t-1\ntitle: T\n${hemolysis}[answer]\nmechanism: peripheral-destruction\n`);
    assert.equal(agree.diagnostics.length, 0, JSON.stringify(agree.diagnostics));
    const unclear = analyzeCase('case: t-1\ntitle: T\n[labs]\nhemoglobin: 9 g/dL\n[answer]\nmechanism: aplasia\n');
    assert.equal(unclear.diagnostics.filter((d) => d.code === 'mechanism-conflict').length, 0);
  });

  it('an info diagnostic when a case has labs but no mechanism', () => {
    const { diagnostics } = analyzeCase(`case: t-1\ntitle: T\n${hemolysis}`);
    const info = diagnostics.find((d) => d.code === 'missing-mechanism');
    assert.equal(info?.severity, 'info');
    assert.match(info?.message ?? '', /peripheral-destruction/);
  });
});

describe('mechanism engine on the shipped samples', () => {
  const folder = require('node:path').join(__dirname, '..', '..', 'samples');
  const fs = require('node:fs') as typeof import('node:fs');
  const files = fs.readdirSync(folder).filter((f: string) => f.endsWith('.case'));

  it('uses every mechanism of the contract at least once', () => {
    const stated = new Set(files.map((f: string) => analyzeCase(fs.readFileSync(`${folder}/${f}`, 'utf8')).model.answer.get('mechanism')?.value));
    assert.deepEqual([...stated].sort(), MECHANISMS.map((m) => m.id).sort());
  });

  for (const file of files) {
    it(`${file}: the engine's clear first choice is the stated mechanism, with evidence`, () => {
      const analysis = analyzeCase(fs.readFileSync(`${folder}/${file}`, 'utf8'));
      const stated = analysis.model.answer.get('mechanism')?.value;
      const { ranked, clearChoice } = analysis.clinical.mechanisms;
      assert.equal(clearChoice, stated, JSON.stringify(ranked.slice(0, 3).map((m) => [m.id, m.score])));
      assert.ok(ranked[0].evidence.filter((e) => e.effect === 'supports').length >= 2);
      assert.deepEqual(analysis.diagnostics, []);
    });
  }
});

describe('history text', () => {
  it('a negated mention ("no bleeding") is not evidence of bleeding', () => {
    const negated = rank('[history]\nTired. No bleeding, denies melena.\n[labs]\nhemoglobin: 9 g/dL\n');
    assert.ok(negated.ranked.find((m) => m.id === 'blood-loss')!.evidence.every((e) => e.finding !== 'acute-bleeding'));
    const affirmed = rank('[history]\nTwo days of melena.\n[labs]\nhemoglobin: 9 g/dL\n');
    assert.ok(affirmed.ranked.find((m) => m.id === 'blood-loss')!.evidence.some((e) => e.finding === 'acute-bleeding'));
  });
});
