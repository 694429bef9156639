// The completion item as LSP shapes it. The core declares its own type and numbers so that it
// needs nothing from the protocol packages; the server passes the items through.
import { isAsciiDigit, type Range } from '../text';

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
 * nothing (`${1}`, `$0`); escapes are undone. A scanner: the regex it replaces rescanned to the
 * end of the text from every unclosed `${1:`, quadratic on long text.
 */
export function snippetToPlainText(snippet: string): string {
  let out = '';
  let i = 0;
  // A `${n:` that found no closing `}` up to here: any `${n:` before this point finds none either.
  let unclosedUntil = -1;
  while (i < snippet.length) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length && ESCAPABLE.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
      continue;
    }
    if (ch === '$') {
      const tabstop = readTabstop(snippet, i, unclosedUntil);
      if (tabstop.unclosedUntil !== undefined) unclosedUntil = tabstop.unclosedUntil;
      if (tabstop.end !== undefined) {
        out += unescape(tabstop.text);
        i = tabstop.end;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

const ESCAPABLE = '\\$},|';

/** `$1`, `${1}`, `${1:text}` or `${1|a,b|}` at `start`: where it ends and the text it inserts. */
function readTabstop(snippet: string, start: number, unclosedUntil: number): { end?: number; text: string; unclosedUntil?: number } {
  let i = start + 1;
  const braced = snippet[i] === '{';
  if (braced) i++;
  const digits = i;
  while (isAsciiDigit(snippet.charCodeAt(i))) i++;
  if (i === digits) return { text: '' };
  if (!braced) return { end: i, text: '' };
  if (snippet[i] === '}') return { end: i + 1, text: '' };
  if (snippet[i] === ':') {
    if (i < unclosedUntil) return { text: '' };
    const close = scanEscaped(snippet, i + 1, '}');
    if (snippet[close] !== '}') return { text: '', unclosedUntil: close };
    return { end: close + 1, text: snippet.slice(i + 1, close) };
  }
  if (snippet[i] === '|') {
    const first = scanEscaped(snippet, i + 1, ',|');
    let at = first;
    while (snippet[at] === ',') at = scanEscaped(snippet, at + 1, ',|');
    if (snippet[at] !== '|' || snippet[at + 1] !== '}') return { text: '' };
    return { end: at + 2, text: snippet.slice(i + 1, first) };
  }
  return { text: '' };
}

/** From `from`, past plain characters and `\x` pairs, to the first of `stops` (or where it fails). */
function scanEscaped(snippet: string, from: number, stops: string): number {
  let i = from;
  while (i < snippet.length) {
    const ch = snippet[i];
    if (stops.includes(ch)) return i;
    if (ch === '\\') {
      // `\\.`: a backslash takes the next character, but not a line break.
      const next = snippet[i + 1];
      if (next === undefined || next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029') return i;
      i += 2;
    } else {
      i++;
    }
  }
  return i;
}


function unescape(text: string): string {
  return text.replace(/\\([\\$},|])/g, '$1');
}

/** Fixed-width sort text from ranks, so that 10 never sorts before 9. */
export function sortKey(...ranks: number[]): string {
  return ranks.map((r) => String(r).padStart(3, '0')).join('.');
}
