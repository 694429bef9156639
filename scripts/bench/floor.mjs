// The floor for `casewright check`: only read every file, split it into lines, match each
// `key: value` line, and run one compiled ajv validation per file. Nothing Casewright does
// can be cheaper than this; the benchmark reports check's time as a multiple of it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';

const schema = JSON.parse(readFileSync(new URL('../../schemas/case.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const FIELD = /^([A-Za-z0-9][A-Za-z0-9.\-]*)[ \t]*:(.*)$/;

function walk(folder, out) {
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.case')) out.push(full);
  }
  return out;
}

let fields = 0;
let invalid = 0;
for (const file of walk(process.argv[2], [])) {
  const header = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = FIELD.exec(line);
    if (!match) continue;
    fields++;
    if (!(match[1] in header)) header[match[1].toLowerCase()] = match[2].trim();
  }
  if (!validate({ case: header.case, title: header.title })) invalid++;
}
console.log(`${fields} fields, ${invalid} invalid`);
