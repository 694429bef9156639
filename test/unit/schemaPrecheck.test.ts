// The schema pre-check (server/src/core/schema/schemaPrecheck.ts) may skip the generated
// validator only when the validator would find nothing: on every sample, every vignette, broken
// fields of every kind and mutated cases, "surely valid" never meets a case the validator faults,
// and every valid sample and vignette is told valid without it (so the fast path is really taken).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { sectionKind } from '../../server/src/core/catalog/vocabulary';
import { buildModel } from '../../server/src/core/model/buildModel';
import { projectCase } from '../../server/src/core/schema/caseProjection';
import { NOT_UNDERSTOOD, surelyValid } from '../../server/src/core/schema/schemaPrecheck';
import { validateProjection } from '../../server/src/core/schema/schemaValidation';
import { parseCaseSyntax } from '../../server/src/core/syntax/parser';
import validateCase = require('../../server/src/core/schema/caseValidator.generated');
import { mutatedCase } from '../support/mutations';

const REPO = path.resolve(__dirname, '..', '..');

function caseFiles(folder: string): string[] {
  return readdirSync(path.join(REPO, folder), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.case'))
    .map((e) => path.join(e.parentPath, e.name));
}

const modelOf = (text: string) => buildModel(parseCaseSyntax(text, sectionKind).syntax);

/** Both answers for one text: the pre-check's and the generated validator's on the projection. */
function answers(text: string): { fast: boolean; full: boolean } {
  const model = modelOf(text);
  return { fast: surelyValid(model), full: validateCase(projectCase(model).json) };
}

const VALID = 'case: ok-01\ntitle: Fine\n';

/** One broken (or odd) field per line: each is added to a valid case on its own. */
const ODD_FIELDS = [
  'case: Bad Id', 'title:', 'level: expert', 'colour: red', 'constructor: x', '__proto__: x', 'patient: x', 'questions: x',
  'tags: a, b', 'see-also: Not-An-Id', 'see-also: ok-02, bad--id', 'reviewed-on: 2026-13-01', 'updated: 26-03-01',
  'objectives: .bad', 'hide-indices: rpi, x_y', 'status: done', 'reviewed-by:',
  '[patient]\nage: old', '[patient]\nage: 4 years', '[patient]\nsex: Male', '[patient]\nsex: robot', '[patient]\nheight: 1 m',
  '[smear]\nfindings: spherocytes, unicorns', '[smear]\nfindings: Spherocytes', '[smear: day 3]\nfindings: x', '[smear]\nimage: a.png\nimage: b.png',
  '[marrow]\ncellularity: lots', '[marrow]\ncellularity: 101 %', '[marrow]\ncellularity: -1', '[marrow]\ncellularity: 40 %', '[marrow]\nring-sideroblasts: 150',
  `[marrow]\nblasts: ${'9'.repeat(400)}`, '[marrow]\nerythroid: hyperplastc', '[marrow]\nerythroid: Hyperplastic', '[marrow]\nme-ratio: 3 to 1', '[marrow]\nfibrosis: mf-1',
  '[marrow]\nnote: a\nnote: b', '[answer]\nmechanism: magic', '[answer]\nmechanism: aplasia, blood-loss', '[answer]\nwhy: x',
  '[question]\nstem: What?', '[question]\ntype: single', '[question]\ntype: essay\nstem: What?', '[question]\ntype: single\nstem:',
  '[question]\ntype: numeric\nstem: How many?\ntolerance: -1', '[question]\ntype: numeric\nstem: How many?\npoints: x', '[question]\nid: 9 x\ntype: short\nstem: Why?',
  '[question]\ntype: short\nstem: Why?\nnegative: maybe', '[question]\ntype: single\nstem: Which?\noption: a\noption: * b',
];

describe('schema pre-check', () => {
  it('understands every keyword of case.schema.json', () => {
    assert.deepEqual(NOT_UNDERSTOOD, []);
  });

  it('tells every valid sample and vignette valid, and only those', () => {
    const files = [...caseFiles('samples'), ...caseFiles('test/fixtures/vignettes')];
    assert.ok(files.length > 50, `${files.length} files`);
    for (const file of files) {
      const { fast, full } = answers(readFileSync(file, 'utf8'));
      assert.equal(fast, full, file);
    }
  });

  it('never calls a case with a schema error valid (one odd field at a time)', () => {
    let faulted = 0;
    for (const field of ODD_FIELDS) {
      const text = `${VALID}${field}\n`;
      const { fast, full } = answers(text);
      if (fast) assert.ok(full, text);
      if (!full) faulted++;
    }
    // Most of the fields above are errors: the loop proved something.
    assert.ok(faulted > 30, `${faulted} faulted`);
  });

  it('never calls a mutated case valid that the validator faults', () => {
    let both = 0;
    fc.assert(fc.property(mutatedCase(6), (text) => {
      const { fast, full } = answers(text);
      if (fast) both++;
      return !fast || full;
    }), { seed: 20260301, numRuns: 400 });
    assert.ok(both > 0, 'some mutated cases take the fast path');
  });

  it('leaves the messages to the validator when something is wrong', () => {
    const model = modelOf(`${VALID}[marrow]\ncellularity: lots\n`);
    assert.equal(surelyValid(model), false);
    const diagnostics = validateProjection(projectCase(model), 'case: ok-01');
    assert.deepEqual(diagnostics.map((d) => d.code), ['invalid-percentage']);
    assert.equal(diagnostics[0].range.start.line, 3);
  });
});
