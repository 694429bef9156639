// A deleted or misspelt section header leaves its fields under the section above (or in the
// header, or in prose), where each one is "not a known field" and a shared key is "given
// twice". Those errors all have one cause: say it once ("these look like [marrow] fields:
// missing `[marrow]` header?"), offer the header, and drop the follow-on errors it explains.
import { findLabByLowercaseName } from '../catalog/labCatalog';
import { fieldSpec, fieldSpecIndex, fieldSpecs, REPEATABLE_SECTIONS, SECTIONS, type FieldSpec } from '../catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel, LabPanel } from '../model/caseModel';
import type { CaseSyntax, FieldNode, SectionNode } from '../syntax/syntaxTree';
import { identityOf } from './duplicateFieldChecks';
import { findLabPhrases } from './labProseCheck';
import { lineSpan, type Range } from '../text';
import { andList } from '../util/lists';

/** The errors a missing header causes on the lines it should have started. */
const FOLLOW_ON = new Set(['unknown-field', 'unknown-lab', 'duplicate-field', 'not-a-field', 'lab-in-prose']);
const FIELD_SECTIONS = SECTIONS.filter((s) => s.kind === 'fields').map((s) => s.name);
/** `key: value` at the start of a prose line, as the parser reads a field. */
const FIELD_LINE = /^([A-Za-z0-9][A-Za-z0-9.-]{0,63})[ \t]*:/;

interface Line {
  key: string;
  range: Range;
}

/** Which field section a key belongs to, if exactly one (lab names belong to [labs]). */
function homeOf(key: string): string | undefined {
  const homes = FIELD_SECTIONS.filter((s) => (s === 'labs' ? findLabByLowercaseName(key) !== undefined : fieldSpec(s, key) !== undefined));
  return homes.length === 1 ? homes[0] : undefined;
}

function allowedIn(container: string, key: string): boolean {
  if (container === 'labs') return findLabByLowercaseName(key) !== undefined;
  // Prose sections have no fields: every field-like line there is a stray.
  return fieldSpecs(container) !== undefined && fieldSpec(container, key) !== undefined;
}

export interface MissingHeader {
  diagnostic: CaseDiagnostic;
  /** The lines whose follow-on errors the missing header explains. */
  fromLine: number;
  toLine: number;
  /** The section it stands for: questions asked after it, and keys worked out from it, follow on too. */
  section: string;
}

/**
 * The header to insert for `home`: `[home]`, or for a repeatable section that has one without a
 * qualifier already, a qualified one (`[labs: later]`) the author then names.
 */
function headerFor(syntax: CaseSyntax, home: string): { header: string; named: boolean } {
  if (!REPEATABLE_SECTIONS.includes(home) || home === 'question') return { header: `[${home}]`, named: true };
  const taken = new Set(syntax.sections.filter((s) => s.name === home).map((s) => (s.qualifier ?? '').toLowerCase()));
  if (!taken.has('')) return { header: `[${home}]`, named: true };
  let qualifier = 'later';
  for (let n = 2; taken.has(qualifier); n++) qualifier = `later ${n}`;
  return { header: `[${home}: ${qualifier}]`, named: false };
}

function keyList(lines: readonly Line[]): string {
  // Four are named as soon as "and 1 more" would be said.
  const keys = lines.slice(0, lines.length === 4 ? 4 : 3).map((l) => `\`${l.key}\``);
  return andList(lines.length > 4 ? [...keys, `${lines.length - 3} more`] : keys);
}

export function findMissingHeaders(model: CaseModel, diagnostics: readonly CaseDiagnostic[] = []): readonly MissingHeader[] {
  const { syntax } = model;
  let found: MissingHeader[] | undefined;
  // Built at the first stray line: nearly every case has none.
  let present: Set<string> | undefined;
  const report = (home: string, message: (header: string) => string, first: Range, endLine: number) => {
    const { header, named } = headerFor(syntax, home);
    const lineEnd = syntax.lines[first.start.line].length;
    // A header the author must still name is offered, never applied unseen.
    const data = named ? { replacements: [header], section: home } : { replacements: [header], section: home, unnamed: true };
    (found ??= []).push({
      diagnostic: diagnostic('error', 'missing-section-header', message(header), lineSpan(first.start.line, 0, lineEnd), data),
      fromLine: first.start.line,
      toLine: endLine,
      section: home,
    });
  };
  const consider = (container: string, lines: Line[], minimum: number, endLine: number, prose = false) => {
    present ??= new Set(syntax.sections.filter((s) => !REPEATABLE_SECTIONS.includes(s.name)).map((s) => s.name));
    const start = lines.findIndex((l) => !allowedIn(container, l.key) && homeOf(l.key) !== undefined && !present!.has(homeOf(l.key)!));
    if (start < 0) return;
    const home = homeOf(lines[start].key)!;
    // The run: from the first stray field to the end of the container, keeping those of that home.
    const belonging = lines.slice(start).filter((l) => homeOf(l.key) === home && !allowedIn(container, l.key));
    // A repeatable section given elsewhere already: a lone stray line is more likely misplaced.
    const given = syntax.sections.some((s) => s.name === home);
    if (belonging.length < (given ? Math.max(minimum, 2) : minimum)) return;
    // Lab lines in prose beside a [labs] without a qualifier are old results told as a story.
    if (prose && !headerFor(syntax, home).named) return;
    const these = belonging.length === 1 ? `${keyList(belonging)} looks like a [${home}] field` : `${keyList(belonging)} look like [${home}] fields`;
    report(home, (header) => `${these}: missing \`${header}\` header?`, lines[start].range, endLine);
    present.add(home);
  };
  if (!allKnown(syntax.header, HEADER_SPECS)) consider('header', linesOf(syntax.header), 1, syntax.sections[0]?.headerRange.start.line ?? syntax.lines.length);
  for (const section of syntax.sections) {
    if (section.kind === 'fields') {
      // A panel's fields are known when the model found their labs; other fields by their spec.
      // Found by its section, not counted: a [labs header the parser reads as another kind of
      // section is a panel of the model but not a fields section here.
      const labs = section.name === 'labs' ? model.panels.find((p) => p.section === section) : undefined;
      const known = labs ? labs.results.every((r) => r.lab !== undefined) : allKnown(section.fields, fieldSpecIndex(section.name));
      if (!known) consider(section.name, linesOf(section.fields), 1, section.range.end.line);
      // A repeatable section's header deleted: its fields run on into the one above, given again,
      // which the duplicate-field check has already said; only a section it spoke of is looked at.
      else if (REPEATABLE_SECTIONS.includes(section.name) && givenTwiceIn(section, diagnostics)) considerRepeat(section, labs, report);
    }
    // In prose a colon is just text: only two or more lines that read as one section's fields.
    else if (section.kind === 'prose') {
      const lines = proseFields(section);
      if (lines.length) consider(section.name, lines, 2, section.range.end.line, true);
    }
  }
  for (const prose of findMissingProse(model, diagnostics) ?? []) (found ??= []).push(prose);
  return found ?? NO_MISSING_HEADERS;
}

const SECTION_ORDER = new Map(SECTIONS.map((s, i) => [s.name, i]));

/**
 * A prose section's header deleted: its lines end the fields section above, each "not a field".
 * When they end it (no field after them), are no lab written as a line, and exactly one prose
 * section the case lacks comes between that section and the next in the format's order, they
 * are that section's lines. Offered, not applied unseen: the order is the format's habit, not a rule.
 */
function findMissingProse(model: CaseModel, diagnostics: readonly CaseDiagnostic[]): MissingHeader[] | undefined {
  let strays: Set<number> | undefined;
  for (const d of diagnostics) if (d.code === 'not-a-field' && d.range.start.character === 0) (strays ??= new Set()).add(d.range.start.line);
  if (!strays) return undefined;
  const { syntax } = model;
  const present = new Set(syntax.sections.map((s) => s.name));
  let found: MissingHeader[] | undefined;
  syntax.sections.forEach((section, i) => {
    if (section.kind !== 'fields' || section.name === 'question') return;
    let first = -1;
    let count = 0;
    for (let line = section.headerRange.start.line + 1; line <= section.range.end.line; line++) {
      if (!strays!.has(line)) continue;
      if (first < 0) first = line;
      count++;
    }
    if (first < 0 || section.fields.some((f) => f.line > first)) return;
    for (let line = first; line <= section.range.end.line; line++) {
      const text = syntax.lines[line];
      if (strays!.has(line) && findLabPhrases(text, line, 0).some((p) => p.range.start.character === 0)) return;
    }
    const from = SECTION_ORDER.get(section.name) ?? -1;
    const next = syntax.sections[i + 1];
    const to = next ? SECTION_ORDER.get(next.name) ?? -1 : SECTIONS.length;
    const candidates = SECTIONS.filter((s, order) => s.kind === 'prose' && order > from && order < to && !present.has(s.name));
    if (candidates.length !== 1) return;
    const home = candidates[0].name;
    const lines = count === 1 ? 'This line reads' : `These ${count} lines read`;
    (found ??= []).push({
      diagnostic: diagnostic('error', 'missing-section-header',
        `${lines} as prose, and [${section.rawName}] holds only fields: missing \`[${home}]\` header?`,
        lineSpan(first, 0, syntax.lines[first].length), { replacements: [`[${home}]`], section: home, unnamed: true, guessed: true }),
      fromLine: first,
      toLine: section.range.end.line,
      section: home,
    });
    present.add(home);
  });
  return found;
}

/** Whether the duplicate-field check found a field given twice in the section. */
function givenTwiceIn(section: SectionNode, diagnostics: readonly CaseDiagnostic[]): boolean {
  const { start, end } = section.range;
  return diagnostics.some((d) => d.code === 'duplicate-field' && d.range.start.line > start.line && d.range.start.line <= end.line);
}

/**
 * Fields of a repeatable section ([labs], [smear], [question]) that from some line on give again
 * what the lines above gave: two or more of them read as a second panel whose header is gone.
 */
function considerRepeat(section: SectionNode, labs: LabPanel | undefined,
  report: (home: string, message: (header: string) => string, first: Range, endLine: number) => void): void {
  const { fields } = section;
  if (fields.length < 4) return;
  const specs = labs ? undefined : fieldSpecIndex(section.name);
  const ids = fields.map((f, i) => identityOf(f, i, labs, specs));
  const seen = new Set<string>();
  let start = -1;
  for (let i = 0; i < ids.length && start < 0; i++) {
    const id = ids[i];
    if (id === undefined) continue;
    if (seen.has(id)) start = i;
    else seen.add(id);
  }
  if (start < 0) return;
  const again: Line[] = [];
  const distinct = new Set<string>();
  for (let i = start; i < fields.length; i++) {
    const id = ids[i];
    if (id === undefined || !seen.has(id)) continue;
    again.push({ key: fields[i].rawKey, range: fields[i].keyRange });
    distinct.add(id);
  }
  // One field given over and over is a duplicate, not a panel: a panel gives two fields again.
  if (distinct.size < 2) return;
  const what = section.name === 'labs' ? 'labs panel' : section.name === 'smear' ? 'smear' : 'question';
  report(section.name, (header) => `${keyList(again)} are given again: a second ${what} missing its \`${header}\` header?`,
    fields[start].keyRange, section.range.end.line);
}

const HEADER_SPECS = fieldSpecIndex('header');
/** What nearly every case gives: shared, so that it costs no array. */
const NO_MISSING_HEADERS: readonly MissingHeader[] = [];

/** Whether every field is one its container knows (then none is a stray: nothing to consider). */
function allKnown(fields: readonly FieldNode[], specs: ReadonlyMap<string, FieldSpec> | undefined): boolean {
  if (!specs) return fields.length === 0;
  for (const field of fields) if (!specs.has(field.key)) return false;
  return true;
}

function linesOf(fields: readonly FieldNode[]): Line[] {
  return fields.map((f) => ({ key: f.key, range: f.keyRange }));
}

function proseFields(section: SectionNode): Line[] {
  const lines: Line[] = [];
  for (const line of section.prose) {
    // A field line has a colon: most prose lines have none and are not matched at all.
    if (line.range.start.character !== 0 || !line.text.includes(':')) continue;
    const match = FIELD_LINE.exec(line.text);
    if (match) lines.push({ key: match[1].toLowerCase(), range: lineSpan(line.range.start.line, 0, match[1].length) });
  }
  return lines;
}

/**
 * Drops the follow-on errors that a missing header explains: those on its lines, a question
 * asked after the section it stands for, and, for a labs panel, an answer key checked against
 * the labs (the case's values are not all read). A header misspelt (`[marow]`, an unknown
 * section with one did-you-mean) stands for its section too.
 */
export function withoutFollowOn(diagnostics: CaseDiagnostic[], missing: readonly MissingHeader[]): CaseDiagnostic[] {
  let broken: Set<string> | undefined;
  for (const d of diagnostics) {
    const meant = d.code === 'unknown-section' ? d.data?.replacements : undefined;
    if (Array.isArray(meant) && meant.length === 1 && typeof meant[0] === 'string') (broken ??= new Set()).add(meant[0]);
  }
  if (!missing.length && !broken) return diagnostics;
  for (const m of missing) (broken ??= new Set()).add(m.section);
  return diagnostics.filter((d) => {
    if (FOLLOW_ON.has(d.code)) return !missing.some((m) => d.range.start.line >= m.fromLine && d.range.start.line <= m.toLine);
    if (d.code === 'unknown-question-stage') return typeof d.data?.section !== 'string' || !broken!.has(d.data.section);
    if (d.code === 'question-key-disagrees') return !broken!.has('labs');
    if (d.code === 'missing-mechanism') return !broken!.has('answer');
    return true;
  });
}
