// The tolerant line parser: any string in, a syntax tree and diagnostics out, never an exception.
// It knows only the shape of the format (comments, headers, fields, prose); what the words
// mean is left to the model and the checks, so an error on one line never hides the rest.
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import { lineSpan, makeRange, splitLines } from '../text';
import { ParsedField } from './parsedField';
import { ParsedSection } from './parsedSection';
import type { CaseSyntax, SectionKind, SectionNode, TextLine } from './syntaxTree';

/** Which kind each known section is; unknown names parse tolerantly as `unknown`. */
export type SectionKindLookup = (name: string) => SectionKind;

/** U+2028 and U+2029: no key character is one, so the whole line may be searched. */
const LINE_SEPARATOR = /[\u2028\u2029]/;

export interface ParseResult {
  syntax: CaseSyntax;
  diagnostics: CaseDiagnostic[];
}

export function parseCaseSyntax(text: string, sectionKind: SectionKindLookup): ParseResult {
  const source = typeof text === 'string' ? text : '';
  const { lines } = splitLines(source);
  // Asked once of the whole document rather than of every line: almost no file has one. Two
  // indexOf calls, not the pattern: the engine finds a single character much faster.
  const hasLineSeparator = source.includes('\u2028') || source.includes('\u2029');
  const diagnostics: CaseDiagnostic[] = [];
  const syntax: CaseSyntax = { header: [], sections: [], comments: [], lines };

  let section: ParsedSection | undefined;
  // The field that an indented line would continue, if any.
  let openField: ParsedField | undefined;
  // The last line that belongs to the current section (-1: only its header so far). The
  // section's range is set once, when the section ends, not rebuilt on every line.
  let sectionEndLine = -1;
  let sectionEndLength = 0;

  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    const indent = leadingWhitespace(text);
    // Blank lines separate paragraphs and mean nothing else: they do not close an open field,
    // so an indented paragraph after a blank line still continues the explanation above it.
    if (indent === text.length) continue;
    if (text.charCodeAt(indent) === 35 /* # */) {
      syntax.comments.push(lineSpan(line, indent, text.length - indent));
      continue;
    }

    if (indent === 0 && text.charCodeAt(0) === 91 /* [ */) {
      openField = undefined;
      if (section && sectionEndLine >= 0) section.endAt(sectionEndLine, sectionEndLength);
      sectionEndLine = -1;
      section = parseSectionHeader(text, line, sectionKind, diagnostics, hasLineSeparator);
      syntax.sections.push(section);
      continue;
    }

    const kind: SectionKind | 'header' = section ? section.kind : 'header';
    if (kind === 'prose') {
      section!.prose.push(trimmedLine(text, line, indent));
      sectionEndLine = line;
      sectionEndLength = text.length;
      continue;
    }

    if (indent > 0 && openField) {
      continueField(openField, text, line, indent);
      sectionEndLine = line;
      sectionEndLength = text.length;
      continue;
    }

    const field = indent === 0 ? parseField(text, line, hasLineSeparator) : undefined;
    if (field) {
      if (section) {
        section.fields.push(field);
        sectionEndLine = line;
        sectionEndLength = text.length;
      } else {
        syntax.header.push(field);
      }
      openField = field;
      continue;
    }

    openField = undefined;
    if (kind === 'unknown') {
      section!.prose.push(trimmedLine(text, line, indent));
      sectionEndLine = line;
      sectionEndLength = text.length;
      continue;
    }
    sectionEndLine = line;
    sectionEndLength = text.length;
    diagnostics.push(notAField(text, line, indent, section));
  }
  if (section && sectionEndLine >= 0) section.endAt(sectionEndLine, sectionEndLength);
  return { syntax, diagnostics };
}

/** The index of the first character at or after `from` that is not a space or a tab. */
function leadingWhitespace(text: string, from = 0): number {
  let i = from;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

function trailingEnd(text: string): number {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}

function trimmedLine(text: string, line: number, indent: number): TextLine {
  const end = trailingEnd(text);
  return { text: text.slice(indent, end), range: makeRange(line, indent, line, end) };
}

function parseSectionHeader(
  text: string,
  line: number,
  sectionKind: SectionKindLookup,
  diagnostics: CaseDiagnostic[],
  documentHasLineSeparator: boolean,
): ParsedSection {
  const close = closingBracket(text, documentHasLineSeparator);
  const headerEnd = trailingEnd(text);
  if (close < 0) {
    diagnostics.push(diagnostic('error', 'malformed-section-header',
      'This section header has no closing `]`. Write it as `[name]` or `[name: qualifier]`.', lineSpan(line, 0, headerEnd)));
    const rawName = text.slice(1).split(':')[0].trim();
    return new ParsedSection(rawName.toLowerCase(), rawName, 'unknown', undefined, line, headerEnd, 1, -1);
  }
  // Positions in the line, not pieces cut out of it: only the name and the qualifier are kept.
  const colonAt = text.indexOf(':', 1);
  const colon = colonAt >= 0 && colonAt < close ? colonAt : -1;
  const nameEnd = colon < 0 ? close : colon;
  // The name is trimmed as String.prototype.trim trims; its range starts after blanks alone.
  const rawName = text.slice(1, nameEnd).trim();
  const name = rawName.toLowerCase();
  const nameStart = leadingWhitespace(text, 1);
  let qualifier: string | undefined;
  let qualifierStart = -1;
  if (colon >= 0) {
    qualifier = text.slice(colon + 1, close).trim();
    qualifierStart = leadingWhitespace(text, colon + 1);
    if (!qualifier) {
      diagnostics.push(diagnostic('error', 'empty-qualifier',
        'The qualifier after `:` is empty. Write `[labs: day 7]`, or drop the colon.', lineSpan(line, 0, headerEnd)));
    }
  }
  const section = new ParsedSection(name, rawName, sectionKind(name), qualifier, line, headerEnd, nameStart, qualifierStart);
  if (!rawName) {
    diagnostics.push(diagnostic('error', 'malformed-section-header', 'This section header has no name.', section.headerRange));
  }
  const restStart = leadingWhitespace(text, close + 1);
  if (restStart < text.length && text.charCodeAt(restStart) !== 35) {
    diagnostics.push(diagnostic('error', 'malformed-section-header',
      'Text after a section header is not allowed; put it on the next line.',
      lineSpan(line, restStart, headerEnd - restStart)));
  }
  return section;
}

/**
 * Where `[name]` closes, as /^\[([^\]]*)\](.*)$/ would match the line (-1 for no match): the
 * first `]`, with no U+2028 or U+2029 after it (the pattern's `.` stops at those). An indexOf,
 * not the pattern, because every section header of a bank goes through here.
 */
function closingBracket(text: string, documentHasLineSeparator: boolean): number {
  const close = text.indexOf(']');
  if (close < 0 || !documentHasLineSeparator) return close;
  return LINE_SEPARATOR.test(text.slice(close + 1)) ? -1 : close;
}

/**
 * `key: value`, as /^([A-Za-z0-9][A-Za-z0-9.\-]*)[ \t]*:(.*)$/ would match it, scanned by hand:
 * this runs on nearly every line of a bank, and the scan allocates nothing a field does not
 * keep (a property test holds it to that pattern). The field makes its ranges when read.
 */
function parseField(text: string, line: number, documentHasLineSeparator: boolean): ParsedField | undefined {
  let i = 0;
  // Keys are nearly always typed in lower case: then the key is its own lowercase form.
  let hasUpperCase = false;
  for (let code = text.charCodeAt(0); isKeyChar(code, i === 0); code = text.charCodeAt(++i)) {
    if (code >= 65 && code <= 90) hasUpperCase = true;
  }
  if (i === 0) return undefined;
  const colon = leadingWhitespace(text, i);
  if (text.charCodeAt(colon) !== 58 /* : */) return undefined;
  // The pattern's `.` stops at the two separators JavaScript counts as line ends inside a line.
  if (documentHasLineSeparator && LINE_SEPARATOR.test(text)) return undefined;
  const rawKey = text.slice(0, i);
  const valueStart = leadingWhitespace(text, colon + 1);
  const valueEnd = Math.max(valueStart, trailingEnd(text));
  return new ParsedField(hasUpperCase ? rawKey.toLowerCase() : rawKey, rawKey, line, text.slice(valueStart, valueEnd), valueStart);
}

/** Letters and digits; after the first character also `.` and `-`. */
function isKeyChar(code: number, first: boolean): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return !first && (code === 46 || code === 45);
}

function continueField(field: ParsedField, text: string, line: number, indent: number): void {
  field.continueWith(trimmedLine(text, line, indent));
}

function notAField(text: string, line: number, indent: number, section: SectionNode | undefined): CaseDiagnostic {
  const range = lineSpan(line, indent, trailingEnd(text) - indent);
  const where = section ? `[${section.rawName}] holds only \`key: value\` fields` : 'Before the first section, the header holds only `key: value` fields';
  const hint = indent > 0
    ? ' An indented line continues the field above it, and there is none here.'
    : text.includes(':') ? ' Keys are letters, digits, `-` and `.`, followed by `:`.' : '';
  return diagnostic('error', 'not-a-field', `${where}; this line is not one.${hint}`, range);
}
