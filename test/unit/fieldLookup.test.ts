// The model finds the first field of a key by a scan in a short list and by a map in a long one
// (model/fieldLookup.ts): both answer as the first field in file order with that key (or alias).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { canonicalFieldKey, sectionKind } from '../../server/src/core/catalog/vocabulary';
import { firstFieldByKey } from '../../server/src/core/model/fieldLookup';
import { parseCaseSyntax } from '../../server/src/core/syntax/parser';

const KEYS = ['case', 'title', 'tags', 'Tags', 'cellularity', 'ring-sideroblasts', 'ringed-sideroblasts', 'note', 'constructor', '__proto__', 'x'];

describe('first field by key', () => {
  it('is the first field with the key, whether scanned (short list) or mapped (long list or aliases)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...KEYS), { maxLength: 30 }), fc.constantFrom(undefined, 'marrow'), (keys, section) => {
      const fields = parseCaseSyntax(keys.map((k, i) => `${k}: ${i}`).join('\n'), sectionKind).syntax.header;
      const lookup = firstFieldByKey(fields, section);
      for (const key of new Set([...KEYS.map((k) => k.toLowerCase()), 'missing'])) {
        const first = fields.find((f) => (section ? canonicalFieldKey(section, f.key) : f.key) === key);
        assert.equal(lookup.get(key), first, key);
        assert.equal(lookup.has(key), first !== undefined, key);
      }
    }), { seed: 20261207, numRuns: 500 });
  });
});
