// Completion: section names, header and section keys, lab names and aliases (inserting
// `name: ` and the canonical unit), units for a lab, vocabulary values, smear findings,
// mechanism ids ranked by the engine, and case ids of the bank in see-also.
import type { CaseAnalysis } from '../analyzeCase';
import { findLab, LABS } from '../catalog/labCatalog';
import { fieldSpec, fieldSpecs, SECTIONS, terms } from '../catalog/vocabulary';
import type { Position, Range } from '../text';
import { sectionAt } from './nodeAtPosition';

/** LSP CompletionItemKind numbers (the core declares no protocol types). */
const KIND = { field: 5, value: 12, keyword: 14, unit: 11, module: 9, reference: 18, enumMember: 20 } as const;

export interface CompletionResult {
  label: string;
  kind: number;
  detail?: string;
  documentation?: string;
  insertText?: string;
  /** 2 = snippet. */
  insertTextFormat?: 1 | 2;
  textEdit?: { range: Range; newText: string };
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
}

export function complete(analysis: CaseAnalysis, position: Position, bankCaseIds: string[]): CompletionResult[] {
  const lineText = analysis.model.syntax.lines[position.line] ?? '';
  const before = lineText.slice(0, position.character);
  if (/^\[[^\]]*$/.test(before)) return sectionItems(analysis, position);
  const section = sectionAt(analysis.model, position.line);
  const name = section?.name ?? 'header';
  const keyMatch = /^([A-Za-z0-9][A-Za-z0-9.\-]*)[ \t]*:(.*)$/.exec(before);
  if (!keyMatch) {
    if (/^\s/.test(before) || (section && section.kind === 'prose')) return [];
    const wordRange: Range = { start: { line: position.line, character: 0 }, end: position };
    return name === 'labs' ? labNameItems(analysis, position, wordRange) : keyItems(analysis, name, position, wordRange);
  }
  const key = keyMatch[1].toLowerCase();
  const valueSoFar = keyMatch[2];
  if (name === 'labs') return labValueItems(key, valueSoFar, position);
  if (name === 'answer' && key === 'mechanism') return mechanismItems(analysis, valueSoFar, position);
  if (name === 'header' && key === 'see-also') return caseIdItems(analysis, valueSoFar, position, bankCaseIds);
  const spec = fieldSpec(name, key);
  if (!spec?.values) return [];
  const words = terms(spec.values);
  if (spec.type === 'list') {
    const already = new Set(valueSoFar.split(',').map((w) => w.trim().toLowerCase()));
    return words.filter((t) => !already.has(t.id.toLowerCase())).map((t) => ({ label: t.id, kind: KIND.enumMember, documentation: t.description, textEdit: { range: itemRange(valueSoFar, position), newText: t.id } }));
  }
  return words.map((t) => ({ label: t.id, kind: KIND.enumMember, documentation: t.description, textEdit: { range: itemRange(valueSoFar, position, true), newText: t.id } }));
}

/** The range of the list item (or whole value) being typed, so the completion replaces it. */
function itemRange(valueSoFar: string, position: Position, whole = false): Range {
  const start = whole ? valueSoFar.length - valueSoFar.trimStart().length : Math.max(valueSoFar.lastIndexOf(',') + 1, 0);
  const lead = whole ? 0 : valueSoFar.slice(start).length - valueSoFar.slice(start).trimStart().length;
  const character = position.character - valueSoFar.length + start + lead;
  return { start: { line: position.line, character }, end: position };
}

function sectionItems(analysis: CaseAnalysis, position: Position): CompletionResult[] {
  const present = new Set(analysis.model.syntax.sections.map((s) => s.name));
  const range: Range = { start: { line: position.line, character: 0 }, end: position };
  return SECTIONS.filter((s) => s.repeatable || !present.has(s.name)).map((s, i) => ({
    label: `[${s.name}]`,
    kind: KIND.module,
    documentation: s.description,
    filterText: `[${s.name}`,
    sortText: String(i).padStart(2, '0'),
    insertTextFormat: 2,
    textEdit: { range, newText: s.repeatable && present.has(s.name) ? `[${s.name}: \${1:day 7}]\n$0` : `[${s.name}]\n$0` },
  }));
}

function keyItems(analysis: CaseAnalysis, section: string, position: Position, range: Range): CompletionResult[] {
  const specs = fieldSpecs(section) ?? [];
  const fields = section === 'header' ? analysis.model.syntax.header : sectionAt(analysis.model, position.line)?.fields ?? [];
  const used = new Set(fields.filter((f) => f.keyRange.start.line !== position.line).map((f) => f.key));
  return specs.filter((s) => !used.has(s.key)).map((s) => ({
    label: s.key, kind: KIND.field, detail: s.required ? 'required' : undefined, documentation: s.description,
    textEdit: { range, newText: `${s.key}: ` },
  }));
}

function labNameItems(analysis: CaseAnalysis, position: Position, range: Range): CompletionResult[] {
  const panel = analysis.model.panels.find((p) => p.section === sectionAt(analysis.model, position.line));
  const present = new Set(panel?.results.filter((r) => r.field.keyRange.start.line !== position.line).map((r) => r.lab?.key) ?? []);
  const items: CompletionResult[] = [];
  for (const lab of LABS) {
    const sort = present.has(lab.key) ? 'z' : 'a';
    const unit = lab.kind === 'quantitative' ? ` \${1} ${lab.canonicalUnit}` : ` \${1|${(lab.values ?? []).join(',')}|}`;
    for (const name of [lab.key, ...lab.aliases]) {
      items.push({
        label: name,
        kind: KIND.field,
        detail: name === lab.key ? `${lab.name}${lab.canonicalUnit ? ` (${lab.canonicalUnit})` : ''}` : `alias of ${lab.key}`,
        documentation: lab.description,
        sortText: `${sort}${name === lab.key ? '0' : '1'}${name}`,
        insertTextFormat: 2,
        textEdit: { range, newText: `${name}:${unit}` },
      });
    }
  }
  return items;
}

function labValueItems(key: string, valueSoFar: string, position: Position): CompletionResult[] {
  const lab = findLab(key);
  if (!lab) return [];
  if (lab.kind === 'qualitative') {
    return (lab.values ?? []).map((v) => ({ label: v, kind: KIND.value, textEdit: { range: itemRange(valueSoFar, position, true), newText: v } }));
  }
  // After the number: offer the accepted units.
  const afterNumber = /^\s*(?:<=|>=|<|>|≤|≥)?\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s+(\S*)$/.exec(valueSoFar);
  if (!afterNumber) return [];
  const start = position.character - afterNumber[1].length;
  return (lab.units ?? []).map((u, i) => ({
    label: u.unit, kind: KIND.unit, detail: i === 0 ? 'canonical unit' : `× ${u.factor} → ${lab.canonicalUnit}`,
    sortText: String(i).padStart(2, '0'),
    textEdit: { range: { start: { line: position.line, character: start }, end: position }, newText: u.unit },
  }));
}

function mechanismItems(analysis: CaseAnalysis, valueSoFar: string, position: Position): CompletionResult[] {
  const { ranked, clearChoice } = analysis.clinical.mechanisms;
  return ranked.map((m, i) => ({
    label: m.id, kind: KIND.enumMember, detail: `score ${m.score}${m.id === clearChoice ? ' — the engine\'s clear first choice' : ''}`,
    documentation: m.summary, sortText: String(i).padStart(2, '0'), preselect: i === 0 && m.score > 0,
    textEdit: { range: itemRange(valueSoFar, position, true), newText: m.id },
  }));
}

function caseIdItems(analysis: CaseAnalysis, valueSoFar: string, position: Position, ids: string[]): CompletionResult[] {
  const already = new Set(valueSoFar.split(',').map((w) => w.trim()));
  return ids.filter((id) => id !== analysis.model.id && !already.has(id)).sort().map((id) => ({
    label: id, kind: KIND.reference, textEdit: { range: itemRange(valueSoFar, position), newText: id },
  }));
}
