// Checks across the case bank: case ids are unique, and see-also names cases that exist.
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';
import { closestMatches, didYouMeanSentence } from '../util/didYouMean';

/** What bank-wide checks need of a case: its id and its see-also links. */
export type BankSummary = Pick<CaseModel, 'id' | 'idRange' | 'seeAlso'>;

export interface BankEntry {
  uri: string;
  model: BankSummary;
}

/** Bank-wide diagnostics for every entry, keyed by uri (entries with none are absent). */
export function checkBank(entries: Iterable<BankEntry>): Map<string, CaseDiagnostic[]> {
  const byId = new Map<string, BankEntry[]>();
  const all = [...entries];
  for (const entry of all) {
    const id = entry.model.id;
    if (!id) continue;
    const list = byId.get(id);
    if (list) list.push(entry); else byId.set(id, [entry]);
  }
  const result = new Map<string, CaseDiagnostic[]>();
  const add = (uri: string, d: CaseDiagnostic) => {
    const list = result.get(uri);
    if (list) list.push(d); else result.set(uri, [d]);
  };
  for (const [id, owners] of byId) {
    if (owners.length < 2) continue;
    for (const owner of owners) {
      const others = owners.filter((o) => o !== owner);
      const d = diagnostic('error', 'duplicate-case-id',
        `The case id \`${id}\` is also used by ${others.map((o) => displayName(o.uri)).join(', ')}; ids must be unique in the bank.`,
        owner.model.idRange!);
      d.related = others.map((o) => ({ uri: o.uri, range: o.model.idRange!, message: `\`${id}\` is also defined here` }));
      add(owner.uri, d);
    }
  }
  // Sorted: suggestions that tie keep the candidates' order, which must not depend on the order
  // files were read in (worker threads finish in any order).
  const ids = [...byId.keys()].sort();
  for (const entry of all) {
    for (const item of entry.model.seeAlso) {
      if (byId.has(item.text)) continue;
      const matches = closestMatches(item.text, ids);
      add(entry.uri, diagnostic('error', 'unknown-see-also',
        `No case in the bank has the id \`${item.text}\`.${didYouMeanSentence(matches)}`,
        item.range, matches.length ? { replacements: matches } : undefined));
    }
  }
  return result;
}

function displayName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
