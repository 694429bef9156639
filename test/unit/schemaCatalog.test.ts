// The JSON schemas as a schema catalog and other editors see them: each has a stable `$id`
// under one base named after its file, a title and a description; casewright.json's schema
// alone (as the editor's jsonValidation and other editors use it) takes what the docs show.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { REPO } from '../support/runCli';

const SCHEMAS = path.join(REPO, 'schemas');
const BASE = 'https://casewright.dev/schemas/';
const read = (file: string) => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;

describe('schemas for a schema catalog', () => {
  const files = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).sort();

  it('every schema: draft-07, `$id` = the base and its file name, a title and a description', () => {
    assert.ok(files.includes('casewright.schema.json') && files.includes('case.schema.json'));
    for (const file of files) {
      const schema = read(file);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', file);
      assert.equal(schema.$id, `${BASE}${file}`, file);
      assert.ok(typeof schema.title === 'string' && schema.title.length > 0, `${file}: title`);
      assert.ok(typeof schema.description === 'string' && schema.description.length > 20, `${file}: description`);
    }
  });

  it('docs/ci.md names the $id a catalog entry would use', () => {
    const doc = readFileSync(path.join(REPO, 'docs', 'ci.md'), 'utf8');
    assert.ok(doc.includes(`"url": "${BASE}casewright.schema.json"`));
    assert.ok(doc.includes(`${BASE}case.schema.json`));
  });

  it('casewright.schema.json on its own (as another editor runs it) takes wildcards and refuses what the loader refuses by pattern', () => {
    const validate = new Ajv({ allErrors: true }).compile(read('casewright.schema.json'));
    assert.ok(validate({ $schema: `${BASE}casewright.schema.json`, rules: { 'privacy-*': 'off', 'privacy-date': 'error' } }), JSON.stringify(validate.errors));
    assert.ok(!validate({ rules: { 'privacy*': 'off' } }));
    assert.ok(!validate({ rules: { '*': 'off' } }));
    assert.ok(!validate({ rules: { 'privacy-*': 'loud' } }));
  });
});
