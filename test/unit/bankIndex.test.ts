// The bank index: "did you mean" over a trie gives the brute-force answer; a bank updated one
// file at a time reports exactly what a bank built from scratch reports; and the work per
// see-also link is bounded, so a bank's checks grow linearly with it.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BankIndex, checkBank, DUPLICATES_NAMED, DUPLICATES_RELATED, type BankSummary } from '../../server/src/core/checks/bankChecks';
import { editDistance, matchBound } from '../../server/src/core/util/didYouMean';
import { SEARCH_BUDGET, SimilarWords } from '../../server/src/core/util/similarWords';

const range = (line: number) => ({ start: { line, character: 6 }, end: { line, character: 12 } });

/** The ranking by its definition: every candidate compared, closest first, then alphabetical. */
function bruteForce(word: string, candidates: string[], limit = 3): string[] {
  const needle = word.toLowerCase();
  if (!needle || needle.length > 64) return [];
  const bound = matchBound(needle);
  const scored: [string, number][] = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    let distance = editDistance(needle, lower);
    if (distance > bound && needle.length >= 4 && lower.startsWith(needle)) distance = bound;
    if (distance <= bound) scored.push([candidate, distance]);
  }
  return scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit).map(([c]) => c);
}

// Short words over a small alphabet: near misses, swaps, prefixes and duplicates are common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', '1'), minLength: 1, maxLength: 9 });

describe('the bank index', () => {
  it('"did you mean" over the trie gives the brute-force ranking', () => {
    fc.assert(fc.property(fc.array(word, { maxLength: 40 }), word, (candidates, typed) => {
      const trie = new SimilarWords();
      for (const c of candidates) trie.add(c);
      assert.deepEqual(trie.closest(typed), bruteForce(typed, candidates));
    }), { seed: 15, numRuns: 400 });
  });

  it('words removed from the trie are no longer suggested', () => {
    fc.assert(fc.property(fc.array(word, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 15 }), word, (candidates, removals, typed) => {
      const trie = new SimilarWords();
      for (const c of candidates) trie.add(c);
      const left = [...candidates];
      for (const r of removals) {
        if (!left.length) break;
        const [gone] = left.splice(r % left.length, 1);
        assert.ok(trie.remove(gone));
      }
      assert.deepEqual(trie.closest(typed), bruteForce(typed, left));
      assert.equal(trie.size, left.length);
    }), { seed: 16, numRuns: 300 });
  });

  it('a bank updated file by file reports what a bank built from scratch reports', () => {
    const summary = fc.record({ id: fc.option(word, { nil: undefined }), seeAlso: fc.array(word, { maxLength: 3 }) });
    const step = fc.oneof(
      fc.record({ file: fc.nat(7), summary }),
      fc.record({ file: fc.nat(7), summary: fc.constant(undefined) }),
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
      const index = new BankIndex();
      const held = new Map<string, BankSummary>();
      for (const { file, summary: s } of steps) {
        const uri = `file:///bank/f${file}.case`;
        if (s) {
          const model: BankSummary = { id: s.id, idRange: s.id ? range(0) : undefined, seeAlso: s.seeAlso.map((text, i) => ({ text, range: range(2 + i) })) };
          index.set(uri, model);
          held.set(uri, model);
        } else {
          assert.equal(index.delete(uri), held.delete(uri));
        }
        // Ask for some files between steps, so cached answers must be kept up to date.
        if (file % 2) index.diagnostics(uri);
        const fresh = checkBank([...held].map(([u, model]) => ({ uri: u, model })));
        for (const u of held.keys()) assert.deepEqual(index.diagnostics(u), fresh.get(u) ?? [], `after ${JSON.stringify(steps)}`);
      }
    }), { seed: 17, numRuns: 300 });
  });

  it('a duplicate id names a few other files and counts the rest', () => {
    const index = new BankIndex();
    for (let i = 0; i < 50; i++) index.set(`file:///bank/c${String(i).padStart(2, '0')}.case`, { id: 'same-01', idRange: range(0), seeAlso: [] });
    const [d] = index.diagnostics('file:///bank/c07.case');
    assert.equal(d.message, 'The case id `same-01` is also used by c00.case, c01.case, c02.case and 46 more files; ids must be unique in the bank.');
    assert.equal(d.related?.length, DUPLICATES_RELATED);
    assert.equal(DUPLICATES_NAMED, 3);
  });

  it('the work per broken link is bounded: 4× the cases costs about 4× the comparisons', () => {
    const cost = (n: number) => {
      const index = new BankIndex();
      for (let i = 0; i < n; i++) {
        const id = String(i).padStart(5, '0');
        index.set(`file:///bank/c${id}.case`, {
          id: `case-${id}`, idRange: range(0),
          seeAlso: [{ text: `missing-${id}`, range: range(2) }, { text: `cse-${String((i * 7) % n).padStart(5, '0')}x`, range: range(2) }],
        });
      }
      let reported = 0;
      for (let i = 0; i < n; i++) reported += index.diagnostics(`file:///bank/c${String(i).padStart(5, '0')}.case`).length;
      assert.equal(reported, 2 * n);
      assert.ok(index.operations <= 2 * n * SEARCH_BUDGET, 'never more than the budget per link');
      return index.operations;
    };
    const small = cost(1000);
    const large = cost(4000);
    // Comparing every link with every id (the old way) costs 16× for 4× the cases.
    assert.ok(large / small < 10, `comparisons grew ${(large / small).toFixed(1)}× for 4× the cases`);
  });

  it('an edit that leaves ids and links alone re-checks nothing', () => {
    const index = new BankIndex();
    for (let i = 0; i < 200; i++) index.set(`file:///bank/c${i}.case`, { id: `case-${i}`, idRange: range(0), seeAlso: [{ text: `cse-${i}x`, range: range(2) }] });
    for (let i = 0; i < 200; i++) index.diagnostics(`file:///bank/c${i}.case`);
    const before = index.operations;
    // The same id and links, as after a keystroke in a case's body.
    index.set('file:///bank/c5.case', { id: 'case-5', idRange: range(0), seeAlso: [{ text: 'cse-5x', range: range(2) }] });
    for (let i = 0; i < 200; i++) index.diagnostics(`file:///bank/c${i}.case`);
    assert.equal(index.operations, before);
    // A new id: only the links near it are searched again.
    index.set('file:///bank/new.case', { id: 'cse-7', idRange: range(0), seeAlso: [] });
    const [d] = index.diagnostics('file:///bank/c7.case');
    assert.match(d.message, /Did you mean `cse-7`/);
    assert.ok(index.operations - before < 200 * 10, `${index.operations - before} rows after adding one id`);
  });
});
