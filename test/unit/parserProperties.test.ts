// Properties: for any input the analysis returns, never throws, and every range it reports
// lies inside the document. The long run is `npm run fuzz`; here a seeded share.
import fc from 'fast-check';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { assertInside } from '../support/ranges';

const caseLike = fc.array(
  fc.oneof(
    fc.constantFrom('case: a-1', 'title: T', '[labs]', '[labs: day 7]', '[marrow]', '[answer]', '[history]', '[smear]', '[patient]',
      'hemoglobin: 6.1 g/dL', 'hb: 61 g/dL', 'retic: <0.1 %', 'dat: positive', 'cellularity: 90 %', 'me-ratio: 1:6', '  continued',
      'findings: target-cells, x', 'mechanism: aplasia', '# comment', '', '[', ']', ':', 'age: 4 y', 'sex: male', '\t', '[labs:]'),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  ),
  { maxLength: 40 },
);

const separators = fc.constantFrom('\n', '\r\n', '\r');

describe('analysis properties', () => {
  it('never throws and keeps every diagnostic and node range inside the document', () => {
    fc.assert(fc.property(caseLike, separators, fc.boolean(), (lines, eol, bom) => {
      const text = (bom ? '\uFEFF' : '') + lines.join(eol);
      const { model, diagnostics } = analyzeCase(text);
      const bare = bom ? text.slice(1) : text;
      for (const d of diagnostics) assertInside(d.range, bare, d.code);
      for (const field of model.syntax.header) assertInside(field.range, bare, 'header field');
      for (const section of model.syntax.sections) {
        assertInside(section.range, bare, 'section');
        for (const field of section.fields) {
          assertInside(field.keyRange, bare, 'key');
          assertInside(field.valueRange, bare, 'value');
        }
      }
    }), { seed: 20261122, numRuns: 400 });
  });

  it('survives arbitrary full-unicode and binary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      const { diagnostics } = analyzeCase(text);
      const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      for (const d of diagnostics) assertInside(d.range, bare, d.code);
    }), { seed: 7, numRuns: 300 });
  });
});
