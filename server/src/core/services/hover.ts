// Hover: on a lab, its value, conversion, this patient's range and flag, and the indices it
// feeds (the RPI with formula, band and source on reticulocytes and hematocrit); on
// vocabulary words, sections and keys, what they mean.
import type { CaseAnalysis } from '../analyzeCase';
import { formatLabValue, LAB_SOURCES } from '../catalog/labCatalog';
import { fieldSpec, findTermAnywhere, sectionSpec, term } from '../catalog/vocabulary';
import { describeIndex } from '../clinical/explainReport';
import type { PanelReading } from '../clinical/panelAnalysis';
import type { LabResult } from '../model/caseModel';
import type { Position, Range } from '../text';
import { code, escapeMarkdown } from './markdown';
import { nodeAtPosition } from './nodeAtPosition';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export function hover(analysis: CaseAnalysis, position: Position): HoverResult | undefined {
  const node = nodeAtPosition(analysis.model, position);
  if (node.kind === 'section-header') {
    const spec = sectionSpec(node.section.name);
    if (!spec) return undefined;
    return { contents: `**[${spec.name}]** — ${escapeMarkdown(spec.description)}`, range: node.section.headerRange };
  }
  if (node.kind !== 'key' && node.kind !== 'value') return undefined;
  const section = node.section?.name ?? 'header';
  if (section === 'labs') {
    const reading = analysis.clinical.panels.find((p) => p.panel.section === node.section);
    const result = reading?.panel.results.find((r) => r.field === node.field);
    return result && reading ? labHover(result, reading) : undefined;
  }
  if (node.kind === 'key') {
    const spec = fieldSpec(section, node.field.key);
    return spec ? { contents: `${code(spec.key)} — ${escapeMarkdown(spec.description)}`, range: node.field.keyRange } : undefined;
  }
  return wordHover(analysis, node.item?.text ?? node.field.value, node.item?.range ?? node.field.valueRange, section, node.field.key);
}

function labHover(result: LabResult, reading: PanelReading): HoverResult | undefined {
  const lab = result.lab;
  if (!lab) return undefined;
  const lines: string[] = [`**${escapeMarkdown(lab.name)}** ${code(lab.key)}${reading.panel.qualifier ? ` — ${escapeMarkdown(reading.panel.qualifier)}` : ''}`, ''];
  if (lab.description) lines.push(escapeMarkdown(lab.description), '');
  const labReading = reading.labs.get(lab.key);
  const value = result.value;
  if (value.kind === 'number' && labReading?.value !== undefined) {
    let shown = `Value: ${escapeMarkdown(`${value.comparator ?? ''}${value.number}${value.unit ? ` ${value.unit}` : ''}`)}`;
    if (value.unitDefinition && value.unitDefinition.unit !== lab.canonicalUnit) shown += ` = **${escapeMarkdown(`${formatLabValue(lab, labReading.value)} ${lab.canonicalUnit}`)}**`;
    lines.push(shown);
  } else if (value.kind === 'word') {
    lines.push(`Result: ${escapeMarkdown(value.word)}${lab.normal ? ` (normal: ${escapeMarkdown(lab.normal)})` : ''}`);
  }
  const flag = labReading?.flag;
  if (flag?.range) {
    const r = flag.range;
    const bounds = r.low !== undefined && r.high !== undefined ? `${formatLabValue(lab, r.low)}–${formatLabValue(lab, r.high)}` : r.low !== undefined ? `≥ ${formatLabValue(lab, r.low)}` : `≤ ${formatLabValue(lab, r.high!)}`;
    const source = LAB_SOURCES[r.source]?.citation;
    lines.push(`Reference range for this patient: ${escapeMarkdown(`${bounds} ${lab.canonicalUnit ?? ''}`)} (${escapeMarkdown(r.text)})${source ? ` — _${escapeMarkdown(source)}_` : ''}`);
  }
  if (flag) lines.push(`Flag: **${flag.flag}**`);
  const fed = [...reading.indices.values(), ...[...reading.calculated.values()].filter((i) => !reading.indices.has(i.id))]
    .filter((index) => index.inputs.some((input) => input.id === lab.key));
  if (fed.length) {
    lines.push('', '**Derived indices**');
    for (const index of fed) {
      lines.push(`- ${escapeMarkdown(describeIndex(index))}`);
      if (index.table) lines.push(`  - Maturation table: ${escapeMarkdown(index.table.source)}`);
    }
    const rpi = fed.find((i) => i.id === 'rpi');
    if (rpi) lines.push('', `**RPI ${rpi.value.toFixed(2)}** — ${rpi.value < 2 ? 'below 2: the marrow is not answering the anemia' : 'at least 2: the marrow is answering'}`);
  }
  return { contents: lines.join('\n'), range: result.field.range };
}

function wordHover(analysis: CaseAnalysis, text: string, range: Range, section: string, key: string): HoverResult | undefined {
  const word = text.trim();
  if (section === 'answer' && key === 'mechanism') {
    const mechanism = term('mechanisms', word.toLowerCase());
    if (!mechanism) return undefined;
    const ranking = analysis.clinical.mechanisms.ranked.slice(0, 3).map((m, i) => `${i + 1}. ${code(m.id)} — score ${m.score}${m.id === analysis.clinical.mechanisms.clearChoice ? ' (clear first choice)' : ''}`);
    return { contents: [`**${mechanism.id}** — ${escapeMarkdown(mechanism.description)}`, '', '**What the evidence points to**', ...ranking].join('\n'), range };
  }
  const found = findTermAnywhere(word) ?? findTermAnywhere(word.toLowerCase());
  if (!found) return undefined;
  return { contents: `${code(found.term.id)} — ${escapeMarkdown(found.term.description)}`, range };
}
