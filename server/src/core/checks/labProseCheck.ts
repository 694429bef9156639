// Lab results written as prose ("GP found Hb 7.2 g/dl" in [history], or `Hb 7.2 g/dl` as a
// line in [labs]) are invisible to the engine, which then misses the anemia. A catalog name or
// alias followed by a number and one of that lab's units is recognised, and the field form is
// offered. Prose is never rewritten by the check: the quick fix adds the field and keeps it.
import { findLabByLowercaseName, findUnit, type LabDefinition } from '../catalog/labCatalog';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
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

/** After a lab's name: an optional `:`, `=`, `of`, `was` or `is`, a number, then the unit. */
const VALUE_AFTER_NAME = /[ \t]*(?:[:=][ \t]*|(?:of|was|is)[ \t]+)?(\d{1,6}(?:\.\d{1,4})?)[ \t]*([^\s,;()]{1,16})/y;
/** A sentence's full stop or closing bracket is not part of the unit (a loop: no regex backtracking). */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.:)]'.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
const HAS_DIGIT = /\d/;
/** Prose lines longer than this are not scanned: a pasted document is not a lab line. */
const MAX_LINE = 2000;

/** Every lab phrase in a line of prose (`from` is the line's first character's column). */
export function findLabPhrases(text: string, line: number, from: number): LabPhrase[] {
  const phrases: LabPhrase[] = [];
  // Every phrase has a number: most lines of prose have none and cost one quick test.
  if (text.length > MAX_LINE || !HAS_DIGIT.test(text)) return phrases;
  // The words /[A-Za-z][A-Za-z0-9-]*/g would find, scanned by hand: a word is cut out and
  // looked up only when a value follows it, and most words of prose are followed by none.
  let i = 0;
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const wordStart = i;
    for (i++; i < text.length && isWordCharacter(text.charCodeAt(i)); i++);
    const start = i;
    VALUE_AFTER_NAME.lastIndex = start;
    const value = VALUE_AFTER_NAME.exec(text);
    if (!value) continue;
    const lab = findLabByLowercaseName(text.slice(wordStart, start).toLowerCase());
    if (!lab?.units?.length) continue;
    const rawUnit = withoutTrailingPunctuation(value[2]);
    const unit = rawUnit ? findUnit(lab, rawUnit) : undefined;
    if (!unit) continue;
    const end = start + value[0].length - (value[2].length - rawUnit.length);
    phrases.push({
      lab, number: value[1], unit: unit.unit,
      range: lineSpan(line, from + wordStart, end - wordStart),
      field: `${lab.key}: ${value[1]} ${unit.unit}`,
    });
  }
  return phrases;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isWordCharacter(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 45 /* - */;
}

/** Lab phrases in [history], [exam] and [course] for labs no panel gives. */
export function checkLabsInProse(syntax: CaseSyntax): CaseDiagnostic[] {
  const given = new Set<string>();
  for (const section of syntax.sections) {
    if (section.name !== 'labs') continue;
    for (const field of section.fields) {
      const lab = findLabByLowercaseName(field.key);
      if (lab) given.add(lab.key);
    }
  }
  const diagnostics: CaseDiagnostic[] = [];
  for (const section of syntax.sections) {
    if (section.kind !== 'prose') continue;
    for (const line of section.prose) {
      for (const phrase of findLabPhrases(line.text, line.range.start.line, line.range.start.character)) {
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
