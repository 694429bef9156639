// Which lines of a case's text the full scan of identifierPatterns.ts needs to read. Nearly every
// line of clinical prose holds nothing the scan would flag, and the scan is costly: a line is
// scanned only if it holds what one of the scan's alternatives, as its validator accepts it, needs
// somewhere in its line. Each test is written beside what it stands for, and
// test/unit/privacyFastPath.test.ts holds them to the scan, in every spelling.
// The tests search the case's lines joined by `\n` (a search costs more than reading a line, and a
// case is some thirty short lines): three searches of all of them, then one of each line with a
// digit (a quarter of prose) from its start. No pattern matches a line break or across one, and
// `\b` sees a line break as it sees the end of a line, so a search finds a line's first hit exactly
// when the line has one.
import { DEVICE_KEYWORD, ID_KEYWORD, PHONE_KEYWORD, scanLine, STREET, TITLE_CASE_MONTH, TITLES, WEB_ENDINGS, type IdentifierMatch } from './identifierPatterns';
import { isAsciiDigit } from '../../text';

/**
 * A pattern of the scan (written in lower case) read in any case, as the scan reads it: a letter
 * `a` becomes `[aA]`, a class `[a-z]` becomes `[a-zA-Z]` (classes here hold no escapes).
 */
function caseless(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + source[++i];
    } else if (c === '[') {
      const end = source.indexOf(']', i);
      const members = source.slice(i + 1, end);
      out += `[${members}${members.toUpperCase() === members ? '' : members.toUpperCase()}]`;
      i = end;
    } else {
      out += c.toUpperCase() === c ? c : `[${c}${c.toUpperCase()}]`;
    }
  }
  return out;
}

/** The alternatives of a pattern of the scan, a leading group's spelled out: `(?:a|b)c|d` gives `ac`, `bc`, `d`. */
function alternatives(source: string): string[] {
  const parts = splitAtTopLevel(source, '|');
  if (parts.length > 1) return parts.flatMap(alternatives);
  const [group] = splitAtTopLevel(source, ')');
  const after = source[group.length + 1];
  // `(?:…)` at the start, not repeated: its alternatives, each with what follows the group.
  if (!source.startsWith('(?:') || group.length === source.length || (after !== undefined && '?*+{'.includes(after))) return [source];
  const rest = source.slice(group.length + 1);
  return alternatives(group.slice(3)).flatMap((alternative) => alternatives(alternative + rest));
}

/**
 * `source` cut at each `separator` outside brackets and classes (`)`: at the one that closes the
 * group `source` opens with, and no further).
 */
function splitAtTopLevel(source: string, separator: '|' | ')'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = source.indexOf(']', i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0 && separator === ')') return [source.slice(0, i)];
    else if (c === '|' && depth === 0 && separator === '|') {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** Alternatives as one pattern in any case, those that start with a letter grouped by it. */
function byFirstLetter(sources: readonly string[]): string {
  const groups = new Map<string, string[]>();
  const others: string[] = [];
  for (const source of sources) {
    const first = source[0];
    if (first < 'a' || first > 'z') others.push(caseless(source));
    else groups.set(first, [...groups.get(first) ?? [], source.slice(1)]);
  }
  return [...others, ...[...groups].map(([letter, rests]) => `${caseless(letter)}(?:${rests.map(caseless).join('|')})`)].join('|');
}

/**
 * In any line, in any case: `@` (e-mail), `://` or `www.` or a web address's ending (each found
 * at its one rare character, the dot).
 */
const WEB_OR_EMAIL = `@|:\\/\\/|\\.(?:${[...new Set(WEB_ENDINGS.map((ending) => ending.slice(ending.lastIndexOf('.') + 1)))].map(caseless).join('|')})\\b|\\.(?<=${caseless('www')}\\.)`;
/**
 * In any line, in any case: what the ages in words hold (nonagenarian, centenarian, nineties),
 * cut to letters less common than their first (the search then skips faster).
 */
const AGE_IN_WORDS = new RegExp(['genarian', 'tenarian', 'neties'].map(caseless).join('|'), 'g');
/** A title as the name validator takes it (`Dr`, `Mrs`: a capital, then lower case) before a space and a capital. */
const TITLE_BEFORE_NAME = new RegExp(`\\b(?:${TITLES.map((t) => t[0].toUpperCase() + t.slice(1)).join('|')})\\.? [A-Z]`, 'g');
/** What every other kind needs at a digit (after the `\\d` each of these follows). */
const AFTER_A_DIGIT = [
  // Dates (`12/03/2024`, `2024-11-05`), an SSN, an IP.
  '(?:-\\d{1,2}-|\\/\\d{1,2}\\/|\\.\\d{1,3}\\.)\\d',
  // A phone number's last two groups (three digits at least each).
  '\\d\\d[ .-]\\d{3}',
  // Five digits: a record or account number, a ZIP code.
  '\\d{4}',
  // A postcode, in capitals as the validator takes it.
  '[A-Z\\d]? \\d[A-Z]{2}\\b',
  // A street address: its name's words capitalized, as the validator wants them.
  `[A-Za-z]?,? (?:[A-Z][A-Za-z'’-]{1,30} ){1,3}${caseless(STREET)}\\b`,
  // An age of 90 or more: before `y` (`93 y`, `91-year-old`), after `age` or `aged`, `90s`.
  '(?<=(?:9|[1-9]\\d)\\d)[- ]?[yY]',
  `(?<=(?:9|[1-9]\\d)\\d)(?<=${caseless('age')}[dD]? \\d{2,3})`,
  '(?<=90)[sS]\\b',
  // A day before a month's name, or after one (title case, as the date validator wants it).
  `(?:${['st', 'nd', 'rd', 'th'].map(caseless).join('|')})?(?: ${caseless('of')})? ${TITLE_CASE_MONTH}\\b`,
  // A month's name ends in one of these letters or a dot: that quick test first.
  `(?<=[nybrhlegtpvc.] \\d)(?<=\\b${TITLE_CASE_MONTH}\\.? \\d)`,
];
/**
 * A keyword of a record, device or phone number, then a digit within 48 characters of its line:
 * the number after such a keyword starts within 39 (a keyword's last words, the lead, a code's
 * first 25 characters and a space). The keywords are grouped by their first letter, so that at
 * each word the search tries one group rather than every keyword (a third faster).
 */
const KEYWORD_THEN_DIGIT = `\\b(?:${byFirstLetter([ID_KEYWORD, DEVICE_KEYWORD, PHONE_KEYWORD].flatMap(alternatives))})[^\\n\\d]{0,48}\\d`;
/** What a line with a digit may hold; searched from the line's start, it stops at a hit or at the line's end (a match of `\n`). */
const IN_LINE_WITH_DIGIT = new RegExp(`${WEB_OR_EMAIL}|\\d(?:${AFTER_A_DIGIT.join('|')})|${KEYWORD_THEN_DIGIT}|\\n`, 'g');
/**
 * A digit, or what a web or e-mail address needs: one search of every line for both (their first
 * characters are few and rare). A line is searched again from its start when the hit is a digit.
 */
const DIGIT_OR_WEB_OR_EMAIL = new RegExp(`\\d|${WEB_OR_EMAIL}`, 'g');

/** The other tests of any line, each searched for on its own (one search of all is slower). */
const IN_ANY_LINE: readonly RegExp[] = [AGE_IN_WORDS, TITLE_BEFORE_NAME];

/** Whether the full scan can find anything in `line`. */
export function mayHoldIdentifier(line: string): boolean {
  return linesThatMayHoldIdentifiers([line]).length > 0;
}

/** The indices (ascending) of the lines the full scan may find something in. */
export function linesThatMayHoldIdentifiers(lines: readonly string[]): number[] {
  const found: number[] = [];
  if (!lines.length) return found;
  const joined = lines.join('\n');
  for (const pattern of IN_ANY_LINE) searchLines(pattern, joined, lines, found);
  // Digits are rare in prose: only the lines with one (a quarter) are searched for the rest.
  searchLines(DIGIT_OR_WEB_OR_EMAIL, joined, lines, found, (line, start, last) => {
    if (!isAsciiDigit(joined.charCodeAt(last))) return true;
    if (found.includes(line)) return false;
    IN_LINE_WITH_DIGIT.lastIndex = start;
    return IN_LINE_WITH_DIGIT.test(joined) && joined.charCodeAt(IN_LINE_WITH_DIGIT.lastIndex - 1) !== 10;
  });
  // Nearly always none, or one: sorted and without repeats otherwise.
  return found.length > 1 ? [...new Set(found)].sort((x, y) => x - y) : found;
}

/**
 * Appends to `found` the index of each line (of `lines`, joined by `\n` in `joined`) where
 * `pattern` matches and `confirm`, if given, agrees (told the line, where it starts and where
 * the match ends), left to right.
 */
function searchLines(pattern: RegExp, joined: string, lines: readonly string[], found: number[],
  confirm?: (line: number, start: number, last: number) => boolean): void {
  let line = 0;
  let start = 0;
  pattern.lastIndex = 0;
  while (pattern.test(joined)) {
    // Every match ends on the line it starts on, and holds at least one character.
    const end = pattern.lastIndex - 1;
    while (end > start + lines[line].length) {
      start += lines[line].length + 1;
      line++;
    }
    if (!confirm || confirm(line, start, end)) found.push(line);
    start += lines[line].length + 1;
    line++;
    if (line >= lines.length) break;
    pattern.lastIndex = start;
  }
}


/** What a line without identifiers gives: shared, so that such a line (nearly every one) costs no array. */
const NO_IDENTIFIERS: readonly IdentifierMatch[] = [];

/** Every identifier in `line`, left to right. */
export function findIdentifiers(line: string): readonly IdentifierMatch[] {
  if (!mayHoldIdentifier(line)) return NO_IDENTIFIERS;
  return scanLine(line);
}
