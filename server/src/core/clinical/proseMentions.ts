// Mentions in a prose section (history, exam, course), read across the whole section as one
// text: educators hard-wrap, so "No melena or other⏎bleeding" must be read as one clause. The
// lines are joined with single spaces and every match is mapped back to the line it starts on.
import type { TextLine } from '../syntax/syntaxTree';
import type { Range } from '../text';

export interface Mention {
  /** The words matched. */
  text: string;
  range: Range;
}

export interface JoinedProse {
  text: string;
  /** Where each line starts in `text`, in order. */
  starts: number[];
  lines: readonly TextLine[];
}

/**
 * A denial covers the few words after it in the same clause, as NegEx reads it: "no melena or
 * other bleeding", "denies melena, hematemesis or hematochezia" — but not "fell without losing
 * consciousness and has a large hemothorax". A turn ("but", "however") ends the denial.
 */
const NEGATION = /^(no|not|denies|denied|deny|without|never|nor|negative)$/i;
const TURN = /^(but|however|although|though|yet|except)$/i;
const CLAUSE_END = /[.;:!?]/;

/** Denials that follow what they deny, in the same clause: "fecal occult blood test was negative". */
const POST_NEGATION = /^[^.;:!?]{0,40}?\b(?:was|were|is|are)\s+(?:negative|absent|normal|ruled out|excluded)\b/i;

/** How many words before a mention a denial may stand (NegEx's window is five). */
const NEGATION_WINDOW = 5;

/** How far back to look for the clause before a mention. */
const NEGATION_REACH = 80;

/**
 * A section's lines as one text (once per section and case: CaseFacts keeps it). Joined by
 * `join`, which makes one flat string; adding line by line made a rope that every regex had to
 * copy flat on its first search.
 */
export function joinProse(lines: readonly TextLine[]): JoinedProse {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const line of lines) {
    // A space between lines, none before the first text (an empty first line adds nothing).
    if (length) {
      parts.push(' ');
      length++;
    }
    starts.push(length);
    parts.push(line.text);
    length += line.text.length;
  }
  return { text: parts.join(''), starts, lines };
}

/**
 * A denial within the last few words of the clause before a mention, with no turn after it. A
 * comma goes on with a list of single denied words ("denies melena, hematemesis or …") but ends
 * a denial of a longer phrase ("without head injury, a large hemothorax").
 */
function isDenied(before: string): boolean {
  let clauseStart = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(before[i])) {
      clauseStart = i + 1;
      break;
    }
  }
  const tokens = before.slice(clauseStart).match(/[A-Za-z']+|,/g) ?? [];
  let words = 0;
  for (let i = tokens.length - 1; i >= 0 && words < NEGATION_WINDOW; i--) {
    if (tokens[i] === ',') continue;
    words++;
    if (TURN.test(tokens[i])) return false;
    if (NEGATION.test(tokens[i])) return !phraseEndsAtComma(tokens, i);
  }
  return false;
}

/** After the denial at `at`, a comma follows a phrase of two words or more. */
function phraseEndsAtComma(tokens: string[], at: number): boolean {
  let phrase = 0;
  for (let i = at + 1; i < tokens.length; i++) {
    if (tokens[i] === ',') return phrase >= 2;
    phrase++;
  }
  return false;
}

function lineAt(prose: JoinedProse, offset: number): TextLine {
  let low = 0;
  let high = prose.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (prose.starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return prose.lines[low];
}

/**
 * The first mention matching `regex` (global) in a section's text that its clause does not
 * negate, and that `unless` (a pattern for the words just before it) does not exclude.
 *
 * Each rule's own pattern scans the text: one prior scan with the alternation of all the rules'
 * patterns (to skip sections none matches) cost more than it saved in `check` on a bank, where
 * each case is read once (about 45 ms of CPU on 3,000 cases; the big alternation compiles slowly
 * and runs cold).
 */
export function firstAffirmedMention(prose: JoinedProse, regex: RegExp, unless?: RegExp): Mention | undefined {
  const text = prose.text;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const before = text.slice(Math.max(0, match.index - NEGATION_REACH), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + NEGATION_REACH);
    if (!isDenied(before) && !POST_NEGATION.test(after) && !(unless && unless.test(before))) {
      regex.lastIndex = 0;
      return { text: match[0], range: lineAt(prose, match.index).range };
    }
    // An empty match would loop forever; step past it.
    if (match[0] === '') regex.lastIndex++;
  }
  return undefined;
}
