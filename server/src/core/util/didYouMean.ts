// "Did you mean …?" for misspelt names: the closest candidates by edit distance, with a bound
// that grows with the word so short words are not matched to anything at all.

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

/** Words longer than this get no suggestion: nobody mistypes a 65-letter name. */
export const MAX_MATCHED_LENGTH = 64;

/** The most edits a candidate may be away from any word. */
export const MAX_BOUND = 3;

/** How many edits away a candidate may be: grows with the word, from 1 to MAX_BOUND. */
export function matchBound(needle: string): number {
  return Math.max(1, Math.min(MAX_BOUND, Math.floor(needle.length / 3)));
}

/**
 * Candidates within reach of `word`, closest first (ties keep the candidates' order). Compares
 * the word with every candidate: for short fixed lists (labs, sections, units). A bank's ids
 * are searched with `SimilarWords`, whose cost does not grow with the bank.
 */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = word.toLowerCase();
  if (!needle || needle.length > MAX_MATCHED_LENGTH) return [];
  const bound = matchBound(needle);
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    let distance = editDistance(needle, lower);
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
