// Loops instead of spreading an array into a call's arguments: `Math.max(...values)` and
// `list.push(...items)` overflow the stack once an array holds some 100,000 items, and
// user input decides how many some arrays hold.

/** The largest value, or `empty` for none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let best = empty;
  let first = true;
  for (const value of values) {
    if (first || value > best) best = value;
    first = false;
  }
  return best;
}

/** The smallest value, or `empty` for none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let best = empty;
  let first = true;
  for (const value of values) {
    if (first || value < best) best = value;
    first = false;
  }
  return best;
}

/** Appends every item to `target` (in place) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
