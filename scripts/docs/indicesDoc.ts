// Renders the derived-index table of docs/case-format.md from schemas/indices.json, so the
// reference cannot drift from the entries the checker computes.
import indicesJson from '../../schemas/indices.json';
import type { IndexEntry } from '../../server/src/core/clinical/indexDefinitions';
import { defaultMaturationTable, maturationText } from '../../server/src/core/clinical/maturation';

export const INDICES_BEGIN = '<!-- indices:begin (generated from schemas/indices.json by `npm run docs`) -->';
export const INDICES_END = '<!-- indices:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function meaning(entry: IndexEntry): string {
  const bands = entry.meanings?.bands ?? [];
  return bands.map((band) => cell(band.text)).join('<br>');
}

/** The default table's bands, worded as the hover words them. */
function maturationBands(): string {
  const table = defaultMaturationTable();
  const bands = table.bands.map((band, i) => maturationText(i === 0 ? band : { ...band, maxHematocrit: table.bands[i - 1].minHematocrit }));
  return `; maturation time by the default table (\`${table.id}\`): ${bands.join(', ')}`;
}

export function renderIndexTable(): string {
  // The file's order, as the docs list them; the core computes them in dependency order.
  const entries = (indicesJson as unknown as { indices: IndexEntry[] }).indices;
  const rows = entries.map((entry) => {
    const stated = entry.statedAs ? ` (when the case does not give \`${entry.statedAs}\`)` : '';
    const bands = JSON.stringify(entry.compute).includes('"maturationDays"') ? maturationBands() : '';
    return `| \`${entry.id}\` | ${cell(entry.name)} | ${cell(entry.formula)}${bands}${stated} | ${cell(entry.unit)} | ${meaning(entry)} | ${cell(entry.source)} |`;
  });
  return [
    INDICES_BEGIN,
    '| id | index | formula | unit | what a value means | source |',
    '|---|---|---|---|---|---|',
    ...rows,
    INDICES_END,
  ].join('\n');
}

/** Replaces the generated block in a document's text. */
export function withIndexTable(doc: string): string {
  const start = doc.indexOf(INDICES_BEGIN);
  const end = doc.indexOf(INDICES_END);
  if (start < 0 || end < start) throw new Error('docs/case-format.md lacks the indices:begin/indices:end markers');
  return doc.slice(0, start) + renderIndexTable() + doc.slice(end + INDICES_END.length);
}
