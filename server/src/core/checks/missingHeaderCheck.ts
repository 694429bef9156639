// A deleted or misspelt section header leaves its fields under the section above (or in the
// header, or in prose), where each one is "not a known field" and a shared key is "given
// twice". Those errors all have one cause: say it once ("these look like [marrow] fields:
// missing `[marrow]` header?"), offer the header, and drop the follow-on errors it explains.
import { findLabByLowercaseName } from '../catalog/labCatalog';
import { fieldSpec, fieldSpecIndex, fieldSpecs, SECTIONS, type FieldSpec } from '../catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import { lineSpan, type Range } from '../text';
import { andList } from '../util/lists';

/** The errors a missing header causes on the lines it should have started. */
const FOLLOW_ON = new Set(['unknown-field', 'unknown-lab', 'duplicate-field', 'not-a-field']);
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
}

export function findMissingHeaders(model: CaseModel): readonly MissingHeader[] {
  const { syntax } = model;
  let found: MissingHeader[] | undefined;
  // Built at the first stray line: nearly every case has none.
  let present: Set<string> | undefined;
  const consider = (container: string, lines: Line[], minimum: number, endLine: number) => {
    present ??= new Set(syntax.sections.map((s) => s.name));
    const start = lines.findIndex((l) => !allowedIn(container, l.key) && homeOf(l.key) !== undefined && !present!.has(homeOf(l.key)!));
    if (start < 0) return;
    const home = homeOf(lines[start].key)!;
    // The run: from the first stray field to the end of the container, keeping those of that home.
    const belonging = lines.slice(start).filter((l) => homeOf(l.key) === home && !allowedIn(container, l.key));
    if (belonging.length < minimum) return;
    const keys = belonging.slice(0, 3).map((l) => `\`${l.key}\``);
    const more = belonging.length > 3 ? ` and ${belonging.length - 3} more` : '';
    const these = belonging.length === 1 ? `${keys[0]} looks like a [${home}] field` : `${andList(more ? [...keys, more.slice(5)] : keys)} look like [${home}] fields`;
    const first = lines[start].range;
    const lineEnd = syntax.lines[first.start.line].length;
    (found ??= []).push({
      diagnostic: diagnostic('error', 'missing-section-header', `${these}: missing \`[${home}]\` header?`,
        lineSpan(first.start.line, 0, lineEnd), { replacements: [`[${home}]`], section: home }),
      fromLine: first.start.line,
      toLine: endLine,
    });
    present.add(home);
  };
  if (!allKnown(syntax.header, HEADER_SPECS)) consider('header', linesOf(syntax.header), 1, syntax.sections[0]?.headerRange.start.line ?? syntax.lines.length);
  let panel = 0;
  for (const section of syntax.sections) {
    if (section.kind === 'fields') {
      // A panel's fields are known when the model found their labs; other fields by their spec.
      const labs = section.name === 'labs' ? model.panels[panel++] : undefined;
      const known = labs ? labs.results.every((r) => r.lab !== undefined) : allKnown(section.fields, fieldSpecIndex(section.name));
      if (!known) consider(section.name, linesOf(section.fields), 1, section.range.end.line);
    }
    // In prose a colon is just text: only two or more lines that read as one section's fields.
    else if (section.kind === 'prose') {
      const lines = proseFields(section);
      if (lines.length) consider(section.name, lines, 2, section.range.end.line);
    }
  }
  return found ?? NO_MISSING_HEADERS;
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

/** Drops the follow-on errors that a missing header explains. */
export function withoutFollowOn(diagnostics: CaseDiagnostic[], missing: readonly MissingHeader[]): CaseDiagnostic[] {
  if (!missing.length) return diagnostics;
  return diagnostics.filter((d) => !FOLLOW_ON.has(d.code) || !missing.some((m) => d.range.start.line >= m.fromLine && d.range.start.line <= m.toLine));
}
