// Item-writing flaws that give test-wise students the answer or punish the knowing ones, after
// Paniagua & Swygert (eds.), Constructing Written Test Questions for the Basic and Clinical
// Sciences, NBME, 4th ed. 2016 (technical item flaws). Warnings: a teacher may have a reason,
// and every code can be turned off in casewright.json.
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';
import type { Question, QuestionOption } from './questionModel';

/** Four or five options is usual; three is the least that still leaves a guess unlikely to be right. */
const MIN_OPTIONS = 3;
const MAX_OPTIONS = 5;
const OF_THE_ABOVE = /\b(?:all|none|both|neither) of the above\b/i;
/** Upper-case negatives are the usual way to write them; the phrases catch the lower-case ones. */
const NEGATIVE_STEM = /\b(?:EXCEPT|NOT|LEAST)\b|\bexcept\b|\bleast likely\b|\bwhich (?:of the following )?is not\b|\bis not true\b|\bfalse\b/;
const ABSOLUTE = /\b(?:always|never|invariably|completely|absolutely|impossible|guaranteed)\b/i;
/** Words too common to be a clue when the key repeats them from the stem. */
const COMMON = new Set(['which', 'following', 'patient', 'patients', 'these', 'there', 'their', 'about', 'would', 'could', 'should', 'after', 'before', 'other', 'likely', 'most', 'where', 'what', 'explains', 'explain', 'best', 'count', 'blood', 'cells', 'level', 'levels']);

export function checkItemWriting(model: CaseModel): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  for (const question of model.questions) {
    const stem = question.stem?.value ?? '';
    if (stem && !question.negativeMarked && NEGATIVE_STEM.test(stem)) {
      diagnostics.push(diagnostic('warning', 'item-negative-stem',
        'A negatively phrased stem (EXCEPT, NOT, LEAST) tests whether students can spot a false statement, not what they know; rephrase it as a positive question, or add `negative: yes` if it is intended.', question.stem!.valueRange));
    }
    if (question.type !== 'single' && question.type !== 'multiple') continue;
    for (const option of question.options) {
      if (OF_THE_ABOVE.test(option.text)) {
        diagnostics.push(diagnostic('warning', 'item-of-the-above',
          '"All/none of the above" lets students answer by recognising one wrong (or two right) options; write a plausible specific option instead.', option.textRange));
      }
      const absolute = ABSOLUTE.exec(option.text);
      if (absolute) {
        diagnostics.push(diagnostic('warning', 'item-absolute-words',
          `"${absolute[0]}" in an option is a cue: test-wise students rule out absolute statements. Qualify it or rephrase.`, option.textRange));
      }
    }
    if (question.type === 'single') {
      checkOptionCount(question, diagnostics);
      checkKeyCues(question, stem, diagnostics);
    }
  }
  return diagnostics;
}

/** Three to five options; fewer than two is an error of its own (too-few-options). */
function checkOptionCount(question: Question, diagnostics: CaseDiagnostic[]): void {
  const count = question.options.length;
  if (count < 2 || (count >= MIN_OPTIONS && count <= MAX_OPTIONS)) return;
  if (count < MIN_OPTIONS) {
    const where = question.fields.get('type')?.valueRange ?? question.section.headerRange;
    diagnostics.push(diagnostic('warning', 'item-option-count',
      `A single-best-answer question has four or five options (three at the least); this one has ${count}, so a guess is right half of the time. Add plausible distractors, or ask it as \`type: short\`.`, where));
  } else {
    diagnostics.push(diagnostic('warning', 'item-option-count',
      `A single-best-answer question has four or five options; this one has ${count}. Options past the fifth are rarely plausible and only add reading: drop the weakest.`, question.options[MAX_OPTIONS].field.keyRange));
  }
}

function checkKeyCues(question: Question, stem: string, diagnostics: CaseDiagnostic[]): void {
  const key = question.options.find((o) => o.correct);
  const distractors = question.options.filter((o) => !o.correct);
  if (!key || !distractors.length) return;
  const longest = distractors.reduce((most, d) => Math.max(most, d.text.length), 0);
  if (key.text.length >= 1.5 * longest && key.text.length - longest >= 15) {
    diagnostics.push(diagnostic('warning', 'item-long-key',
      `The key is markedly longer than every distractor (${key.text.length} characters against at most ${longest}); students pick the longest, most qualified option. Make the options alike in length and detail.`, key.textRange));
  }
  const article = lastWord(stem);
  if (article === 'a' || article === 'an') {
    const agrees = (o: QuestionOption) => (/^[aeiou]/i.test(o.text.trim()) ? 'an' : 'a') === article;
    if (agrees(key) && distractors.some((d) => !agrees(d))) {
      diagnostics.push(diagnostic('warning', 'item-grammatical-cue',
        `The stem ends with "${article}", which fits the key but not every distractor; end the stem without the article, or make every option fit it.`, question.stem!.valueRange));
    }
  }
  const stemWords = new Set(significantWords(stem));
  // The distractors' words, read once and only when the key shares a word with the stem.
  let distractorWords: Set<string> | undefined;
  const echoed = significantWords(key.text).filter((w) => {
    if (!stemWords.has(w)) return false;
    distractorWords ??= new Set(distractors.flatMap((d) => significantWords(d.text)));
    return !distractorWords.has(w);
  });
  if (echoed.length) {
    diagnostics.push(diagnostic('warning', 'item-key-repeats-stem',
      `The key repeats "${echoed[0]}" from the stem and no distractor does (a clang clue); reword the key or the stem.`, key.textRange));
  }
}

/** The stem's last word, lowercased, without a closing `?`, `:` or `.`. */
function lastWord(stem: string): string {
  const trimmed = stem.trim();
  const text = /[?:.]$/.test(trimmed) ? trimmed.slice(0, -1).trimEnd() : trimmed;
  return text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
}

function significantWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 5 && !COMMON.has(w));
}
