// How a derived index was reached, as hover markdown: its value and formula, the inputs with
// the lines they were read from, and for the RPI the maturation band used and the table's
// source, so a student can redo the arithmetic by hand.
import type { FlagResult } from '../clinical/flags';
import { formatIndexValue, type ComputedIndex, type IndexInput } from '../clinical/indices';
import type { ChosenBand } from '../clinical/maturation';
import { escapeMarkdown, lineLabel } from './markdown';

const number = (value: number) => String(Number(value.toFixed(2)));

/** One list item: `- Corrected reticulocyte count **6.84 %** = reticulocytes × hematocrit / 45`. */
export function indexSummary(index: ComputedIndex, flag?: FlagResult): string {
  const flagged = flag && flag.flag !== 'normal' ? ` (${flag.flag.replace('-', ' ')})` : '';
  return `- ${escapeMarkdown(index.name)} **${escapeMarkdown(formatIndexValue(index))}**${flagged} = ${escapeMarkdown(index.formula)}`;
}

/** The full working of one index: formula, inputs with their lines, band and table. */
export function indexDetails(index: ComputedIndex): string[] {
  const lines = [
    `**${escapeMarkdown(`${index.name} ${formatIndexValue(index)}`)}**`,
    '',
    `- Formula: ${escapeMarkdown(index.formula)}`,
    `- Inputs: ${index.inputs.map(inputText).join(', ')}`,
  ];
  const hematocrit = index.inputs.find((i) => i.id === 'hematocrit');
  if (index.band && hematocrit) {
    lines.push(`- Maturation time: ${escapeMarkdown(`Hct ${number(hematocrit.value)} % → ${index.band.days.toFixed(1)} days (band ${bandText(index.band)})`)}`);
  }
  if (index.table) lines.push(`- Maturation table: ${escapeMarkdown(index.table.name)} — _${escapeMarkdown(index.table.source)}_`);
  return lines;
}

/** `16 to < 26 %`, `≥ 36 %`, or `< 16 %` for the lowest band. */
export function bandText(band: ChosenBand): string {
  if (band.maxHematocrit === undefined) return `≥ ${band.minHematocrit} %`;
  if (band.minHematocrit <= 0) return `< ${band.maxHematocrit} %`;
  return `${band.minHematocrit} to < ${band.maxHematocrit} %`;
}

function inputText(input: IndexInput): string {
  const value = escapeMarkdown(`${input.id} ${number(input.value)}${input.unit ? ` ${input.unit}` : ''}`);
  return input.range ? `${value} (${lineLabel(input.range.start.line)})` : `${value} (derived)`;
}
