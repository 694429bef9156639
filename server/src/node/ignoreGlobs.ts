// Matching the `ignore` globs of casewright.json against file paths. The file may come from an
// untrusted repository, and a regex-compiling matcher backtracks on some globs: `*a*a*a*a*b`
// took 45 s against one file name of 200 letters. This matcher walks the glob and the path with
// two pointers (as shells do), so its cost is at most the product of their lengths.
//
// Supported: `*` (any characters but `/`), `?` (one character), `**` as a whole segment (any
// number of folders), `[abc]`, `[a-z]`, `[!a]`/`[^a]`, `{a,b}` alternatives, `\` escapes, and a
// leading `!` to negate. Dot files are matched like any other (`dot: true`).

/** Alternatives one pattern's braces may expand to; more are not considered. */
const MAX_ALTERNATIVES = 256;

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; singles: string; ranges: [string, string][] };

type Segment = Token[] | 'globstar';

interface CompiledGlob {
  negated: boolean;
  alternatives: Segment[][];
}

/** A predicate for `/`-separated relative paths: true when any pattern matches. */
export function globMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const compiled = patterns.map(compileGlob);
  return (relativePath) => {
    const segments = relativePath.split('/');
    return compiled.some((glob) => glob.alternatives.some((alternative) => matchSegments(alternative, segments)) !== glob.negated);
  };
}

function compileGlob(pattern: string): CompiledGlob {
  let text = pattern;
  let negated = false;
  if (text.startsWith('!') && !text.startsWith('!(')) {
    negated = true;
    text = text.slice(1);
  }
  if (text.startsWith('./')) text = text.slice(2);
  return { negated, alternatives: expandBraces(text).map((alternative) => alternative.split('/').map(compileSegment)) };
}

function compileSegment(segment: string): Segment {
  if (segment === '**') return 'globstar';
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '\\' && i + 1 < segment.length) tokens.push({ kind: 'char', char: segment[++i] });
    else if (ch === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (ch === '?') tokens.push({ kind: 'any' });
    else if (ch === '[') {
      const parsed = parseClass(segment, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ kind: 'char', char: ch });
    } else tokens.push({ kind: 'char', char: ch });
  }
  return tokens;
}

/** `[…]` starting at `start`: the class and the index of its `]`, or undefined if unclosed. */
function parseClass(segment: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i++;
  let singles = '';
  const ranges: [string, string][] = [];
  for (let first = true; i < segment.length; i++, first = false) {
    const ch = segment[i];
    if (ch === ']' && !first) return { token: { kind: 'class', negated, singles, ranges }, end: i };
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      ranges.push([ch, segment[i + 2]]);
      i += 2;
    } else singles += ch;
  }
  return undefined;
}

/** `a{b,c}d` → `abd`, `acd` (nested braces too), at most MAX_ALTERNATIVES. */
function expandBraces(text: string): string[] {
  const open = findOpenBrace(text);
  if (open < 0) return [text];
  const parts: string[] = [];
  let depth = 0;
  let from = open + 1;
  let close = -1;
  for (let i = open + 1; i < text.length && close < 0; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === '}') {
      parts.push(text.slice(from, i));
      close = i;
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  // No closing brace, or no comma: the braces are plain characters.
  if (close < 0 || parts.length < 2) return [text];
  const before = text.slice(0, open);
  const after = text.slice(close + 1);
  const result: string[] = [];
  for (const part of parts) {
    for (const expanded of expandBraces(before + part + after)) {
      result.push(expanded);
      if (result.length >= MAX_ALTERNATIVES) return result;
    }
  }
  return result;
}

function findOpenBrace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') return i;
  }
  return -1;
}

/** Segments against the path's folders: `**` stands for any number of them. */
function matchSegments(pattern: Segment[], path: string[]): boolean {
  return matchWithWildcards(pattern, path, (segment) => segment === 'globstar', (segment, folder) => segment !== 'globstar' && matchSegment(segment, folder));
}

/** One segment's tokens against one folder or file name: `*` stands for any characters. */
function matchSegment(tokens: Token[], name: string): boolean {
  return matchWithWildcards(tokens, name, (token) => token.kind === 'star', matchesOne);
}

/**
 * The one matcher for both levels (`**` over folders, `*` over characters): a wildcard takes as
 * few items as it can and gives up one more on a mismatch. Only the last wildcard is retried,
 * which is enough when wildcards match anything, and keeps the match linear in practice
 * (picomatch's backtracking took 45 s on `*a*a*a*a*b`).
 */
function matchWithWildcards<P, S>(pattern: readonly P[], subject: ArrayLike<S>, isWildcard: (part: P) => boolean, matchesItem: (part: P, item: S) => boolean): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < subject.length) {
    const part = pattern[p];
    if (part !== undefined && isWildcard(part)) {
      starP = p++;
      starS = s;
    } else if (part !== undefined && matchesItem(part, subject[s])) {
      p++;
      s++;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else return false;
  }
  while (p < pattern.length && isWildcard(pattern[p])) p++;
  return p === pattern.length;
}

function matchesOne(token: Token, ch: string): boolean {
  switch (token.kind) {
    case 'char': return token.char === ch;
    case 'any': return true;
    case 'star': return false;
    case 'class': {
      const inside = token.singles.includes(ch) || token.ranges.some(([low, high]) => low <= ch && ch <= high);
      return inside !== token.negated;
    }
  }
}
