// schemas/vocabulary.json is the one source of the format's controlled words. This writes them
// into schemas/case.schema.json: every enum field's `enum`, every word list's `items.enum`, in
// the vocabulary's order. The schema keeps what only it knows (patterns, codes, messages).
// A vocabulary field without a schema property (or the reverse) is an error, so a new field
// cannot be forgotten on one side.

/** Where each vocabulary field list lives in the case schema. */
const SECTIONS = [
  { fields: 'headerFields', path: [] },
  { fields: 'patientFields', path: ['patient'] },
  { fields: 'smearFields', path: ['smear'] },
  { fields: 'marrowFields', path: ['marrow'] },
  { fields: 'answerFields', path: ['answer'] },
  { fields: 'questionFields', path: ['questions'] },
];

/** The object schema of a section: through `items` when the section may repeat. */
function sectionSchema(schema, path) {
  let node = schema;
  for (const name of path) {
    node = node.properties[name];
    if (node.type === 'array') node = node.items;
  }
  return node;
}

/** Returns a copy of the case schema with the vocabulary's words written in; throws on a mismatch. */
export function withVocabularyEnums(caseSchema, vocabulary) {
  const schema = structuredClone(caseSchema);
  const problems = [];
  for (const { fields, path } of SECTIONS) {
    const node = sectionSchema(schema, path);
    const place = path.length ? `[${path.join('.')}]` : 'the header';
    const keys = new Set(vocabulary[fields].map((f) => f.key));
    // In the header's object, the sections are properties too; they are not header fields.
    const fieldKeys = Object.keys(node.properties).filter((key) => !SECTIONS.some((s) => s.path[0] === key));
    for (const key of fieldKeys) if (!keys.has(key)) problems.push(`case.schema.json has ${place} \`${key}\`, which vocabulary.json's ${fields} lacks`);
    for (const field of vocabulary[fields]) {
      const property = node.properties[field.key];
      if (!property) {
        problems.push(`vocabulary.json's ${fields} has \`${field.key}\`, which case.schema.json ${place} lacks`);
        continue;
      }
      if (!field.values) continue;
      const words = vocabulary.enums[field.values]?.map((t) => t.id);
      if (!words) {
        problems.push(`\`${field.key}\` names the word list \`${field.values}\`, which vocabulary.json lacks`);
        continue;
      }
      const target = field.type === 'list' ? property.items : property;
      if (!target || !('enum' in target)) problems.push(`case.schema.json ${place} \`${field.key}\` has no enum to fill`);
      else target.enum = words;
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return schema;
}

/** The schema file's text as this repository writes JSON. */
export function schemaText(schema) {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
