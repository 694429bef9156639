// "Did you mean …?" over a large, changing set of words (the case ids of a bank): a trie walked
// with one row of the edit-distance table per node, so a search visits only the branches that
// can still end within reach, instead of comparing the word with every candidate. Words come
// and go one at a time, so the server updates it per edit instead of rebuilding it.
//
// The answer is the one `closestMatches` gives for the same candidates (same distance, same
// bound, the same "typed in full as a prefix" rule), with ties in alphabetical order. Each search
// has a budget of rows; on a hostile bank of thousands of near-identical ids it may stop early
// and suggest fewer words, but its cost never grows with the bank.
import { matchBound, MAX_MATCHED_LENGTH } from './didYouMean';

/** Rows of the distance table one search may compute (each costs the word's length). */
export const SEARCH_BUDGET = 4096;

/** Deeper than any word a search can reach within its bound: longer words are stored here. */
const MAX_DEPTH = MAX_MATCHED_LENGTH + 4;

interface TrieNode {
  /** Children in alphabetical order, so a depth-first walk meets words alphabetically. */
  children: Children | undefined;
  /** Words whose lowercase spelling ends here, with how many times each was added. */
  words: Map<string, number> | undefined;
  /** Words longer than MAX_DEPTH stored at the node of their first MAX_DEPTH letters. */
  longWords: Map<string, number> | undefined;
  /** Words at or below this node. */
  size: number;
}

interface Children {
  letters: string[];
  nodes: TrieNode[];
}

const newNode = (): TrieNode => ({ children: undefined, words: undefined, longWords: undefined, size: 0 });

export interface SimilarSearch {
  /** The closest words, closest first, then alphabetical. */
  matches: string[];
  /** Rows of the distance table computed: the search's cost. */
  rows: number;
  /** False when the budget ran out before the search was done. */
  complete: boolean;
}

export class SimilarWords {
  private readonly root = newNode();
  private rowsComputed = 0;

  /** Rows computed by every search so far: the total cost, for tests and the benchmark. */
  get operations(): number {
    return this.rowsComputed;
  }

  get size(): number {
    return this.root.size;
  }

  add(word: string): void {
    const lower = word.toLowerCase();
    let node = this.root;
    node.size++;
    const depth = Math.min(lower.length, MAX_DEPTH);
    for (let i = 0; i < depth; i++) {
      const child = childOf(node, lower[i]) ?? addChild(node, lower[i]);
      child.size++;
      node = child;
    }
    const bag = lower.length > MAX_DEPTH ? (node.longWords ??= new Map()) : (node.words ??= new Map());
    bag.set(word, (bag.get(word) ?? 0) + 1);
  }

  /** Removes one occurrence of `word`; false when it was not there. */
  remove(word: string): boolean {
    const lower = word.toLowerCase();
    const depth = Math.min(lower.length, MAX_DEPTH);
    const path: TrieNode[] = [this.root];
    for (let i = 0; i < depth; i++) {
      const child = childOf(path[i], lower[i]);
      if (!child) return false;
      path.push(child);
    }
    const last = path[depth];
    const bag = lower.length > MAX_DEPTH ? last.longWords : last.words;
    const count = bag?.get(word);
    if (!bag || !count) return false;
    if (count > 1) bag.set(word, count - 1); else bag.delete(word);
    for (const node of path) node.size--;
    // Prune the branch that became empty.
    for (let i = depth; i > 0; i--) {
      if (path[i].size === 0) removeChild(path[i - 1], lower[i - 1]);
      else break;
    }
    return true;
  }

  has(word: string): boolean {
    const lower = word.toLowerCase();
    const node = this.nodeAt(lower.slice(0, MAX_DEPTH));
    return Boolean((lower.length > MAX_DEPTH ? node?.longWords : node?.words)?.get(word));
  }

  /** The words within reach of `word`, as `closestMatches` would choose them. */
  closest(word: string, limit = 3): string[] {
    return this.search(word, limit).matches;
  }

  search(word: string, limit = 3): SimilarSearch {
    const needle = word.toLowerCase();
    if (!needle || needle.length > MAX_MATCHED_LENGTH) return { matches: [], rows: 0, complete: true };
    return this.run(needle, matchBound(needle), limit, needle.length >= 4);
  }

  /** Every word within `reach` edits of `word` (no prefix rule); undefined when over budget. */
  within(word: string, reach: number): string[] | undefined {
    const needle = word.toLowerCase();
    if (!needle || needle.length > MAX_MATCHED_LENGTH + reach) return [];
    const { matches, complete } = this.run(needle, reach, Number.MAX_SAFE_INTEGER, false);
    return complete ? matches : undefined;
  }

  /** The words spelt `lower` when lowercased. */
  exactly(lower: string): string[] {
    const node = lower.length <= MAX_DEPTH ? this.nodeAt(lower) : undefined;
    return [...(node?.words?.keys() ?? [])];
  }

  private run(needle: string, bound: number, limit: number, prefixRule: boolean): SimilarSearch {
    if (!this.root.size) return { matches: [], rows: 0, complete: true };
    const found = new Map<string, number>();
    const budget = { left: SEARCH_BUDGET };
    // Near misses first: a search within distance 1 visits a thin slice of the trie. A wider
    // search runs only while fewer than `limit` words have been found, and stops at `limit`:
    // the walk is alphabetical, so the first words it meets at the widest distance are the
    // ones the ranking keeps (closest first, then alphabetical).
    for (let reach = 1; reach <= bound && found.size < limit && budget.left > 0; reach++) {
      this.walk(this.root, 0, undefined, undefined, firstRow(needle.length), needle, reach, found, limit, budget);
    }
    // A prefix typed in full ("hemo" for "hemoglobin") is a near miss however long the rest.
    if (prefixRule) {
      const node = this.nodeAt(needle);
      if (node) this.collect(node, bound, found, limit, budget);
    }
    const rows = SEARCH_BUDGET - budget.left;
    this.rowsComputed += rows;
    const matches = [...found].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit).map(([w]) => w);
    return { matches, rows, complete: budget.left > 0 };
  }

  private nodeAt(prefix: string): TrieNode | undefined {
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < prefix.length && node; i++) node = childOf(node, prefix[i]);
    return node;
  }

  /**
   * Depth-first over the trie; `row` is the distance table's row for the path to `node`
   * (optimal string alignment: the row before it is kept for swapped letters).
   */
  private walk(
    node: TrieNode, depth: number, previous: number[] | undefined, previousChar: string | undefined,
    row: number[], needle: string, reach: number, found: Map<string, number>, limit: number, budget: { left: number },
  ): void {
    const distance = row[needle.length];
    if (distance <= reach && node.words) {
      for (const word of node.words.keys()) {
        const known = found.get(word);
        if (known === undefined || distance < known) found.set(word, distance);
      }
    }
    if (!node.children || depth >= MAX_DEPTH) return;
    const { letters, nodes } = node.children;
    for (let i = 0; i < letters.length; i++) {
      if (budget.left <= 0 || found.size >= limit) return;
      budget.left--;
      const next = nextRow(row, previous, letters[i], previousChar, needle);
      if (minimum(next) > reach) continue; // nothing below can come back within reach
      this.walk(nodes[i], depth + 1, row, letters[i], next, needle, reach, found, limit, budget);
    }
  }

  /** Every word at or below `node` (the needle is its prefix), counted at distance `bound`. */
  private collect(node: TrieNode, bound: number, found: Map<string, number>, limit: number, budget: { left: number }): void {
    const stack = [node];
    let added = 0;
    while (stack.length && added < limit && budget.left > 0) {
      const current = stack.pop()!;
      budget.left--;
      for (const bag of [current.words, current.longWords]) {
        for (const word of bag?.keys() ?? []) {
          if (found.has(word)) continue;
          found.set(word, bound);
          added++;
        }
      }
      // Pushed last letter first: words come off the stack alphabetically.
      const nodes = current.children?.nodes ?? [];
      for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
    }
  }
}

/** Binary search for a letter among a node's sorted children. */
function letterIndex(children: Children, letter: string): number {
  let low = 0;
  let high = children.letters.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (children.letters[middle] < letter) low = middle + 1; else high = middle;
  }
  return low;
}

function childOf(node: TrieNode, letter: string): TrieNode | undefined {
  if (!node.children) return undefined;
  const i = letterIndex(node.children, letter);
  return node.children.letters[i] === letter ? node.children.nodes[i] : undefined;
}

function addChild(node: TrieNode, letter: string): TrieNode {
  node.children ??= { letters: [], nodes: [] };
  const i = letterIndex(node.children, letter);
  const child = newNode();
  node.children.letters.splice(i, 0, letter);
  node.children.nodes.splice(i, 0, child);
  return child;
}

function removeChild(node: TrieNode, letter: string): void {
  const children = node.children;
  if (!children) return;
  const i = letterIndex(children, letter);
  if (children.letters[i] !== letter) return;
  children.letters.splice(i, 1);
  children.nodes.splice(i, 1);
  if (!children.letters.length) node.children = undefined;
}

function firstRow(length: number): number[] {
  const row = new Array<number>(length + 1);
  for (let j = 0; j <= length; j++) row[j] = j;
  return row;
}

function nextRow(row: number[], previous: number[] | undefined, char: string, previousChar: string | undefined, needle: string): number[] {
  const next = new Array<number>(row.length);
  next[0] = row[0] + 1;
  for (let j = 1; j < row.length; j++) {
    const cost = needle[j - 1] === char ? 0 : 1;
    let best = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
    if (previous && j > 1 && needle[j - 2] === char && needle[j - 1] === previousChar) best = Math.min(best, previous[j - 2] + 1);
    next[j] = best;
  }
  return next;
}

function minimum(row: number[]): number {
  let least = row[0];
  for (let j = 1; j < row.length; j++) if (row[j] < least) least = row[j];
  return least;
}
