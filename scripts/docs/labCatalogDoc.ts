// Renders the lab catalog table of docs/case-format.md from schemas/labs.json, so the
// reference cannot drift from the catalog the checker uses.
import { LABS, formatLabValue, type UnitDefinition } from '../../server/src/core/catalog/labCatalog';

export const LABS_BEGIN = '<!-- labs:begin (generated from schemas/labs.json by `npm run docs`) -->';
export const LABS_END = '<!-- labs:end -->';

export function renderLabTable(): string {
  const rows = LABS.map((lab) => {
    const aliases = lab.aliases.map((a) => `\`${a}\``).join(', ');
    if (lab.kind === 'qualitative') {
      return `| \`${lab.key}\` | ${lab.name} | ${aliases} | ${(lab.values ?? []).join(' / ')} | | | ${lab.loinc ?? ''} |`;
    }
    // The UCUM spelling follows a display spelling that is not UCUM: `10^9/L` [`10*9/L`].
    const spelling = (u: UnitDefinition) => (u.ucum ? `${u.unit} [\`${u.ucum}\`]` : u.unit);
    const units = (lab.units ?? []).map((u) => (u.factor === 1 ? spelling(u) : `${spelling(u)} (× ${u.factor})`)).join(', ');
    const plausible = lab.plausible ? `${formatLabValue(lab, lab.plausible.low)}–${formatLabValue(lab, lab.plausible.high)}` : '';
    return `| \`${lab.key}\` | ${lab.name} | ${aliases} | ${lab.canonicalUnit} | ${units} | ${plausible} | ${lab.loinc ?? ''} |`;
  });
  return [
    LABS_BEGIN,
    '| key | lab | aliases | canonical unit (or values) | accepted units [UCUM] (× factor to canonical) | plausible range (canonical) | LOINC |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    LABS_END,
  ].join('\n');
}

/** Replaces the generated block in a document's text. */
export function withLabTable(doc: string): string {
  const start = doc.indexOf(LABS_BEGIN);
  const end = doc.indexOf(LABS_END);
  if (start < 0 || end < start) throw new Error('docs/case-format.md lacks the labs:begin/labs:end markers');
  return doc.slice(0, start) + renderLabTable() + doc.slice(end + LABS_END.length);
}
