// The reference range chosen for a patient is remembered per lab, age interval and sex; asked
// in any order, for any age, it must be what a plain search of the catalog gives.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ageInDays, LABS, referenceRangeFor, type LabDefinition, type ReferenceRange, type Sex } from '../../server/src/core/catalog/labCatalog';

/** The rule as docs/case-format.md states it, searched afresh every time. */
function plainSearch(lab: LabDefinition, ageDays: number | undefined, sex: Sex | undefined): { low?: number; high?: number; text: string } | undefined {
  const ranges = lab.referenceRanges ?? [];
  if (!ranges.length) return undefined;
  const age = ageDays ?? ageInDays({ value: 30, unit: 'a' });
  const band = (r: ReferenceRange) => ({ low: r.age?.low ? ageInDays(r.age.low) : -Infinity, high: r.age?.high ? ageInDays(r.age.high) : Infinity });
  let candidates = ranges.filter((r) => age >= band(r).low && age < band(r).high);
  let borrowed = false;
  if (!candidates.length) {
    const distance = (r: ReferenceRange) => (age < band(r).low ? band(r).low - age : age - band(r).high);
    const nearest = Math.min(...ranges.map(distance));
    candidates = ranges.filter((r) => distance(r) === nearest);
    borrowed = true;
  }
  let chosen: { low?: number; high?: number; text: string } | undefined;
  if (sex === 'male' || sex === 'female') {
    chosen = candidates.find((r) => r.appliesTo?.includes(sex)) ?? candidates.find((r) => !r.appliesTo);
  } else {
    const bySex = candidates.filter((r) => r.appliesTo);
    chosen = candidates.find((r) => !r.appliesTo) ?? (bySex.length < 2 ? bySex[0] : {
      low: Math.max(...bySex.map((r) => r.low ?? -Infinity)),
      high: Math.min(...bySex.map((r) => r.high ?? Infinity)),
      text: 'either sex',
    });
  }
  return chosen && borrowed ? { ...chosen, text: `${chosen.text} (nearest age band in the catalog)` } : chosen;
}

describe('reference ranges', () => {
  it('are the same, asked in any order, as a plain search of the catalog', () => {
    const labs = LABS.filter((lab) => lab.referenceRanges?.length);
    const ask = fc.record({
      lab: fc.constantFrom(...labs),
      age: fc.option(fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(0, 7, 28, 365.25, 730.5, 2191.5, 4383, 6574.5, 36_525)), { nil: undefined }),
      sex: fc.constantFrom<Sex | undefined>('male', 'female', 'other', 'unknown', undefined),
    });
    fc.assert(fc.property(fc.array(ask, { minLength: 1, maxLength: 40 }), (asks) => {
      for (const { lab, age, sex } of asks) {
        const got = referenceRangeFor(lab, age, sex);
        const want = plainSearch(lab, age, sex);
        assert.equal(got?.low ?? -Infinity, want?.low ?? -Infinity, `${lab.key} ${age} ${sex}`);
        assert.equal(got?.high ?? Infinity, want?.high ?? Infinity, `${lab.key} ${age} ${sex}`);
        if (!want?.text.startsWith('either sex')) assert.equal(got?.text, want?.text, `${lab.key} ${age} ${sex}`);
        else assert.match(got?.text ?? '', /\(either sex\)/);
      }
    }), { seed: 5, numRuns: 300 });
  });
});
