// The committed standalone validators are what ajv makes from schemas/case.schema.json and
// schemas/casewright.schema.json (npm run schema:validator), and they report exactly what
// freshly compiled ones report.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { buildModel } from '../../server/src/core/model/buildModel';
import { projectCase } from '../../server/src/core/schema/caseProjection';
import { parseCaseSyntax } from '../../server/src/core/syntax/parser';
import { sectionKind } from '../../server/src/core/catalog/vocabulary';
import validateCase = require('../../server/src/core/schema/caseValidator.generated');
import validateConfig = require('../../server/src/core/config/configValidator.generated');

const REPO = path.resolve(__dirname, '..', '..');

describe('standalone validators', () => {
  it('are generated from the schemas and up to date', () => {
    const run = spawnSync(process.execPath, ['scripts/schema/buildValidator.mjs', '--check'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('reports the same errors as ajv compiling the schema now, on the samples and on broken cases', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'case.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    ajv.addVocabulary(['x-code', 'x-message', 'x-field', 'x-section']);
    const fresh = ajv.compile(schema);
    const samples = readdirSync(path.join(REPO, 'samples')).filter((f) => f.endsWith('.case')).map((f) => readFileSync(path.join(REPO, 'samples', f), 'utf8'));
    const broken = [
      'case: Bad Id\ntitle:\nlevel: expert\ncolour: red\n[patient]\nsex: other\nage: old\n[marrow]\ncellularity: lots\nerythroid: hyperplastc\n[answer]\nmechanism: magic\n',
      'title: no id\n[smear]\nfindings: spherocytes, unicorns\n',
    ];
    let errors = 0;
    for (const text of [...samples, ...broken]) {
      const { json } = projectCase(buildModel(parseCaseSyntax(text, sectionKind).syntax));
      const ok = validateCase(json);
      assert.equal(ok, fresh(json), text);
      const shape = (list: typeof fresh.errors) => (list ?? []).map((e) => [e.instancePath, e.keyword, JSON.stringify(e.params), e.parentSchema === undefined]);
      assert.deepEqual(shape(validateCase.errors), shape(fresh.errors), text);
      errors += validateCase.errors?.length ?? 0;
    }
    assert.ok(errors >= 8, `the broken cases should produce errors (got ${errors})`);
  });

  it('casewright.json: the same verdicts and errors as ajv compiling the schema now', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'casewright.schema.json'), 'utf8'));
    const fresh = new Ajv({ allErrors: true }).compile(schema);
    const configs: unknown[] = [
      {}, { rules: { 'unknown-lab': 'off', 'mechanism-conflict': 'error' } }, { ignore: ['drafts/**'] },
      { maturation: { table: 'hillman-finch' } }, { rules: { 'unknown-lab': 'loud' } }, { colour: 'red' }, { ignore: 'drafts' }, [], 'text', null,
    ];
    let errors = 0;
    for (const config of configs) {
      assert.equal(validateConfig(config), fresh(config), JSON.stringify(config));
      const shape = (list: typeof fresh.errors) => (list ?? []).map((e) => [e.instancePath, e.keyword, e.message, JSON.stringify(e.params)]);
      assert.deepEqual(shape(validateConfig.errors), shape(fresh.errors), JSON.stringify(config));
      errors += validateConfig.errors?.length ?? 0;
    }
    assert.ok(errors >= 5, `the bad configs should produce errors (got ${errors})`);
  });
});

describe('case.schema.json takes its words from schemas/vocabulary.json', () => {
  const read = (file: string) => JSON.parse(readFileSync(path.join(REPO, 'schemas', file), 'utf8'));
  // The generator is an ES module of the build scripts; tests run as CommonJS.
  const load = () => import('../../scripts/schema/caseSchemaVocabulary.mjs');

  it('every enum and word list of the schema is the vocabulary list, in its order', () => {
    const schema = read('case.schema.json');
    const vocabulary = read('vocabulary.json');
    const ids = (list: string) => vocabulary.enums[list].map((t: { id: string }) => t.id);
    assert.deepEqual(schema.properties.smear.items.properties.findings.items.enum, ids('smearFindings'));
    assert.deepEqual(schema.properties.answer.properties.mechanism.enum, ids('mechanisms'));
    assert.deepEqual(schema.properties.patient.properties.sex.enum, ids('sexes'));
    assert.deepEqual(schema.properties.level.enum, ids('levels'));
    assert.deepEqual(schema.properties.marrow.properties.infiltrate.enum, ids('infiltrateKinds'));
  });

  it('a field on one side only is an error, not a silent gap', async () => {
    const { withVocabularyEnums } = await load();
    const vocabulary = read('vocabulary.json');
    vocabulary.marrowFields.push({ key: 'reticulin', type: 'enum', values: 'fibrosisGrades', description: 'x' });
    assert.throws(() => withVocabularyEnums(read('case.schema.json'), vocabulary), /`reticulin`/);
    const schema = read('case.schema.json');
    delete schema.properties.marrow.properties.aspirate;
    assert.throws(() => withVocabularyEnums(schema, read('vocabulary.json')), /`aspirate`/);
  });
});
