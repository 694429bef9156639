// The completion item as LSP shapes it. The core declares its own type and numbers so that it
// needs nothing from the protocol packages; the server passes the items through.
import type { Range } from '../text';

/** LSP CompletionItemKind numbers. */
export const ITEM_KIND = { field: 5, module: 9, property: 10, unit: 11, value: 12, reference: 18, enumMember: 20 } as const;

/** LSP InsertTextFormat: 2 is a snippet (`${1}` placeholders). */
export const SNIPPET = 2;

export interface CompletionResult {
  label: string;
  kind: number;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The edit that accepting the item makes: on the cursor's line, and containing the cursor. */
  textEdit: { range: Range; newText: string };
  insertTextFormat?: 1 | 2;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
}

/** Snippet syntax gives `$`, `}` and `\` a meaning; catalog text must insert as written. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * The text a snippet inserts when the editor cannot expand snippets: each placeholder becomes
 * its default (`${1:day 7}` → `day 7`), the first of its choices (`${1|a,b|}` → `a`), or
 * nothing (`${1}`, `$0`); escapes are undone.
 */
export function snippetToPlainText(snippet: string): string {
  return snippet.replace(/\$(\d+)|\$\{\d+\}|\$\{\d+:((?:\\.|[^\\}])*)\}|\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)*\|\}|\\([\\$},|])/g,
    (_whole, _tab, placeholder?: string, choice?: string, escaped?: string) =>
      escaped ?? unescape(placeholder ?? choice ?? ''));
}

function unescape(text: string): string {
  return text.replace(/\\([\\$},|])/g, '$1');
}

/** Fixed-width sort text from ranks, so that 10 never sorts before 9. */
export function sortKey(...ranks: number[]): string {
  return ranks.map((r) => String(r).padStart(3, '0')).join('.');
}
