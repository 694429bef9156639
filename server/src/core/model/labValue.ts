// Reads a lab line's value: `6.1 g/dL`, `<10 mg/dL`, `>2000`, `4%`, or a word (`positive`).
import { findUnit, toCanonical, type LabDefinition, type UnitDefinition } from '../catalog/labCatalog';
import { isAsciiDigit, lineSpan, type Range } from '../text';
import type { FieldNode } from '../syntax/syntaxTree';
import type { Comparator, LabValue } from './caseModel';

/** What a number value is; scanNumeric reads the common forms by hand and asks this for the rest. */
const NUMERIC = /^(<=|>=|≤|≥|<|>)?[ \t]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:[ \t]+(\S.*)|([A-Za-z%µμ/].*))?$/;

export function readLabValue(field: FieldNode, lab: LabDefinition | undefined): LabValue {
  const text = field.value;
  if (!text) return { kind: 'empty' };
  // Values sit on the field's first line; a continued lab value is read as one string.
  // The numbers, not valueRange: reading a range makes it (syntax/parsedField.ts).
  const line = field.valueLine;
  const start = field.valueCharacter;
  if (field.valueLineCount === 1) {
    if (scanNumeric(text)) {
      const unit = scanned.unitStart < 0 ? undefined : text.slice(scanned.unitStart, scanned.unitEnd);
      return numberValue(text, line, start, scanned.comparator, scanned.numberStart, scanned.numberEnd, unit, scanned.unitStart, lab);
    }
    const match = NUMERIC.exec(text);
    if (match) {
      const numberText = match[2];
      const numberStart = text.indexOf(numberText, match[1]?.length ?? 0);
      const unit = (match[3] ?? match[4])?.trim() || undefined;
      return numberValue(text, line, start, normalizeComparator(match[1]), numberStart, numberStart + numberText.length, unit, unit ? text.lastIndexOf(unit) : -1, lab);
    }
  }
  if (isWord(text)) return { kind: 'word', word: text.toLowerCase(), range: field.valueRange };
  return { kind: 'invalid', text, range: field.valueRange };
}

function numberValue(
  text: string, line: number, start: number, comparator: Comparator | undefined,
  numberStart: number, numberEnd: number, unit: string | undefined, unitStart: number, lab: LabDefinition | undefined,
): LabValue {
  const number = plainDecimal(text, numberStart, numberEnd) ?? Number(text.slice(numberStart, numberEnd));
  const unitDefinition = unit && lab ? findUnit(lab, unit) : undefined;
  return new NumberValue(comparator, number, unit, unitDefinition, unitDefinition ? toCanonical(number, unitDefinition) : undefined,
    line, start + numberStart, numberEnd - numberStart, unit ? start + unitStart : -1);
}

/**
 * A number value, its ranges kept as numbers and made when read: every lab line of a bank
 * has one, and only a message about the value reads where it is. One class, so that every number
 * has one object shape (absent parts undefined) and the code reading them stays on its fast path.
 */
class NumberValue {
  readonly kind = 'number';

  constructor(
    readonly comparator: Comparator | undefined,
    readonly number: number,
    readonly unit: string | undefined,
    readonly unitDefinition: UnitDefinition | undefined,
    readonly canonical: number | undefined,
    private readonly line: number,
    private readonly numberCharacter: number,
    private readonly numberLength: number,
    /** -1 without a unit. */
    private readonly unitCharacter: number,
  ) {}

  get numberRange(): Range {
    return lineSpan(this.line, this.numberCharacter, this.numberLength);
  }

  get unitRange(): Range | undefined {
    if (!this.unit) return undefined;
    return lineSpan(this.line, this.unitCharacter, this.unit.length);
  }
}

/** 10^0 … 10^22: the powers of ten a double holds exactly (each product below is exact). */
const EXACT_POWERS_OF_TEN: readonly number[] = [1];
while (EXACT_POWERS_OF_TEN.length < 23) (EXACT_POWERS_OF_TEN as number[]).push(EXACT_POWERS_OF_TEN[EXACT_POWERS_OF_TEN.length - 1] * 10);

/**
 * `[+-]?digits[.digits]` read by hand, exactly as Number() reads it; undefined for anything else
 * (an exponent), and when exactness is not sure, so the caller asks Number(). With at most 15
 * digits the digits are an integer a double holds exactly, and dividing it by an exact power of
 * ten rounds once, to the double nearest the decimal: what Number() gives. Every lab value of a
 * bank is read here, and Number() on a cut-out string was a call into the runtime for each.
 */
function plainDecimal(text: string, start: number, end: number): number | undefined {
  let i = start;
  const sign = text.charCodeAt(i);
  if (sign === 43 /* + */ || sign === 45 /* - */) i++;
  let digits = 0;
  let integer = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */ && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (!isAsciiDigit(code)) return undefined;
    integer = integer * 10 + (code - 48);
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > 15 || decimals >= EXACT_POWERS_OF_TEN.length) return undefined;
  const value = decimals > 0 ? integer / EXACT_POWERS_OF_TEN[decimals] : integer;
  return sign === 45 ? -value : value;
}

function normalizeComparator(raw: string | undefined): Comparator | undefined {
  if (raw === '≤') return '<=';
  if (raw === '≥') return '>=';
  return raw as Comparator | undefined;
}

/**
 * Where scanNumeric found the parts (one lab line at a time, so one record serves them all and
 * no object is made per line). unitStart is -1 when there is no unit.
 */
const scanned = { comparator: undefined as Comparator | undefined, numberStart: 0, numberEnd: 0, unitStart: -1, unitEnd: -1 };

/**
 * NUMERIC read by hand, for the first way it can match: the comparator, blanks, the longest
 * number, then a unit after blanks or straight after the number, to the end of the line. A line
 * that NUMERIC could only match another way (by giving back part of the number), or not at
 * all, answers false, and the pattern decides: its answer is then the same as ever. Every lab
 * line of a bank comes through here, and the pattern made an array and four strings for each.
 */
function scanNumeric(text: string): boolean {
  const n = text.length;
  let i = 0;
  let code = text.charCodeAt(0);
  if (code === 60 /* < */ || code === 62 /* > */) {
    const orEqual = text.charCodeAt(1) === 61; /* = */
    scanned.comparator = code === 60 ? (orEqual ? '<=' : '<') : orEqual ? '>=' : '>';
    i = orEqual ? 2 : 1;
  } else if (code === 0x2264 /* ≤ */ || code === 0x2265 /* ≥ */) {
    scanned.comparator = code === 0x2264 ? '<=' : '>=';
    i = 1;
  } else {
    scanned.comparator = undefined;
  }
  while (isBlank(text.charCodeAt(i))) i++;
  scanned.numberStart = i;
  code = text.charCodeAt(i);
  if (code === 43 /* + */ || code === 45 /* - */) i++;
  if (isAsciiDigit(text.charCodeAt(i))) {
    while (isAsciiDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46 /* . */) {
      i++;
      while (isAsciiDigit(text.charCodeAt(i))) i++;
    }
  } else if (text.charCodeAt(i) === 46 && isAsciiDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isAsciiDigit(text.charCodeAt(i))) i++;
  } else {
    return false;
  }
  code = text.charCodeAt(i);
  if (code === 101 /* e */ || code === 69 /* E */) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isAsciiDigit(text.charCodeAt(j))) {
      while (isAsciiDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  scanned.numberEnd = i;
  scanned.unitStart = -1;
  scanned.unitEnd = -1;
  if (i === n) return true;
  code = text.charCodeAt(i);
  if (isBlank(code)) {
    while (isBlank(text.charCodeAt(i))) i++;
    // `[ \t]+(\S.*)`: the unit starts with a character that is not white space.
    if (i === n || isWhiteSpace(text.charCodeAt(i))) return false;
  } else if (!isUnitStart(code)) {
    return false;
  }
  // `.*$`: the unit runs to the end, which no line terminator may come before.
  let end = n;
  for (let j = i; j < n; j++) if (isLineTerminator(text.charCodeAt(j))) return false;
  // The unit is trimmed as String.prototype.trim trims; its first character is not white space.
  while (isWhiteSpace(text.charCodeAt(end - 1))) end--;
  scanned.unitStart = i;
  scanned.unitEnd = end;
  return true;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}


function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[A-Za-z%µμ/]`: what a unit written straight after the number starts with. */
function isUnitStart(code: number): boolean {
  return isLetter(code) || code === 37 /* % */ || code === 0xb5 /* µ */ || code === 0x3bc /* μ */ || code === 47 /* / */;
}

function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** `\s` in a pattern, and what String.prototype.trim removes: white space and line terminators. */
function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `^[A-Za-z][A-Za-z-]*$`: a word value (`positive`). */
function isWord(text: string): boolean {
  if (!isLetter(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLetter(code) && code !== 45 /* - */) return false;
  }
  return true;
}
