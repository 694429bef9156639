// A map with a ceiling, for module-level caches that user text can grow (STYLE.md rule 15):
// past `capacity` the oldest entry goes. First in, first out rather than least recently used:
// a hit costs one lookup and no reordering, and the entries cached are the few spellings a
// bank repeats thousands of times, which come back at once if ever evicted.
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('a bounded cache holds at least one entry');
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (!this.entries.has(key) && this.entries.size >= this.capacity) {
      // Maps iterate in insertion order: the first key is the oldest.
      this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
