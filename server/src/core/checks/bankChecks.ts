// The bank-wide facts of a case bank, kept up to date one file at a time: who owns each case id,
// who refers to each see-also id, and "did you mean" over the ids. A file's bank diagnostics are
// worked out when asked and kept until something they depend on changes, so an edit that leaves
// the ids and links alone costs nothing here, and one that changes them re-checks only the files
// it concerns. Every step is linear in what changed: no file is compared with every other.
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';
import { didYouMeanSentence, editDistance, matchBound, MAX_BOUND, MAX_MATCHED_LENGTH } from '../util/didYouMean';
import { SimilarWords } from '../util/similarWords';

/** What bank-wide checks need of a case: its id and its see-also links. */
export type BankSummary = Pick<CaseModel, 'id' | 'idRange' | 'seeAlso'>;

/** Other files a duplicate-id message names; the rest are counted ("and 3,997 more files"). */
export const DUPLICATES_NAMED = 3;
/** Other files a duplicate-id diagnostic links to as related information. */
export const DUPLICATES_RELATED = 20;

export class BankIndex {
  private readonly summaries = new Map<string, BankSummary>();
  /** Case id → the files that define it. */
  private readonly owners = new Map<string, Set<string>>();
  /** Owners sorted by uri (the order messages name them in), made when first needed. */
  private readonly sortedOwners = new Map<string, string[]>();
  /** See-also id → the files that list it. */
  private readonly referrers = new Map<string, Set<string>>();
  /**
   * The ids of the bank, searched for "did you mean": built from `owners` when the first unknown
   * see-also id asks (a bank loads thousands of ids and most banks never ask), then kept up to
   * date with every id added or removed. Words enter in the order of `owners`' keys, the order
   * adding them one by one would have given, so the answers are the same.
   */
  private idTrie: SimilarWords | undefined;
  /** Unknown see-also ids with suggestions made, searched in reverse when an id appears. */
  private readonly suggested = new SimilarWords();
  /** Suggestions for an unknown see-also id, and which ids are suggested for which links. */
  private readonly suggestions = new Map<string, string[]>();
  private readonly suggestedIn = new Map<string, Set<string>>();
  /** Bank diagnostics per file, until something they depend on changes. */
  private readonly results = new Map<string, CaseDiagnostic[]>();
  /**
   * Told of every other file whose bank diagnostics a change made stale (the language server
   * re-publishes exactly those instead of comparing every file's).
   */
  onStale: ((uri: string) => void) | undefined;

  /** Rows of edit-distance tables computed so far: the cost of every "did you mean". */
  get operations(): number {
    return (this.idTrie?.operations ?? 0) + this.suggested.operations;
  }

  get size(): number {
    return this.summaries.size;
  }

  /** Adds or replaces one file's id and links. */
  set(uri: string, summary: BankSummary): void {
    const old = this.summaries.get(uri);
    this.summaries.set(uri, summary);
    this.results.delete(uri);
    if (old?.id !== summary.id) {
      if (old?.id) this.removeOwner(old.id, uri);
      if (summary.id) this.addOwner(summary.id, uri);
    } else if (old && summary.id && !sameRange(old.idRange, summary.idRange)) {
      // Other owners point at this id's range in their related information.
      this.touchOwners(summary.id);
    }
    if (!old || !sameTexts(old.seeAlso, summary.seeAlso)) {
      for (const item of old?.seeAlso ?? []) this.removeReferrer(item.text, uri);
      for (const item of summary.seeAlso) this.addReferrer(item.text, uri);
    }
  }

  /** Removes a file; false when it was not there. */
  delete(uri: string): boolean {
    const old = this.summaries.get(uri);
    if (!old) return false;
    this.summaries.delete(uri);
    this.results.delete(uri);
    if (old.id) this.removeOwner(old.id, uri);
    for (const item of old.seeAlso) this.removeReferrer(item.text, uri);
    return true;
  }

  /** The files that define a case id. */
  ownersOf(id: string): readonly string[] {
    return this.sorted(id);
  }

  /** Every case id of the bank with the files that define it. */
  caseIds(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const [id, uris] of this.owners) result.set(id, [...uris]);
    return result;
  }

  /** The bank-wide diagnostics of one file: a duplicate id, see-also ids that name no case. */
  diagnostics(uri: string): CaseDiagnostic[] {
    const cached = this.results.get(uri);
    if (cached) return cached;
    const summary = this.summaries.get(uri);
    if (!summary) return [];
    const found: CaseDiagnostic[] = [];
    if (summary.id && summary.idRange && (this.owners.get(summary.id)?.size ?? 0) > 1) found.push(this.duplicate(uri, summary.id, summary.idRange));
    for (const item of summary.seeAlso) {
      if (this.owners.has(item.text)) continue;
      const matches = this.suggestionsFor(item.text);
      found.push(diagnostic('error', 'unknown-see-also',
        `No case in the bank has the id \`${item.text}\`.${didYouMeanSentence(matches)}`,
        item.range, matches.length ? { replacements: matches } : undefined));
    }
    this.results.set(uri, found);
    return found;
  }

  private duplicate(uri: string, id: string, range: NonNullable<BankSummary['idRange']>): CaseDiagnostic {
    const owners = this.sorted(id);
    const others: string[] = [];
    for (const owner of owners) {
      if (owner !== uri) others.push(owner);
      if (others.length === DUPLICATES_RELATED) break;
    }
    const total = owners.length - 1;
    const named = others.slice(0, DUPLICATES_NAMED).map(displayName).join(', ');
    const more = total - Math.min(total, DUPLICATES_NAMED);
    const list = more ? `${named} and ${more.toLocaleString('en-US')} more file${more === 1 ? '' : 's'}` : named;
    const d = diagnostic('error', 'duplicate-case-id', `The case id \`${id}\` is also used by ${list}; ids must be unique in the bank.`, range);
    d.related = others.map((other) => ({ uri: other, range: this.summaries.get(other)!.idRange!, message: `\`${id}\` is also defined here` }));
    return d;
  }

  private sorted(id: string): string[] {
    let list = this.sortedOwners.get(id);
    if (!list) {
      list = [...(this.owners.get(id) ?? [])].sort();
      this.sortedOwners.set(id, list);
    }
    return list;
  }

  private suggestionsFor(reference: string): string[] {
    let matches = this.suggestions.get(reference);
    if (!matches) {
      matches = this.ids().closest(reference);
      this.suggestions.set(reference, matches);
      this.suggested.add(reference);
      for (const id of matches) setOf(this.suggestedIn, id).add(reference);
    }
    return matches;
  }

  private ids(): SimilarWords {
    if (!this.idTrie) {
      this.idTrie = new SimilarWords();
      for (const id of this.owners.keys()) this.idTrie.add(id);
    }
    return this.idTrie;
  }

  private addOwner(id: string, uri: string): void {
    const owners = this.owners.get(id);
    if (owners) {
      this.touchOwners(id);
      owners.add(uri);
      this.sortedOwners.delete(id);
      return;
    }
    this.owners.set(id, new Set([uri]));
    this.idTrie?.add(id);
    // Links to this id are no longer broken, and it may now be the better suggestion elsewhere.
    this.touchReferrers(id);
    this.forgetSuggestions(id);
    this.forgetSuggestionsNear(id);
  }

  private removeOwner(id: string, uri: string): void {
    const owners = this.owners.get(id);
    if (!owners?.delete(uri)) return;
    this.sortedOwners.delete(id);
    if (owners.size) {
      this.touchOwners(id);
      return;
    }
    this.owners.delete(id);
    this.idTrie?.remove(id);
    this.touchReferrers(id);
    // Suggestions that named this id are stale.
    for (const reference of this.suggestedIn.get(id) ?? []) this.forgetSuggestions(reference);
    this.suggestedIn.delete(id);
  }

  private addReferrer(reference: string, uri: string): void {
    setOf(this.referrers, reference).add(uri);
  }

  private removeReferrer(reference: string, uri: string): void {
    const uris = this.referrers.get(reference);
    if (!uris?.delete(uri) || uris.size) return;
    this.referrers.delete(reference);
    this.forgetSuggestions(reference);
  }

  /**
   * A new id may be a better suggestion for unknown links that resemble it: those whose
   * search could reach it (within the largest bound, or typed in full as its prefix).
   */
  private forgetSuggestionsNear(id: string): void {
    if (!this.suggestions.size) return; // nothing suggested yet (a bank being loaded)
    const near = this.suggested.within(id, MAX_BOUND);
    if (!near) {
      // Too many look alike to tell which: start afresh; each file is re-checked when asked.
      for (const reference of [...this.suggestions.keys()]) this.forgetSuggestions(reference);
      return;
    }
    const lower = id.toLowerCase();
    for (const reference of near) {
      const needle = reference.toLowerCase();
      if (editDistance(needle, lower) <= matchBound(needle)) this.forgetSuggestions(reference);
    }
    // Links typed as a prefix of the new id, whatever their length.
    for (let end = 4; end <= Math.min(lower.length, MAX_MATCHED_LENGTH); end++) {
      for (const reference of this.suggested.exactly(lower.slice(0, end))) this.forgetSuggestions(reference);
    }
  }

  private forgetSuggestions(reference: string): void {
    const matches = this.suggestions.get(reference);
    if (!matches) return;
    this.suggestions.delete(reference);
    this.suggested.remove(reference);
    for (const id of matches) {
      const where = this.suggestedIn.get(id);
      where?.delete(reference);
      if (where && !where.size) this.suggestedIn.delete(id);
    }
    this.touchReferrers(reference);
  }

  private touchOwners(id: string): void {
    for (const uri of this.owners.get(id) ?? []) this.stale(uri);
  }

  private touchReferrers(reference: string): void {
    for (const uri of this.referrers.get(reference) ?? []) this.stale(uri);
  }

  private stale(uri: string): void {
    this.results.delete(uri);
    this.onStale?.(uri);
  }
}

/** Bank-wide diagnostics for every entry, keyed by uri (entries with none are absent). */
export function checkBank(entries: Iterable<{ uri: string; model: BankSummary }>): Map<string, CaseDiagnostic[]> {
  const index = new BankIndex();
  const uris: string[] = [];
  for (const { uri, model } of entries) {
    index.set(uri, model);
    uris.push(uri);
  }
  const result = new Map<string, CaseDiagnostic[]>();
  for (const uri of uris) {
    const found = index.diagnostics(uri);
    if (found.length) result.set(uri, found);
  }
  return result;
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function sameRange(a: BankSummary['idRange'], b: BankSummary['idRange']): boolean {
  return a === b || (!!a && !!b && a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character);
}

function sameTexts(a: BankSummary['seeAlso'], b: BankSummary['seeAlso']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].text !== b[i].text) return false;
  return true;
}

function displayName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
