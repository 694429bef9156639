// Privacy: identifiers that HIPAA's Safe Harbor de-identification method lists
// (45 CFR 164.514(b)(2)(i)) found in a case's free text. Teaching cases start from real
// patients; a date, an age over 89, a record number or a name left in the text identifies one.
// Each finding is located on the identifier itself and, where a safer wording exists, carries it
// for the quick fix. The scan is one pass over each line of text (identifierPatterns.ts) that
// quick tests (identifierPretests.ts) cannot rule out.
import { diagnostic, type CaseDiagnostic } from '../../diagnostics';
import type { CaseModel } from '../../model/caseModel';
import { lineSpan, type Range } from '../../text';
import type { TextLine } from '../../syntax/syntaxTree';
import { scanLine, type IdentifierKind, type IdentifierMatch } from './identifierPatterns';
import { linesThatMayHoldIdentifiers } from './identifierPretests';

/** Header fields that hold ids, words from a list, the team's own names or review dates: not case text. */
const HEADER_FIELDS_NOT_SCANNED = new Set(['case', 'see-also', 'level', 'status', 'author', 'reviewed-by', 'reviewed-on', 'version', 'updated', 'objectives']);
/**
 * Fields whose values come from a vocabulary or are lab results, not free text. A map, not an
 * object: a section may be named anything, `[constructor]` and `[__proto__]` included.
 */
const SECTION_FIELDS_NOT_SCANNED = new Map<string, ReadonlySet<string> | 'all'>([
  ['labs', 'all'],
  ['patient', new Set(['age', 'sex'])],
  ['smear', new Set(['findings'])],
  ['answer', new Set(['mechanism'])],
]);

const SAFE_HARBOR = '45 CFR 164.514(b)(2)(i)';
/**
 * Ages over 89 are one category under Safe Harbor, "90 or older". The age field takes a number,
 * so `90 y` is how a case writes the category; only a field above it is flagged.
 */
const AGGREGATED_AGE_YEARS = 90;
const DAYS_PER_YEAR = 365.25;

export function checkPrivacy(model: CaseModel): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  // Every line of free text, and where it starts, in file order.
  const texts: string[] = [];
  const startLines: number[] = [];
  const startCharacters: number[] = [];
  const add = (text: string, line: number, character: number) => { texts.push(text); startLines.push(line); startCharacters.push(character); };
  const addLines = (lines: readonly TextLine[]) => { for (const { text, range } of lines) add(text, range.start.line, range.start.character); };
  for (const field of model.syntax.header) if (!HEADER_FIELDS_NOT_SCANNED.has(field.key)) field.forEachValueLine(add);
  for (const section of model.syntax.sections) {
    const { qualifier } = section;
    const qualifierStart = qualifier ? section.qualifierRange?.start : undefined;
    if (qualifier && qualifierStart) add(qualifier, qualifierStart.line, qualifierStart.character);
    addLines(section.prose);
    const skipped = SECTION_FIELDS_NOT_SCANNED.get(section.name);
    if (skipped === 'all') continue;
    for (const field of section.fields) if (!skipped?.has(field.key)) field.forEachValueLine(add);
  }
  // Most lines hold nothing to find: the full scan reads only those a quick search points to.
  for (const i of linesThatMayHoldIdentifiers(texts)) {
    for (const match of scanLine(texts[i])) {
      diagnostics.push(identifierDiagnostic(match, lineSpan(startLines[i], startCharacters[i] + match.start, match.length)));
    }
  }

  const age = model.patient.age;
  if (age && age.days > AGGREGATED_AGE_YEARS * DAYS_PER_YEAR) {
    diagnostics.push(diagnostic('warning', 'privacy-age',
      `An age of ${age.amount} ${age.unit} is over 89: Safe Harbor counts such ages as identifiers and groups them as one category, 90 or older (${SAFE_HARBOR}(C)). Write \`90 y\`, which stands for that category and chooses the same adult reference ranges.`,
      age.range, { replacements: ['90 y'] }));
  }
  return diagnostics;
}

const WHAT: Record<IdentifierKind, (text: string) => string> = {
  date: (t) => `\`${t}\` is a date: Safe Harbor counts every element of a date but the year as an identifier (${SAFE_HARBOR}(C)). Write a relative time instead, such as \`day 0\` or \`on admission\`.`,
  age: (t) => `\`${t}\` is an age over 89: Safe Harbor counts such ages as identifiers and groups them as one category, 90 or older (${SAFE_HARBOR}(C)).`,
  'id-number': (t) => `\`${t}\` looks like a record, account, insurance or social security number, an identifier under Safe Harbor (${SAFE_HARBOR}(G)–(J), (R)). Leave it out.`,
  phone: (t) => `\`${t}\` looks like a phone or fax number, an identifier under Safe Harbor (${SAFE_HARBOR}(D)–(E)). Leave it out.`,
  email: (t) => `\`${t}\` is an e-mail address, an identifier under Safe Harbor (${SAFE_HARBOR}(F)). Leave it out.`,
  url: (t) => `\`${t}\` is a web address, an identifier under Safe Harbor (${SAFE_HARBOR}(N)). Leave it out, or cite a source in the case's notes rather than a patient's page.`,
  ip: (t) => `\`${t}\` is an IP address, an identifier under Safe Harbor (${SAFE_HARBOR}(O)). Leave it out.`,
  address: (t) => `\`${t}\` looks like a street address or postcode: Safe Harbor counts every place smaller than a state as an identifier (${SAFE_HARBOR}(B)). Name the region at most.`,
  name: (t) => `\`${t}\` names a person: names are identifiers under Safe Harbor (${SAFE_HARBOR}(A)). Write a role instead, such as "the patient" or "the consultant".`,
  device: (t) => `\`${t}\` looks like a licence, certificate, vehicle, device or serial number, an identifier under Safe Harbor (${SAFE_HARBOR}(K)–(M)). Leave it out.`,
};

function identifierDiagnostic(match: IdentifierMatch, range: Range): CaseDiagnostic {
  const shown = match.text.length > 60 ? `${match.text.slice(0, 57)}...` : match.text;
  return diagnostic('warning', `privacy-${match.kind}`, WHAT[match.kind](shown), range,
    match.replacements.length ? { replacements: match.replacements } : undefined);
}
