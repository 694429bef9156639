// Moodle's grade fractions for a multiple-response question: the keys share +100 %, the
// distractors share −100 %. Moodle's importer (Moodle XML and GIFT alike) takes only the grades
// its forms offer — 100 %, 90 %, 83.33333 %, 80 %, …, 100/n % for n up to 10, 5 % — and refuses
// the question otherwise, so a share is always one of those.
//   - n ≤ 10 (or 20) keys: 100/n each, to five decimals as Moodle writes them.
//   - 11 to 19 keys: 100/n is not offered; 20 − n keys get 10 % and the others 5 % (sum 100 %).
//   - more than 20 keys cannot share 100 %: each gets 5 %, and the caller warns.
//   - distractors: the offered grade nearest to −100/n (−5 % at least), so that a wrong choice
//     always costs something; their sum may pass −100 %, which Moodle allows (the mark stops at 0).

/** The positive grades Moodle offers, in per cent (question_bank::fraction_options). */
const MOODLE_GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5];

export interface Fractions {
  /** Per option, in per cent, as Moodle writes it ("33.33333", "-50"). */
  values: string[];
  /** How the keys' shares differ from an even split, for a warning; undefined when they do not. */
  uneven?: string;
}

export function fractions(correct: readonly boolean[]): Fractions {
  const keys = correct.filter(Boolean).length;
  const wrong = correct.length - keys;
  const keyShares = keyGrades(keys);
  let k = 0;
  const values = correct.map((isKey) => (isKey ? keyShares[k++] : wrong ? -nearestGrade(100 / wrong) : 0)).map(String);
  if (keys > 20) return { values, uneven: `Moodle's grades cannot share 100 % among ${keys} keys; each is worth 5 %` };
  if (keyShares.length && keyShares[0] !== keyShares[keyShares.length - 1]) return { values, uneven: `Moodle offers no grade of 100/${keys} %; the first ${20 - keys} keys are worth 10 % and the others 5 %` };
  return { values };
}

/** A multiple-response question's grades (Moodle XML and GIFT), a warning for `key` when they cannot share evenly. */
export function multipleResponseGrades(correct: readonly boolean[], key: string, warnings: string[]): string[] {
  const shares = fractions(correct);
  if (shares.uneven) warnings.push(`${key}: ${shares.uneven}.`);
  return shares.values;
}

/** n grades Moodle offers that add up to 100 (as near as it can be done). */
function keyGrades(n: number): number[] {
  if (n === 0) return [];
  const even = Number((100 / n).toFixed(5));
  if (MOODLE_GRADES.includes(even)) return new Array<number>(n).fill(even);
  if (n < 20) return Array.from({ length: n }, (_, i) => (i < 20 - n ? 10 : 5));
  return new Array<number>(n).fill(5);
}

function nearestGrade(share: number): number {
  let best = MOODLE_GRADES[0];
  for (const grade of MOODLE_GRADES) if (Math.abs(grade - share) < Math.abs(best - share)) best = grade;
  return best;
}
