// Hover on a lab line: what the lab is, the value as written and in the canonical unit, this
// patient's reference range with its source, the flag, and the indices the line feeds in its
// panel, with the full working and meaning of the indices that ask for it (schemas/indices.json
// `hover: full`, the RPI) on the lines that feed them.
import type { CaseAnalysis } from '../analyzeCase';
import { formatLabValue, LAB_SOURCES, referenceRangeFor, type LabDefinition } from '../catalog/labCatalog';
import type { Flag } from '../clinical/flags';
import { INDEX_IDS, type ComputedIndex } from '../clinical/indices';
import { showsAnemia, type LabReading, type PanelReading } from '../clinical/panelAnalysis';
import type { LabResult, Patient } from '../model/caseModel';
import type { FieldNode, SectionNode } from '../syntax/syntaxTree';
import type { HoverResult } from './hover';
import { indexDetails, indexMeaning, indexSummary } from './indexMarkdown';
import { code, escapeMarkdown, lineLabel } from './markdown';

export function labHover(analysis: CaseAnalysis, section: SectionNode, field: FieldNode): HoverResult | undefined {
  const reading = analysis.clinical.panels.find((p) => p.panel.section === section);
  const result = reading?.panel.results.find((r) => r.field === field);
  const lab = result?.lab;
  if (!reading || !result || !lab) return undefined;
  const lines = [`**${escapeMarkdown(lab.name)}** ${code(lab.key)}${reading.panel.qualifier ? ` — ${escapeMarkdown(reading.panel.qualifier)}` : ''}`, ''];
  if (lab.description) lines.push(escapeMarkdown(lab.description), '');
  lines.push(`- ${valueText(lab, result)}`);
  const range = rangeText(lab, analysis.model.patient);
  if (range) lines.push(`- ${range}`);
  const used = reading.labs.get(lab.key);
  if (!used || used.result !== result) {
    // A repeated lab in one panel: the first line is the one the panel reads (and a
    // diagnostic says so); flagging this one too would contradict the rest of the editor.
    if (used) lines.push('', `This panel already has ${code(lab.key)} on ${lineLabel(used.range.start.line)}; that line is the one flagged and used for indices.`);
    return { contents: lines.join('\n'), range: field.range };
  }
  const flag = flagText(used);
  if (flag) lines.push(`- ${flag}`);
  for (const line of indicesText(reading, lab.key)) lines.push(line);
  return { contents: lines.join('\n'), range: field.range };
}

function valueText(lab: LabDefinition, result: LabResult): string {
  const value = result.value;
  const written = escapeMarkdown(result.field.value);
  if (value.kind === 'word') return `Result: ${written}${lab.normal ? ` (normal: ${escapeMarkdown(lab.normal)})` : ''}`;
  if (value.kind !== 'number' || lab.kind !== 'quantitative') return `Value: ${written || '(none)'}`;
  const canonicalUnit = lab.canonicalUnit ?? '';
  if (!value.unit) return `Value: ${written} (no unit written: read as ${escapeMarkdown(canonicalUnit)})`;
  if (!value.unitDefinition || value.canonical === undefined) return `Value: ${written} (not a unit the catalog converts for this lab)`;
  if (value.unitDefinition.unit === canonicalUnit) return `Value: ${written}`;
  const converted = `${value.comparator ?? ''}${formatLabValue(lab, value.canonical)} ${canonicalUnit}`;
  return `Value: ${written} = **${escapeMarkdown(converted)}**`;
}

/** The range the flags use for this patient's age band and sex, with its cited source. */
function rangeText(lab: LabDefinition, patient: Patient): string | undefined {
  const range = referenceRangeFor(lab, patient.age?.days, patient.sex);
  if (!range || (range.low === undefined && range.high === undefined)) return undefined;
  const f = (v: number) => formatLabValue(lab, v);
  const bounds = range.low !== undefined && range.high !== undefined ? `${f(range.low)}–${f(range.high)}`
    : range.low !== undefined ? `≥ ${f(range.low)}` : `≤ ${f(range.high!)}`;
  const who = [patient.age ? `${patient.age.amount} ${patient.age.unit}` : 'age not given', patient.sex ?? 'sex not given'].join(', ');
  const source = LAB_SOURCES[range.source]?.citation;
  return `Reference range for this patient (${escapeMarkdown(who)}): **${escapeMarkdown(`${bounds} ${lab.canonicalUnit ?? ''}`.trim())}** (${escapeMarkdown(range.text)})`
    + (source ? ` — _${escapeMarkdown(source)}_` : '');
}

const FLAG_WORDS: Record<Flag, string> = {
  'critical-low': 'critical low', low: 'low', normal: 'normal', high: 'high', 'critical-high': 'critical high', abnormal: 'abnormal',
};

function flagText(reading: LabReading): string | undefined {
  if (reading.flag) return `Flag: **${FLAG_WORDS[reading.flag.flag]}**`;
  if (reading.comparator) return `Flag: none (${escapeMarkdown(reading.comparator)} allows values on both sides of the range)`;
  return undefined;
}

/** The panel's indices this lab feeds, directly or through another index (MCV → Mentzer). */
function indicesText(reading: PanelReading, key: string): string[] {
  const all = new Map<string, ComputedIndex>([...reading.calculated, ...reading.indices]);
  const feeds = (index: ComputedIndex): boolean =>
    index.inputs.some((i) => i.id === key || (!i.range && all.has(i.id) && all.get(i.id) !== index && feeds(all.get(i.id)!)));
  const fed = [...all.values()].filter(feeds).sort((a, b) => INDEX_IDS.indexOf(a.id) - INDEX_IDS.indexOf(b.id));
  if (!fed.length) return [];
  const lines = ['', '**Indices from this line**', ...fed.map((index) => indexSummary(index, reading.indexFlags.get(index.id)))];
  const anemic = showsAnemia(reading);
  for (const index of fed) {
    if (index.definition.hover !== 'full') continue;
    lines.push('');
    for (const line of [...indexDetails(index), ...indexMeaning(index, anemic)]) lines.push(line);
  }
  return lines;
}
