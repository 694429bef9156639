// Renders the vocabulary's tables in docs/case-format.md (sections, marrow fields, smear findings,
// mechanisms) from schemas/vocabulary.json, so a word added there is documented by `npm run docs`.
import { fieldSpecs, SECTIONS, terms, type FieldSpec } from '../../server/src/core/catalog/vocabulary';

const code = (word: string) => `\`${word}\``;
/** A table cell: a `|` in a description would split the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function valueText(spec: FieldSpec): string {
  // The smear findings are too many for a cell: they have their own table.
  if (spec.values === 'smearFindings') return 'comma-separated words from [Smear findings](#smear-findings)';
  if (spec.values) return terms(spec.values).map((t) => code(t.id)).join(', ');
  switch (spec.type) {
    case 'percent': return 'percentage, 0–100 (`40 %` or `40`)';
    case 'ratio': return 'two numbers with a colon (`1:6`, `3:1`)';
    case 'age': return 'a number and a unit (`4 y`, `18 mo`, `3 wk`, `10 d`)';
    case 'list': return 'comma-separated words';
    default: return 'text';
  }
}

function fieldTable(section: string): string[] {
  const rows = (fieldSpecs(section) ?? []).map((spec) => {
    const aliases = spec.aliases?.length ? ` (or ${spec.aliases.map(code).join(', ')})` : '';
    return `| ${code(spec.key)}${aliases} | ${valueText(spec)} | ${cell(spec.description)} |`;
  });
  return ['| field | value | meaning |', '|---|---|---|', ...rows];
}

/** Each generated block of the format reference, by marker name. */
export const VOCABULARY_BLOCKS: Record<string, () => string[]> = {
  sections: () => [
    '| section | kind | repeatable | holds |',
    '|---|---|---|---|',
    ...SECTIONS.map((s) => `| \`[${s.name}]\` | ${s.kind} | ${repeatability(s)} | ${cell(s.description)} |`),
  ],
  patient: () => fieldTable('patient'),
  smear: () => fieldTable('smear'),
  marrow: () => fieldTable('marrow'),
  answer: () => fieldTable('answer'),
  'smear-findings': () => ['| finding | what it says |', '|---|---|', ...terms('smearFindings').map((t) => `| ${code(t.id)} | ${cell(t.description)} |`)],
  mechanisms: () => ['| id | the factory |', '|---|---|', ...terms('mechanisms').map((t) => `| ${code(t.id)} | ${cell(t.description)} |`)],
};

const begin = (name: string) => `<!-- ${name}:begin (generated from schemas/vocabulary.json by \`npm run docs\`) -->`;
const end = (name: string) => `<!-- ${name}:end -->`;

/** Replaces every vocabulary block in a document's text; a missing marker is an error. */
export function withVocabularyTables(doc: string): string {
  let text = doc;
  for (const [name, render] of Object.entries(VOCABULARY_BLOCKS)) {
    const start = text.indexOf(begin(name));
    const stop = text.indexOf(end(name));
    if (start < 0 || stop < start) throw new Error(`docs/case-format.md lacks the ${name}:begin/${name}:end markers`);
    text = text.slice(0, start) + [begin(name), ...render(), end(name)].join('\n') + text.slice(stop + end(name).length);
  }
  return text;
}

/** Questions repeat after any stage; other repeatable sections need distinct qualifiers. */
function repeatability(section: { name: string; repeatable: boolean }): string {
  if (!section.repeatable) return 'no';
  return section.name === 'question' ? 'yes, qualified by the stage it follows (`after labs day 3`)' : 'yes, each with its own qualifier such as `day 7`';
}
