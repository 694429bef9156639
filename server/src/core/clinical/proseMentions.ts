// Mentions in a prose section (history, exam, course), read across the whole section as one
// text: educators hard-wrap, so "No melena or other⏎bleeding" must be read as one clause. The
// lines are joined with single spaces and every match is mapped back to the line it starts on.
import type { CaseModel } from '../model/caseModel';
import type { TextLine } from '../syntax/syntaxTree';
import type { Range } from '../text';

export interface Mention {
  /** The words matched. */
  text: string;
  range: Range;
}

interface JoinedProse {
  text: string;
  /** Where each line starts in `text`, in order. */
  starts: number[];
  lines: readonly TextLine[];
}

/**
 * Words that deny what follows in the same clause: "no bleeding", "denies melena or
 * hematemesis". A list goes on past commas ("no fever, melena or rash"); a sentence end or a
 * turn ("but", "however") ends the denial. The text tested is at most NEGATION_REACH long.
 */
const NEGATION = /\b(no|not|denies|denied|without|never|nor|negative for)\b[^.;:!?]*$/i;
const TURN = /\b(but|however|although|though|yet)\b[^.;:!?]*$/i;

/** How far back a negation may stand (a clause, not a paragraph). */
const NEGATION_REACH = 60;

const joinedCache = new WeakMap<readonly TextLine[], JoinedProse>();

function joined(lines: readonly TextLine[]): JoinedProse {
  let known = joinedCache.get(lines);
  if (!known) {
    const starts: number[] = [];
    let text = '';
    for (const line of lines) {
      if (text) text += ' ';
      starts.push(text.length);
      text += line.text;
    }
    known = { text, starts, lines };
    joinedCache.set(lines, known);
  }
  return known;
}

/** The clause before a mention denies it; a turn ("but") starts the clause afresh. */
function isDenied(before: string): boolean {
  const turn = TURN.exec(before);
  return NEGATION.test(turn ? before.slice(turn.index) : before);
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
 * The first mention matching `regex` (global) in one of `sections` that its clause does not
 * negate, and that `unless` (a pattern for the words just before it) does not exclude.
 */
export function firstAffirmedMention(model: CaseModel, sections: readonly string[], regex: RegExp, unless?: RegExp): Mention | undefined {
  for (const name of sections) {
    const lines = model.sections.get(name)?.prose;
    if (!lines?.length) continue;
    const prose = joined(lines);
    regex.lastIndex = 0;
    for (let match = regex.exec(prose.text); match; match = regex.exec(prose.text)) {
      const before = prose.text.slice(Math.max(0, match.index - NEGATION_REACH), match.index);
      if (!isDenied(before) && !(unless && unless.test(before))) {
        regex.lastIndex = 0;
        return { text: match[0], range: lineAt(prose, match.index).range };
      }
      // An empty match would loop forever; step past it.
      if (match[0] === '') regex.lastIndex++;
    }
  }
  return undefined;
}
