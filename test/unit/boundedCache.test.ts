// Module-level caches that user text can fill are bounded (STYLE.md rule 15).
import { strict as assert } from 'node:assert';
import { BoundedCache } from '../../server/src/core/util/boundedCache';
import { findLab, findUnit, normalizedSpellings } from '../../server/src/core/catalog/labCatalog';

describe('bounded caches', () => {
  it('keeps at most its capacity, dropping the oldest entry first', () => {
    const cache = new BoundedCache<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) cache.set(key, i);
    assert.equal(cache.size, 3);
    assert.equal(cache.get('a'), undefined, 'the oldest went');
    assert.deepEqual(['b', 'c', 'd'].map((k) => cache.get(k)), [1, 2, 3]);
    cache.set('b', 9);
    assert.equal(cache.size, 3, 'replacing a key does not evict');
    assert.equal(cache.get('b'), 9);
  });

  it('refuses a capacity below one', () => {
    assert.throws(() => new BoundedCache(0), RangeError);
  });

  it('the unit-spelling cache stays bounded however many spellings a bank writes, and still answers', () => {
    const hemoglobin = findLab('hemoglobin')!;
    for (let i = 0; i < normalizedSpellings.capacity + 500; i++) findUnit(hemoglobin, `g/dL${i}`);
    assert.ok(normalizedSpellings.size <= normalizedSpellings.capacity);
    assert.equal(findUnit(hemoglobin, 'G/DL')?.unit, 'g/dL');
    assert.equal(findUnit(hemoglobin, 'g/L')?.unit, 'g/L');
  });
});
