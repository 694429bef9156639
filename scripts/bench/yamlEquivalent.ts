// The same case content as YAML, and a JSON schema equivalent to what Casewright checks on it
// (lab names, numeric values with plausibility limits, accepted units), for the comparison
// with yaml-language-server.
import { LABS } from '../../server/src/core/catalog/labCatalog';

export function caseToYaml(text: string): string {
  const out: string[] = [];
  let inLabs = false;
  for (const line of text.split('\n')) {
    const section = /^\[labs(?::\s*(.*))?\]$/.exec(line);
    if (section) {
      if (!inLabs) out.push('labs:');
      inLabs = true;
      out.push(`  - qualifier: ${section[1] ?? 'initial'}`);
      continue;
    }
    if (/^\[/.test(line)) {
      inLabs = false;
      out.push(`${line.slice(1, -1)}:`);
      continue;
    }
    const field = /^([a-z0-9-]+):\s*(.*)$/.exec(line);
    if (!field) continue;
    if (inLabs) {
      const [number, ...unit] = field[2].split(' ');
      out.push(`    ${field[1]}:`, `      value: ${number}`, `      unit: ${unit.join(' ')}`);
    } else {
      out.push(`${/^(case|title)$/.test(field[1]) ? '' : '  '}${field[1]}: ${JSON.stringify(field[2])}`);
    }
  }
  return out.join('\n') + '\n';
}

const labProperties = Object.fromEntries(LABS.filter((lab) => lab.kind === 'quantitative').map((lab) => [lab.key, {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'unit'],
  properties: {
    value: { type: 'number', minimum: lab.plausible!.low, maximum: lab.plausible!.high },
    unit: { enum: (lab.units ?? []).map((u) => u.unit) },
  },
}]));

export const YAML_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['case', 'title'],
  properties: {
    case: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
    title: { type: 'string' },
    patient: { type: 'object' },
    history: { type: ['object', 'null', 'string'] },
    answer: { type: 'object' },
    labs: {
      type: 'array',
      items: { type: 'object', required: ['qualifier'], properties: { qualifier: { type: 'string' }, ...labProperties }, additionalProperties: false },
    },
  },
};
