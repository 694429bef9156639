// Lab results written as prose ("GP found Hb 7.2 g/dl" in [history], or `Hb 7.2 g/dl` as a
// line in [labs]) are invisible to the engine, which then misses the anemia. A catalog name or
// alias followed by a number and one of that lab's units is recognised, and the field form is
// offered. Prose is never rewritten by the check: the quick fix adds the field and keeps it.
import { findLabByLowercaseName, findUnit, type LabDefinition } from '../catalog/labCatalog';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel, LabPanel } from '../model/caseModel';
import type { CaseSyntax } from '../syntax/syntaxTree';
import { lineSpan, type Range } from '../text';

export interface LabPhrase {
  lab: LabDefinition;
  /** The number as the author wrote it. */
  number: string;
  /** The unit in the catalog's spelling (`g/dl` → `g/dL`). */
  unit: string;
  /** The whole phrase, name through unit. */
  range: Range;
  /** `hemoglobin: 7.2 g/dL`. */
  field: string;
}

/**
 * A word (a letter, then letters, digits and `-`), then what follows a lab's name: an optional
 * `:`, `=`, `of`, `was` or `is`, a number, then the unit. Words are cut as a left-to-right scan
 * cuts them: a word starts at a letter that no earlier word runs into, so the match starts at
 * the line's start or at a character no word holds, then skips digits and `-` (`5-HT`). The
 * lookahead takes the whole word (a lookahead does not give back), so `Hb12 g/dl` is no `Hb`
 * followed by `12`. One scan of the line finds every candidate; most lines have none.
 */
const LAB_PHRASE = /(^|[^A-Za-z0-9-])[0-9-]*(?=([A-Za-z][A-Za-z0-9-]*))\2([ \t]*(?:[:=][ \t]*|(?:of|was|is)[ \t]+)?(\d{1,6}(?:\.\d{1,4})?)[ \t]*([^\s,;()]{1,16}))/g;
/** A sentence's full stop or closing bracket is not part of the unit (a loop: no regex backtracking). */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.:)]'.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
const HAS_DIGIT = /\d/;
/** Prose lines longer than this are not scanned: a pasted document is not a lab line. */
const MAX_LINE = 2000;

/** What most lines give: shared, so that a line without a phrase costs no array. */
const NO_PHRASES: readonly LabPhrase[] = [];

/** Every lab phrase in a line of prose (`from` is the line's first character's column). */
export function findLabPhrases(text: string, line: number, from: number): readonly LabPhrase[] {
  // Every phrase has a number: most lines of prose have none and cost one quick test.
  if (text.length > MAX_LINE || !HAS_DIGIT.test(text)) return NO_PHRASES;
  let phrases: LabPhrase[] | undefined;
  LAB_PHRASE.lastIndex = 0;
  for (let m = LAB_PHRASE.exec(text); m; m = LAB_PHRASE.exec(text)) {
    const [, , word, value, number, written] = m;
    const wordStart = m.index + m[0].length - value.length - word.length;
    // Go on after the word, not the value: a word inside the value may start a phrase of its own.
    LAB_PHRASE.lastIndex = wordStart + word.length;
    const lab = findLabByLowercaseName(word.toLowerCase());
    if (!lab?.units?.length) continue;
    const rawUnit = withoutTrailingPunctuation(written);
    const unit = rawUnit ? findUnit(lab, rawUnit) : undefined;
    if (!unit) continue;
    const length = word.length + value.length - (written.length - rawUnit.length);
    (phrases ??= []).push({
      lab, number, unit: unit.unit,
      range: lineSpan(line, from + wordStart, length),
      field: `${lab.key}: ${number} ${unit.unit}`,
    });
  }
  return phrases ?? NO_PHRASES;
}

/** Lab phrases in [history], [exam] and [course] for labs no panel gives. */
export function checkLabsInProse(model: CaseModel): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  // The labs the panels give, gathered at the first phrase: most cases have none in prose.
  let given: Set<string> | undefined;
  for (const section of model.syntax.sections) {
    if (section.kind !== 'prose') continue;
    for (const line of section.prose) {
      for (const phrase of findLabPhrases(line.text, line.range.start.line, line.range.start.character)) {
        given ??= labsGiven(model.panels);
        if (given.has(phrase.lab.key)) continue;
        given.add(phrase.lab.key); // one word per lab: the first mention
        diagnostics.push(diagnostic('warning', 'lab-in-prose',
          `This reads as a lab result (${phrase.lab.name}), but [${section.rawName}] is prose and no panel gives it, so the checks and the engine do not see it. Add \`${phrase.field}\` to [labs]?`,
          phrase.range, { replacements: [phrase.field], lab: phrase.lab.key }));
      }
    }
  }
  return diagnostics;
}

/** The catalog keys of the labs the panels give (the model has looked each name up). */
function labsGiven(panels: readonly LabPanel[]): Set<string> {
  const given = new Set<string>();
  for (const panel of panels) for (const result of panel.results) if (result.lab) given.add(result.lab.key);
  return given;
}

/**
 * `not-a-field` lines in a labs panel that read as a lab (`Hb 7.2 g/dl`): the message says the
 * field form and carries it as the one replacement for the whole line.
 */
export function explainLabLines(syntax: CaseSyntax, diagnostics: CaseDiagnostic[]): CaseDiagnostic[] {
  // Most files have no such line: then nothing below (a map entry per labs line) is needed.
  if (!diagnostics.some((d) => d.code === 'not-a-field')) return diagnostics;
  // Line → the labs its panel already gives, so a rewrite that would repeat one is not applied unseen.
  const labLines = new Map<number, Set<string>>();
  for (const section of syntax.sections) {
    if (section.name !== 'labs') continue;
    const given = new Set(section.fields.map((f) => findLabByLowercaseName(f.key)?.key ?? f.key));
    for (let l = section.headerRange.start.line + 1; l <= section.range.end.line; l++) labLines.set(l, given);
  }
  if (!labLines.size) return diagnostics;
  return diagnostics.map((d) => {
    if (d.code !== 'not-a-field' || !labLines.has(d.range.start.line) || d.range.start.character !== 0) return d;
    const text = syntax.lines[d.range.start.line].slice(0, d.range.end.character);
    const [phrase] = findLabPhrases(text, d.range.start.line, 0);
    if (!phrase || phrase.range.start.character !== 0 || phrase.range.end.character !== d.range.end.character) return d;
    const repeated = labLines.get(d.range.start.line)!.has(phrase.lab.key);
    const also = repeated ? ` This panel already gives ${phrase.lab.name}: keep one, or move this to a panel of its own.` : '';
    return diagnostic(d.severity, d.code, `[labs] holds \`name: value unit\` lines; write this as \`${phrase.field}\`.${also}`, d.range,
      repeated ? { replacements: [phrase.field], repeated: true } : { replacements: [phrase.field] });
  });
}
