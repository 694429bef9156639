// Mutated cases for robustness properties: start from the samples and delete, duplicate and
// swap lines, splice random bytes, huge numbers, deep unicode and megabyte lines.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');
export const SAMPLE_TEXTS: string[] = readdirSync(SAMPLES).filter((f) => f.endsWith('.case')).map((f) => readFileSync(path.join(SAMPLES, f), 'utf8'));

const nasty = fc.oneof(
  fc.constantFrom('1e308 g/dL', '-0', 'NaN', 'Infinity', '9'.repeat(400), '<<<', '[[[]]]', ':::', '\u0000', '\uFFFD', '\uD800', '\u202E', '\x1b]0;PWNED\x07\x1b[2J', '\x9b2J\x7f\x00\x08', 'e\u0301'.repeat(50), '🩸'.repeat(20), '\t\t', '[labs: day 1e999]', '#', 'see-also: , , ,'),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 30 }),
);

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replaceValue'; at: number; text: string }
  | { kind: 'longLine'; at: number; size: number }
  | { kind: 'longRun'; at: number; run: string; size: number };

// Megabyte lines are rarer than the other mutations: each costs a million characters of work.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: nasty }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replaceValue' as const), at: fc.nat(), text: nasty }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('longLine' as const), at: fc.nat(), size: fc.integer({ min: 1000, max: 1_100_000 }) }) },
  // Long runs of blanks, digits and separators inside a value: what backtracking regexes choke on.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('longRun' as const), at: fc.nat(), run: fc.constantFrom(' ', '\t', '0', ', ', ': ', '-', '.', ' \x1b'), size: fc.integer({ min: 1000, max: 100_000 }) }) },
);

export function applyMutations(text: string, mutations: Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    if (!lines.length) lines.push('');
    const at = m.at % lines.length;
    switch (m.kind) {
      case 'delete': lines.splice(at, 1); break;
      case 'duplicate': lines.splice(at, 0, lines[at]); break;
      case 'swap': { const other = m.with % lines.length; [lines[at], lines[other]] = [lines[other], lines[at]]; break; }
      case 'insert': lines.splice(at, 0, m.text); break;
      case 'replaceValue': lines[at] = lines[at].includes(':') ? `${lines[at].slice(0, lines[at].indexOf(':') + 1)} ${m.text}` : m.text; break;
      case 'longLine': lines[at] = `${lines[at]}${'x'.repeat(m.size)}`; break;
      case 'longRun': {
        const colon = lines[at].indexOf(':') + 1;
        lines[at] = `${lines[at].slice(0, colon)}${m.run.repeat(Math.ceil(m.size / m.run.length))}${lines[at].slice(colon)}`;
        break;
      }
    }
  }
  return lines.join('\n');
}

/** A sample with up to `max` mutations. */
export function mutatedCase(max = 6): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(SAMPLE_TEXTS.length - 1), fc.array(mutation, { maxLength: max })).map(([i, ms]) => applyMutations(SAMPLE_TEXTS[i], ms));
}
