// "Did you mean …?" for misspelt names: the closest candidates by edit distance, with a bound
// that grows with the word so short words are not matched to anything at all.
import { BoundedCache } from './boundedCache';

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps cost 1. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prevPrev[j - 2] + 1);
      row.push(best);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The distance when it is at most `bound`, otherwise `bound + 1`: a suggestion needs nothing
 * more, and most candidates are ruled out by their length alone or after a few rows. The same
 * values as editDistance wherever it matters; a bank with many unknown words asks this of every
 * catalog name for each of them, so it must stay cheap (the CLI's profile showed it first).
 */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  if (a === b) return 0;
  if (!a.length || !b.length) return Math.max(a.length, b.length);
  const width = b.length + 1;
  let prevPrev = new Int32Array(width);
  let prev = new Int32Array(width);
  let row = new Int32Array(width);
  for (let j = 0; j < width; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) best = Math.min(best, prevPrev[j - 2] + 1);
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every later cell comes from this row or the one before: both past the bound, so is the end.
    if (rowMin > bound && prevMin > bound) return bound + 1;
    prevMin = rowMin;
    const recycled = prevPrev;
    prevPrev = prev;
    prev = row;
    row = recycled;
  }
  return Math.min(prev[b.length], bound + 1);
}

/** Words longer than this get no suggestion: nobody mistypes a 65-letter name. */
export const MAX_MATCHED_LENGTH = 64;

/** The most edits a candidate may be away from any word. */
export const MAX_BOUND = 3;

/** How many edits away a candidate may be: grows with the word, from 1 to MAX_BOUND. */
export function matchBound(needle: string): number {
  return Math.max(1, Math.min(MAX_BOUND, Math.floor(needle.length / 3)));
}

/** Suggestions already worked out, per candidate list: a bank repeats the same unknown words. */
const remembered = new WeakMap<object, BoundedCache<string, readonly string[]>>();
const MAX_REMEMBERED_WORD_LENGTH = 32;

/**
 * Candidates within reach of `word`, closest first (ties keep the candidates' order). Compares
 * the word with every candidate: for short fixed lists (labs, sections, units). A bank's ids
 * are searched with `SimilarWords`, whose cost does not grow with the bank.
 */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = word.toLowerCase();
  if (!needle || needle.length > MAX_MATCHED_LENGTH) return [];
  const cache = typeof candidates === 'object' && limit === 3 ? cacheFor(candidates) : undefined;
  const known = cache?.get(needle);
  if (known) return [...known];
  const result = findMatches(needle, candidates, limit);
  // Key and value are copies (slices can keep a whole file alive), short words only.
  if (cache && needle.length <= MAX_REMEMBERED_WORD_LENGTH) cache.set([...needle].join(''), result);
  return [...result];
}

function cacheFor(candidates: object): BoundedCache<string, readonly string[]> {
  let cache = remembered.get(candidates);
  if (!cache) {
    cache = new BoundedCache(1000);
    remembered.set(candidates, cache);
  }
  return cache;
}

function findMatches(needle: string, candidates: Iterable<string>, limit: number): string[] {
  const bound = matchBound(needle);
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    let distance = boundedEditDistance(needle, lower, bound);
    // A prefix typed in full ("hemo" for "hemoglobin") is a near miss however long the rest.
    if (distance > bound && needle.length >= 4 && lower.startsWith(needle)) distance = bound;
    if (distance <= bound) scored.push({ candidate, distance });
  }
  scored.sort((x, y) => x.distance - y.distance);
  const seen = new Set<string>();
  const result: string[] = [];
  for (const { candidate } of scored) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    result.push(candidate);
    if (result.length === limit) break;
  }
  return result;
}

/** " Did you mean `x`?" or " Did you mean `x` or `y`?", or "" when nothing is close. */
export function didYouMeanSentence(matches: string[]): string {
  if (!matches.length) return '';
  const quoted = matches.map((m) => `\`${m}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` Did you mean ${list}?`;
}
