// Finds, in one line of case text, what HIPAA's Safe Harbor method lists as identifiers
// (45 CFR 164.514(b)(2)(i)): dates, ages over 89, record and account numbers, phone and fax
// numbers, e-mail and web addresses, IP addresses, street addresses and postcodes, names
// (here: a name behind a title such as "Mr." or "Dr."), licence, device and serial numbers.
//
// One regular expression, compiled once, finds every candidate in a single left-to-right pass;
// a small validator per kind then rejects what only looks like an identifier (a month 13, a
// lowercase "may", an IP part over 255). Every repetition in the expression is bounded, so the
// work at each position is constant and a line of any length is scanned in linear time.
// The expression is case-insensitive (keywords such as "MRN" or "Tel." come in any case);
// where case matters (names, month names, postcodes) the validator checks it.

export type IdentifierKind = 'date' | 'age' | 'id-number' | 'phone' | 'email' | 'url' | 'ip' | 'address' | 'name' | 'device';

export interface IdentifierMatch {
  kind: IdentifierKind;
  /** UTF-16 offset of the identifier in the line, and its length. */
  start: number;
  length: number;
  /** The identifier as written. */
  text: string;
  /** Safer wording for the same place, best first (none when the text should just go). */
  replacements: string[];
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Month names as a date writes them: with a capital (`may` is a verb, `mar` and `dec` are words). */
export const TITLE_CASE_MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
/** Words that introduce a record, account or plan number. */
export const ID_KEYWORD = '(?:mrn|medical[ ]record(?:[ ](?:number|no\\.?|#))?|(?:hospital|record|chart|case|patient|member|subscriber|beneficiary|nhs|chi|medicare|medicaid|insurance|policy|account|acct|health[ ]plan)[ ](?:number|no\\.?|id|#)|account|acct\\.?|policy|insurance|ssn|social[ ]security(?:[ ]number)?|patient[ ]id)';
/** Words that introduce a licence, certificate, vehicle, device or serial number. */
export const DEVICE_KEYWORD = '(?:number[ ]plate|licen[cs]e[ ]plate|registration[ ]plate|serial(?:[ ](?:number|no\\.?|#))?|s\\/n|device(?:[ ](?:number|no\\.?|id|#))|implant[ ](?:number|no\\.?|id|#)|licen[cs]e(?:[ ](?:number|no\\.?|#))?|certificate(?:[ ](?:number|no\\.?|#))?|registration(?:[ ](?:number|no\\.?|#))?|vin)';
/** What follows such a keyword: an optional `:`/`#`, then a code with digits (checked later). */
const ID_LEAD = '[ ]?[:#.]?[ ]{0,3}';
/** A code, possibly in groups of digits (`943 476 5919`). */
const ID_VALUE = `${ID_LEAD}[a-z0-9][a-z0-9\\/-]{2,24}(?:[ ]\\d{2,8}){0,3}(?![a-z0-9])`;
export const PHONE_KEYWORD = '(?:phone|telephone|tel\\.?|fax|mobile|pager|bleep)(?:[ ](?:number|no\\.?))?';
export const STREET = '(?:street|st|road|rd|avenue|ave|lane|ln|drive|boulevard|blvd|court|close|way|place|terrace|crescent|square|highway|hwy|gardens|grove|row)';
export const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'doctor', 'rev'];
const TITLE = `(?:${TITLES.join('|')})`;
/** How a web address ends (what the pre-tests look for is the last part, after a dot). */
export const WEB_ENDINGS = ['com', 'org', 'net', 'edu', 'gov', 'info', 'io', 'nhs.uk', 'co.uk', 'ac.uk', 'org.uk'];
const NAME_WORD = "[a-z][a-z'’-]{1,30}";

// Alternatives are tried in this order at each position; the first that matches wins.
const ALTERNATIVES: [IdentifierKind, string][] = [
  ['email', "(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,6}"],
  ['url', '\\b(?:https?:\\/\\/|www\\.)[^\\s<>"\'()]{1,2000}'],
  ['url', `\\b[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,4}\\.(?:${WEB_ENDINGS.map((e) => e.replace('.', '\\.')).join('|')})\\b(?:\\/[^\\s<>"'()]{0,500})?`],
  ['ip', '\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b(?!\\.\\d)'],
  ['phone', `\\b${PHONE_KEYWORD}[ ]?[:#.]?[ ]{0,3}\\+?\\(?\\d[\\d ().-]{4,18}\\d`],
  ['phone', '(?<![\\w.])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,5}\\)[ .-]?|\\d{2,5}[ .-])\\d{3,4}[ .-]\\d{3,4}(?!\\w|[./-]\\d)'],
  ['phone', '\\b0\\d{4}[ ]\\d{6}\\b'],
  ['id-number', '\\b\\d{3}-\\d{2}-\\d{4}\\b'],
  ['device', '\\b(?:number|licen[cs]e|registration)[ ]plate[ ]?[:#.]?[ ]{0,3}[a-z0-9]{2,8}(?:[ -][a-z0-9]{2,4}\\b)?'],
  ['device', `\\b${DEVICE_KEYWORD}${ID_VALUE}`],
  ['id-number', `\\b${ID_KEYWORD}${ID_VALUE}`],
  ['id-number', '(?<![\\w.,])#?\\d{8,20}(?![\\w.,]\\d|\\w)'],
  ['date', '\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b'],
  ['date', '(?<![\\w.\\/-])\\d{1,2}(?<sep>[\\/.-])\\d{1,2}\\k<sep>\\d{2,4}(?![\\w\\/-]|\\.\\d)'],
  ['date', `\\b\\d{1,2}${ORDINAL}(?:[ ]of)?[ ]${MONTH}\\b\\.?(?:,?[ ]\\d{4}\\b)?`],
  ['date', `\\b${MONTH}\\.?[ ](?:\\d{1,2}${ORDINAL}\\b(?:,?[ ]\\d{4}\\b)?|\\d{4}\\b)`],
  ['age', '\\b\\d{2,3}(?:[- ](?:years?|yrs?|y)[- ]old\\b|[ ]?(?:years?|yrs?|yo|y\\.o\\.|y)(?![a-z])(?:[ ]of[ ]age\\b)?)'],
  ['age', '\\b(?:aged|age)[ ]\\d{2,3}\\b'],
  ['age', '\\b(?:nonagenarian|centenarian|supercentenarian|in[ ](?:his|her|their)[ ](?:90s|nineties))\\b'],
  ['address', `\\b\\d{1,5}[a-z]?,?[ ](?:${NAME_WORD}[ ]){1,3}${STREET}\\b\\.?`],
  ['address', '\\b[a-z]{1,2}\\d[a-z\\d]?[ ]\\d[a-z]{2}\\b'],
  ['address', '\\b[a-z]{2}[ ]\\d{5}(?:-\\d{4})?\\b'],
  ['name', `\\b${TITLE}\\.?[ ]${NAME_WORD}(?:[ ]${NAME_WORD}){0,2}`],
];

// Each alternative is a named group `k<index>`: the group that took part says which matched.
const PATTERN = new RegExp(ALTERNATIVES.map(([, source], i) => `(?<k${i}>${source})`).join('|'), 'gi');
const GROUP_NAMES = ALTERNATIVES.map((_, i) => `k${i}`);

/** The full scan of a line (identifierPretests.ts says which lines need it). */
export function scanLine(line: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(line); m; m = PATTERN.exec(line)) {
    const groups = m.groups!;
    const alternative = GROUP_NAMES.findIndex((name) => groups[name] !== undefined);
    const kind = ALTERNATIVES[alternative][0];
    const match = accept(kind, m[0], line, m.index);
    if (match) {
      found.push(match);
    } else {
      // Rejected: go on from the next character, so a shorter candidate inside it is still seen.
      PATTERN.lastIndex = m.index + 1;
    }
  }
  return found;
}

function accept(kind: IdentifierKind, text: string, line: string, start: number): IdentifierMatch | undefined {
  const checker = VALIDATORS[kind];
  const result = checker(text, line, start);
  if (!result) return undefined;
  const [identifier, offset, replacements] = result;
  return { kind, start: start + offset, length: identifier.length, text: identifier, replacements };
}

/** [the identifier, its offset in the match, replacements], or undefined to reject the match. */
type Validator = (text: string, line: string, start: number) => [string, number, string[]] | undefined;

const whole = (text: string, replacements: string[] = []): [string, number, string[]] => [text, 0, replacements];

const DATE_REPLACEMENTS = ['day 0', 'on admission'];
const MONTH_NAME = new RegExp(`^${TITLE_CASE_MONTH}$`);

const VALIDATORS: Record<IdentifierKind, Validator> = {
  email: (text) => whole(text, ['the patient\'s e-mail address']),
  url: (text) => whole(stripTrailingPunctuation(text)),
  ip: (text) => (text.split('.').every((part) => Number(part) <= 255) ? whole(text) : undefined),
  phone: (text) => {
    const number = trailingNumber(text);
    return digitCount(number[0]) >= 7 ? [number[0], number[1], []] : undefined;
  },
  'id-number': (text) => {
    const code = trailingCode(text);
    return digitCount(code[0]) >= 4 ? [code[0], code[1], []] : undefined;
  },
  device: (text) => {
    const code = trailingCode(text);
    // A plate's second group only when it is written as one (`AB12 CDE`, not `AB12 hit`).
    const group = twoGroups(code[0]);
    if (/plate/i.test(text) && group && group[1] !== group[1].toUpperCase()) code[0] = group[0];
    return digitCount(code[0]) >= 2 ? [code[0], code[1], []] : undefined;
  },
  date: (text) => (isDate(text) ? whole(text.replace(/\.$/, ''), DATE_REPLACEMENTS) : undefined),
  age: (text, line, start) => {
    const years = /\d{2,3}/.exec(text);
    if (years && (Number(years[0]) < 90 || !readsAsAge(text, line, start))) return undefined;
    return whole(text, [ageReplacement(text)]);
  },
  address: (text) => (isAddress(text) ? whole(text.replace(/\.$/, '')) : undefined),
  name: (text, line, start) => nameMatch(text, line, start),
};

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  return count;
}

/** The number at the end of a keyword match (`Tel: 020 7946 0958` → `020 7946 0958`). */
function trailingNumber(text: string): [string, number] {
  const first = text.search(/[+(\d]/);
  return [text.slice(first), first];
}

/** The code after a keyword (`MRN: 12345678` → `12345678`); the whole text when there is none. */
const KEYWORD_LEAD = new RegExp(`^(?:${ID_KEYWORD}|${DEVICE_KEYWORD})${ID_LEAD}|^#`, 'i');

function trailingCode(text: string): [string, number] {
  // `MRN: 12345678` and `#12345678` keep only the code.
  const lead = KEYWORD_LEAD.exec(text);
  const offset = lead ? lead[0].length : 0;
  return [text.slice(offset), offset];
}

function stripTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.,;:!?'.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

function isDate(text: string): boolean {
  const numeric = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(text);
  if (numeric) {
    const [a, b, c] = [numeric[1], numeric[2], numeric[3]].map(Number);
    if (numeric[1].length === 4) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
    // Dots and two-digit years look like version numbers or decimals: only with a 4-digit year.
    if (text.includes('.') && numeric[3].length !== 4) return false;
    if (numeric[3].length === 3) return false;
    const dayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
    const monthDay = a >= 1 && a <= 12 && b >= 1 && b <= 31;
    return dayMonth || monthDay;
  }
  const month = /[a-z]+/i.exec(text.replace(/^\d+(?:st|nd|rd|th)?(?: of)? /i, ''));
  if (!month || !MONTH_NAME.test(month[0])) return false;
  const day = /^\d{1,2}(?!\d)/.exec(text) ?? /\s(\d{1,2})(?!\d)/.exec(text);
  if (day) {
    const n = Number(day[1] ?? day[0]);
    return n >= 1 && n <= 31;
  }
  // Month and year only: still an element of a date other than the year.
  return /\d{4}$/.test(text);
}

const US_STATES = new Set(('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC').split(' '));

function isAddress(text: string): boolean {
  if (/^\d/.test(text)) {
    // `12 Station Road`: every word of the street's name capitalized (`road` may not be).
    const words = text.replace(/^\d{1,5}[a-z]?,?\s/i, '').split(' ');
    return words.slice(0, -1).every((w) => isCapitalized(w));
  }
  const zip = /^([A-Za-z]{2}) \d{5}(?:-\d{4})?$/.exec(text);
  if (zip) return US_STATES.has(zip[1]);
  // A UK postcode: capitals only (`SW1A 1AA`), and not a lab or vitamin name before a number.
  return text === text.toUpperCase() && /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/.test(text);
}

function isCapitalized(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** After `Dr. Young's`, these make it an eponym, not a person in the case: `Dr. Young's criteria`. */
const EPONYM_NOUNS = new Set(['sign', 'signs', 'syndrome', 'disease', 'criteria', 'test', 'score', 'classification', 'rule', 'triad', 'phenomenon', 'bodies', 'anemia', 'anaemia', 'method', 'stain', 'law', 'maneuver', 'manoeuvre', 'scale']);
const PATIENT_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
/** Capitalized words that follow a title without being a name (`Dr. On call`). */
const NOT_NAMES = new Set(['on', 'the', 'and', 'or', 'of', 'in', 'at']);

function nameMatch(text: string, line: string, start: number): [string, number, string[]] | undefined {
  const [title, ...rest] = text.split(/\.?\s/);
  // `Dr`, `Mrs`: a capital then lowercase (`MS` is multiple sclerosis, `DR` a rhythm).
  if (title !== title[0].toUpperCase() + title.slice(1).toLowerCase()) return undefined;
  let end = text.indexOf(' ') + 1;
  let named = false;
  for (const word of rest) {
    const bare = word.replace(/['’]s?$/, '');
    if (!isCapitalized(bare) || NOT_NAMES.has(bare.toLowerCase())) break;
    end = text.indexOf(bare, end) + bare.length;
    named = true;
    if (bare !== word) break;
  }
  if (!named) return undefined;
  const identifier = text.slice(0, end);
  const after = line.slice(start + end, start + end + 40);
  const eponym = /^['’]s?\s+([a-z]+)/i.exec(after);
  const patient = PATIENT_TITLES.has(title.toLowerCase());
  // Eponyms are doctors' names: `Mr. Smith's anemia` is a patient's.
  if (!patient && eponym && EPONYM_NOUNS.has(eponym[1].toLowerCase())) return undefined;
  const roles = patient ? ['the patient', 'a relative'] : ['the consultant', 'the physician'];
  return [identifier, 0, roles.map((role) => (startsSentence(line, start) ? role[0].toUpperCase() + role.slice(1) : role))];
}

/** Nothing but spaces before `start`, or the end of a sentence (looks back a bounded way). */
function startsSentence(line: string, start: number): boolean {
  const before = line.slice(Math.max(0, start - 20), start).trimEnd();
  if (before === '') return start <= 20;
  return /[.!?:]$/.test(before);
}

/** `93 years` is an age in `a woman of 93 years`, not in `93 years ago` or `over 90 years`. */
function readsAsAge(text: string, line: string, start: number): boolean {
  // `over 90 years of age` is the aggregate Safe Harbor allows, not an age.
  const before = line.slice(Math.max(0, start - 10), start);
  if (/\b(?:over|than|above|beyond)\s+$/i.test(before)) return false;
  if (/old$|age$|^aged? /i.test(text)) return true;
  const after = line.slice(start + text.length, start + text.length + 12);
  if (/^\s+(?:ago|later|earlier|before|after|since|previously)\b/i.test(after)) return false;
  return !/\b(?:for|past|last|within|about|nearly|almost|after)\s+$/i.test(before);
}

function ageReplacement(text: string): string {
  if (!/\d/.test(text)) return 'aged 90 or older';
  if (/-old$/i.test(text)) return '90-plus-year-old';
  if (/^aged? /i.test(text)) return 'aged 90 or older';
  if (/old$/i.test(text)) return '90 years or older';
  return '90 y or older';
}

/**
 * `AB12 CDE` or `AB12-CDE` as its two groups: split at the one space, or else at the last dash,
 * with text on both sides (what `/^(\S+)[ -](\S+)$/` matched, without its backtracking).
 */
function twoGroups(code: string): [string, string] | undefined {
  let space = -1;
  for (let i = 0; i < code.length; i++) {
    if (!/\s/.test(code[i])) continue;
    if (space >= 0 || code[i] !== ' ') return undefined;
    space = i;
  }
  const split = space >= 0 ? space : code.lastIndexOf('-');
  if (split <= 0 || split >= code.length - 1) return undefined;
  return [code.slice(0, split), code.slice(split + 1)];
}
