// How a derived index was reached, as hover markdown: its value and formula, the inputs with
// the lines they were read from, the maturation band and the table's source when the formula
// uses one (the RPI), and what the value means (schemas/indices.json), so a student can redo
// the arithmetic by hand.
import type { FlagResult } from '../clinical/flags';
import { meaningsOf } from '../clinical/indexDefinitions';
import { formatIndexValue, inputText, type ComputedIndex, type IndexInput } from '../clinical/indices';
import { maturationText } from '../clinical/maturation';
import { escapeMarkdown, lineLabel } from './markdown';

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
    `- Inputs: ${index.inputs.map(inputLine).join(', ')}`,
  ];
  if (index.band) lines.push(`- Maturation time: ${escapeMarkdown(maturationText(index.band))}`);
  if (index.table) lines.push(`- Maturation table: ${escapeMarkdown(index.table.name)} — _${escapeMarkdown(index.table.source)}_`);
  return lines;
}

/** What the value means, in the index's own words (its meaning bands), with their source. */
export function indexMeaning(index: ComputedIndex, anemic: boolean): string[] {
  const bands = meaningsOf(index.definition, index.value, anemic);
  if (!bands.length) return [];
  return ['', ...bands.map((band) => escapeMarkdown(band.text)), '', `_${escapeMarkdown(index.definition.meanings?.source ?? '')}_`];
}

/** A lab input as the case writes it (`b12 111 pmol/L (= 150 pg/mL)`), with its line; a derived one by value. */
function inputLine(input: IndexInput): string {
  const value = escapeMarkdown(inputText(input, (v) => Number(v.toFixed(2))));
  return input.range ? `${value} (${lineLabel(input.range.start.line)})` : `${value} (derived)`;
}
