// Properties: for any input the analysis returns, never throws, and every range it reports
// lies inside the document. The long run is `npm run fuzz`; here a seeded share.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { sectionKind } from '../../server/src/core/catalog/vocabulary';
import { parseCaseSyntax } from '../../server/src/core/syntax/parser';
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

  it('reads a header line as a field exactly when the field pattern matches it', () => {
    const FIELD = /^([A-Za-z0-9][A-Za-z0-9.\-]*)[ \t]*:(.*)$/;
    const line = fc.string({ unit: fc.constantFrom('a', 'Z', '7', '.', '-', ':', ' ', '\t', 'é', '\u2028', '\u2029', '#', '['), maxLength: 12 });
    fc.assert(fc.property(line, (text) => {
      const { syntax } = parseCaseSyntax(text, sectionKind);
      const match = text.trim() && !/^[ \t]*#/.test(text) && !text.startsWith('[') ? FIELD.exec(text) : null;
      if (!match) {
        assert.equal(syntax.header.length, 0, JSON.stringify(text));
        return;
      }
      assert.equal(syntax.header.length, 1, JSON.stringify(text));
      const [field] = syntax.header;
      assert.equal(field.rawKey, match[1]);
      assert.equal(field.value, match[2].replace(/^[ \t]+|[ \t]+$/g, ''));
      assertInside(field.range, text, 'field');
    }), { seed: 11, numRuns: 3000 });
  });
});
