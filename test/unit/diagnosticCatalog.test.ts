// The documented codes (schemas/diagnostics.json → docs/diagnostics.md) are the real ones:
// each bad example raises its code, each fixed example is clean, and the docs are current.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import diagnosticsSchema from '../../schemas/diagnostics.schema.json';
import diagnosticsJson from '../../schemas/diagnostics.json';
import { CaseBank } from '../../server/src/core/bank';
import { DIAGNOSTIC_RULES } from '../../server/src/core/diagnosticCatalog';
import { renderDiagnosticsDoc } from '../../scripts/docs/diagnosticsDoc';

function diagnosticsOf(example: string | Record<string, string>) {
  const bank = new CaseBank();
  const files = typeof example === 'string' ? { 'example.case': example } : example;
  for (const [name, text] of Object.entries(files)) bank.set(name, text);
  return Object.keys(files).flatMap((name) => bank.diagnostics(name));
}

describe('diagnostic catalog', () => {
  it('validates against its schema', () => {
    const validate = new Ajv({ allErrors: true }).compile(diagnosticsSchema);
    assert.ok(validate(diagnosticsJson), JSON.stringify(validate.errors));
  });

  it('has unique codes', () => {
    const codes = DIAGNOSTIC_RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('has one entry per `code` key in its text (JSON.parse keeps only the last of two keys, so a merge that runs two entries together loses one)', () => {
    const text = readFileSync(path.join(__dirname, '..', '..', 'schemas', 'diagnostics.json'), 'utf8');
    const written = [...text.matchAll(/^\s*"code": "([^"]+)"/gm)].map((m) => m[1]);
    assert.deepEqual(written, DIAGNOSTIC_RULES.map((r) => r.code));
  });

  for (const rule of DIAGNOSTIC_RULES.filter((r) => r.scope !== 'file')) {
    it(`${rule.code}: the bad example raises it with its default severity, the fixed one is clean`, () => {
      const bad = diagnosticsOf(rule.bad!).filter((d) => d.code === rule.code);
      assert.ok(bad.length > 0, `bad example of ${rule.code} did not raise it`);
      assert.ok(bad.every((d) => d.severity === rule.severity));
      // Fixed means no errors or warnings at all, and not this code at any severity.
      const left = diagnosticsOf(rule.fixed!).filter((d) => d.severity !== 'info' || d.code === rule.code);
      assert.deepEqual(left.map((d) => `${d.code}: ${d.message}`), []);
    });
  }

  it('docs/diagnostics.md is generated from the catalog and up to date (npm run docs)', () => {
    const onDisk = readFileSync(path.join(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');
    assert.equal(onDisk, renderDiagnosticsDoc());
  });
});
