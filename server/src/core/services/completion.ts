// Completion: what may be typed where the cursor is. Section names on a `[` line, keys at the
// start of a field line (header keys, section keys, lab names and aliases with their canonical
// unit), and values after the colon (valueCompletion.ts).
import type { CaseAnalysis } from '../analyzeCase';
import { LABS, type LabDefinition } from '../catalog/labCatalog';
import { canonicalFieldKey, fieldSpecs, SECTIONS } from '../catalog/vocabulary';
import type { CaseModel } from '../model/caseModel';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import type { Position, Range } from '../text';
import { escapeSnippet, ITEM_KIND, SNIPPET, sortKey, type CompletionResult } from './completionItem';
import { nodeAtPosition } from './nodeAtPosition';
import { stageItems } from './stageCompletion';
import { valueItems } from './valueCompletion';

export type { CompletionResult } from './completionItem';

export function complete(analysis: CaseAnalysis, position: Position, bankCaseIds: readonly string[]): CompletionResult[] {
  const { model } = analysis;
  const lineText = model.syntax.lines[position.line];
  if (lineText === undefined || position.character > lineText.length) return [];
  if (lineText.trimStart().startsWith('#')) return [];
  const before = lineText.slice(0, position.character);
  if (before.startsWith('[')) return sectionItems(model, position, lineText);
  const node = nodeAtPosition(model, position);
  if (node.kind === 'value') return valueItems(analysis, node.section, node.field, position, bankCaseIds);
  // On an existing key the colon is already there: only the name is replaced.
  if (node.kind === 'key') return keyItems(model, node.section, position, node.field.keyRange, node.field);
  if (node.kind !== 'none' || (node.section && node.section.kind !== 'fields')) return [];
  // A key being typed at the start of a line, before its colon.
  if (!/^[A-Za-z0-9.-]*$/.test(before)) return [];
  const end = position.character + (/^[A-Za-z0-9.-]*/.exec(lineText.slice(position.character))?.[0].length ?? 0);
  return keyItems(model, node.section, position, { start: { line: position.line, character: 0 }, end: { line: position.line, character: end } });
}

/** Section names; a non-repeatable section already in the file is not offered again. */
function sectionItems(model: CaseModel, position: Position, lineText: string): CompletionResult[] {
  const before = lineText.slice(0, position.character);
  const stages = stageItems(model, position, lineText);
  if (stages) return stages;
  if (before.includes(':') || before.includes(']')) return []; // in another qualifier, or after the header
  const others = model.syntax.sections.filter((s) => s.headerRange.start.line !== position.line);
  const present = new Set(others.map((s) => s.name));
  // Replace the whole header being typed, including a `]` the editor closed automatically.
  const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: Math.max(position.character, lineText.trimEnd().length) } };
  const items: CompletionResult[] = [];
  // Sections stay a blank line apart: a new header typed right under the last line of one gets
  // it (not a header being renamed, nor one under its own comment).
  const above = position.line > 0 ? model.syntax.lines[position.line - 1].trim() : '';
  const typingNew = /^\]?\s*$/.test(lineText.slice(position.character));
  const gap = typingNew && above && !above.startsWith('#') ? '\n' : '';
  SECTIONS.forEach((spec, i) => {
    const item = (label: string, newText: string, detail: string, order: number): CompletionResult => ({
      label, kind: ITEM_KIND.module, detail, documentation: spec.description, filterText: `[${spec.name}`,
      sortText: sortKey(i, order), insertTextFormat: SNIPPET, textEdit: { range, newText: gap + newText },
    });
    if (!spec.repeatable) {
      if (!present.has(spec.name)) items.push(item(`[${spec.name}]`, `[${spec.name}]`, `${spec.kind} section`, 0));
      return;
    }
    // Repeatable (labs, smear): one panel may go without a qualifier (the first timepoint); the others need one.
    const unqualifiedTaken = others.some((s) => s.name === spec.name && !s.qualifier);
    if (!unqualifiedTaken) items.push(item(`[${spec.name}]`, `[${spec.name}]`, 'the first timepoint', 0));
    items.push(item(`[${spec.name}: day 7]`, `[${spec.name}: \${1:day 7}]`, 'a later timepoint', 1));
  });
  return items;
}

/** Keys of the section (or the header) not yet used there; lab names and aliases in [labs]. */
function keyItems(model: CaseModel, section: SectionNode | undefined, position: Position, range: Range, current?: FieldNode): CompletionResult[] {
  const withColon = !current;
  if (section?.name === 'labs') return labNameItems(model, section, position, range, withColon);
  const specs = fieldSpecs(section?.name ?? 'header');
  if (!specs) return [];
  const fields = section ? section.fields : model.syntax.header;
  // An alias key (`ring-sideroblasts`) uses up its field.
  const used = new Set(fields.filter((f) => f !== current && f.keyRange.start.line !== position.line).map((f) => canonicalFieldKey(section?.name ?? 'header', f.key)));
  // A repeatable key (option, image) is offered again.
  return specs.filter((spec) => spec.repeatable || !used.has(spec.key)).map((spec, i) => ({
    label: spec.key,
    kind: ITEM_KIND.property,
    detail: spec.required ? 'required' : undefined,
    documentation: spec.description,
    sortText: sortKey(spec.required ? 0 : 1, i),
    textEdit: { range, newText: withColon ? `${spec.key}: ` : spec.key },
  }));
}

/** Lab keys and aliases; labs the panel already has sort last. New lines get `name: ` and the unit. */
function labNameItems(model: CaseModel, section: SectionNode, position: Position, range: Range, withColon: boolean): CompletionResult[] {
  const panel = model.panels.find((p) => p.section === section);
  const present = new Set(panel?.results.filter((r) => r.field.keyRange.start.line !== position.line).map((r) => r.lab?.key));
  const items: CompletionResult[] = [];
  LABS.forEach((lab, i) => {
    const rank = present.has(lab.key) ? 1 : 0;
    [lab.key, ...lab.aliases].forEach((name, j) => {
      items.push({
        label: name,
        kind: ITEM_KIND.field,
        detail: j === 0 ? labSummary(lab) : `alias of ${lab.key} (${labSummary(lab)})`,
        documentation: labDocumentation(lab),
        // Canonical keys before aliases, each in catalog order.
        sortText: sortKey(rank, j === 0 ? 0 : 1, i, j),
        insertTextFormat: withColon ? SNIPPET : undefined,
        textEdit: { range, newText: withColon ? `${escapeSnippet(name)}: ${valueSnippet(lab)}` : name },
      });
    });
  });
  return items;
}

function labSummary(lab: LabDefinition): string {
  return lab.kind === 'quantitative' ? `${lab.name}, ${lab.canonicalUnit}` : `${lab.name}, ${(lab.values ?? []).join(' or ')}`;
}

function labDocumentation(lab: LabDefinition): string {
  const units = lab.units?.length ? `\n\nUnits: ${lab.units.map((u) => `\`${u.unit}\``).join(', ')} (canonical \`${lab.canonicalUnit}\`).` : '';
  const aliases = lab.aliases.length ? `\n\nAlso written: ${lab.aliases.map((a) => `\`${a}\``).join(', ')}.` : '';
  return `**${lab.name}** (\`${lab.key}\`) — ${lab.description}${units}${aliases}`;
}

/** `${1} g/dL` for a quantity; a choice of the words for a qualitative test. */
function valueSnippet(lab: LabDefinition): string {
  if (lab.kind === 'qualitative') {
    const words = (lab.values ?? []).map((w) => escapeSnippet(w).replace(/[,|]/g, '\\$&'));
    return words.length ? `\${1|${words.join(',')}|}` : '${1}';
  }
  return lab.canonicalUnit ? `\${1} ${escapeSnippet(lab.canonicalUnit)}` : '${1}';
}
