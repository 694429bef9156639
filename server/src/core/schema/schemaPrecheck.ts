// Tells, without building the projection, that a case surely passes case.schema.json. Nearly
// every case of a bank is valid, and projecting each into a JSON object only for the validator
// to walk it was a large share of `check`. The rules are read from the schema itself, so the
// schema stays the one source of what is allowed; the answer is only ever "surely valid" or
// "ask the validator": whatever the schema says that is not understood here (an unknown
// keyword, an unusual value) means "ask", and the generated validator gives the real answer
// and its messages. A test holds the two together on the samples, the vignettes and broken cases.
import caseSchema from '../../../../schemas/case.schema.json';
import { fieldSpecIndex, REPEATABLE_SECTIONS, type FieldSpec } from '../catalog/vocabulary';
import type { CaseModel } from '../model/caseModel';
import type { FieldNode } from '../syntax/syntaxTree';
import { PROJECTED_SECTIONS, projectedOccurrences, projectsAsText, projectValue } from './caseProjection';

/** What one schema node allows, as far as it is understood here. */
interface Rule {
  /** Whether a value surely passes the node (false: it may not, or the node is not understood). */
  accepts(value: unknown): boolean;
  /** For an object node (a section): what its fields may be. */
  object?: ObjectRule;
  /** For an array node: the rule for each item (each item is checked on its own). */
  items?: Rule;
  /** The node takes every string (`type: string` and nothing else that can fail). */
  anyString?: boolean;
}

interface ObjectRule {
  properties: Map<string, Rule>;
  required: readonly string[];
  /** `additionalProperties: false`. */
  closed: boolean;
}

/** Keywords that say nothing about validity (ours are the `x-` ones). */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const UNDERSTOOD = new Set(['type', 'pattern', 'minLength', 'minimum', 'maximum', 'enum', 'items', 'properties', 'additionalProperties', 'required']);

const NEVER: Rule = { accepts: () => false };

/** The keywords of the schema that are not understood here (the test keeps this empty). */
export const NOT_UNDERSTOOD: string[] = [];

function compile(node: unknown, where: string): Rule {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return notUnderstood(where);
  const schema = node as Record<string, unknown>;
  for (const keyword of Object.keys(schema)) {
    if (!UNDERSTOOD.has(keyword) && !ANNOTATIONS.has(keyword) && !keyword.startsWith('x-')) return notUnderstood(`${where}/${keyword}`);
  }
  const tests: ((value: unknown) => boolean)[] = [];
  const rule: Rule = { accepts: NEVER.accepts };
  const { type } = schema;
  if (type === 'string') tests.push((value) => typeof value === 'string');
  else if (type === 'number') tests.push((value) => typeof value === 'number' && Number.isFinite(value));
  else if (type === 'array') tests.push(Array.isArray);
  // An object is a section: its fields are checked one by one (checkFields), never as a value.
  else if (type === 'object') tests.push(() => false);
  else if (type !== undefined) return notUnderstood(`${where}/type`);

  if (typeof schema.pattern === 'string') {
    // As ajv builds it (its `unicodeRegExp` default); the pattern is the schema's (linearRegex.test.ts).
    const pattern = new RegExp(schema.pattern, 'u');
    tests.push((value) => typeof value === 'string' && pattern.test(value));
  } else if (schema.pattern !== undefined) return notUnderstood(`${where}/pattern`);
  if (typeof schema.minLength === 'number') {
    const least = schema.minLength;
    tests.push((value) => typeof value === 'string' && codePointsAtLeast(value, least));
  } else if (schema.minLength !== undefined) return notUnderstood(`${where}/minLength`);
  if (typeof schema.minimum === 'number') {
    const least = schema.minimum;
    tests.push((value) => typeof value === 'number' && value >= least);
  } else if (schema.minimum !== undefined) return notUnderstood(`${where}/minimum`);
  if (typeof schema.maximum === 'number') {
    const most = schema.maximum;
    tests.push((value) => typeof value === 'number' && value <= most);
  } else if (schema.maximum !== undefined) return notUnderstood(`${where}/maximum`);
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum) || !schema.enum.every((v) => typeof v === 'string')) return notUnderstood(`${where}/enum`);
    const allowed = new Set<unknown>(schema.enum);
    tests.push((value) => allowed.has(value));
  }
  if (schema.items !== undefined) {
    const items = compile(schema.items, `${where}/items`);
    rule.items = items;
    tests.push((value) => Array.isArray(value) && value.every((item) => items.accepts(item)));
  }
  if (schema.properties !== undefined || schema.required !== undefined || schema.additionalProperties !== undefined) {
    const object = compileObject(schema, where);
    if (!object) return NEVER;
    rule.object = object;
    if (type !== 'object') tests.push(() => false);
  }
  rule.accepts = allOf(tests);
  rule.anyString = type === 'string' && tests.length === 1;
  return rule;
}

/** The tests joined into one function (called for every field of every case). */
function allOf(tests: ((value: unknown) => boolean)[]): (value: unknown) => boolean {
  if (tests.length === 0) return () => true;
  return tests.reduce((joined, test) => (value) => joined(value) && test(value));
}

function compileObject(schema: Record<string, unknown>, where: string): ObjectRule | undefined {
  const { properties, required, additionalProperties } = schema;
  if (properties !== undefined && (!properties || typeof properties !== 'object' || Array.isArray(properties))) return void notUnderstood(`${where}/properties`);
  if (required !== undefined && (!Array.isArray(required) || !required.every((r) => typeof r === 'string'))) return void notUnderstood(`${where}/required`);
  if (additionalProperties !== undefined && additionalProperties !== false) return void notUnderstood(`${where}/additionalProperties`);
  const rules = new Map<string, Rule>();
  for (const [key, child] of Object.entries(properties ?? {})) rules.set(key, compile(child, `${where}/properties/${key}`));
  return { properties: rules, required: (required as string[] | undefined) ?? [], closed: additionalProperties === false };
}

function notUnderstood(where: string): Rule {
  NOT_UNDERSTOOD.push(where || '/');
  return NEVER;
}

/** Whether a string has at least `least` code points, as ajv counts a length. */
function codePointsAtLeast(text: string, least: number): boolean {
  if (text.length >= 2 * least) return true;
  let count = 0;
  for (let i = 0; i < text.length && count < least; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count >= least;
}

/** For each field key and alias of a section: its spec, its rule, which required key it gives. */
interface FieldRule {
  spec: FieldSpec | undefined;
  rule: Rule;
  /** A bit per required key of the section; 0 for a key that is not required. */
  requiredBit: number;
  /**
   * The field projects as its text (or, repeatable, an array of texts) and the schema takes any
   * text there: nothing to work out (most fields: notes, stems, explanations, diagnoses).
   */
  anyText: boolean;
}

interface SectionRules {
  fields: Map<string, FieldRule>;
  closed: boolean;
  /** Every required key's bit. */
  allRequired: number;
}

/** The projection's own keys beside the header fields. */
const PROJECTED_KEYS = new Set<string>([...PROJECTED_SECTIONS, 'questions']);
const ROOT = compile(caseSchema, '');
/** The header's and each projected section's rules; undefined where the schema is not understood. */
const SECTION_RULES = new Map<string, SectionRules | undefined>();
{
  const root = ROOT.object;
  SECTION_RULES.set('header', root && sectionRules('header', root));
  for (const name of [...PROJECTED_SECTIONS, 'question']) {
    const rule = root?.properties.get(name === 'question' ? 'questions' : name);
    const object = name === 'question' || REPEATABLE_SECTIONS.includes(name) ? rule?.items?.object : rule?.object;
    SECTION_RULES.set(name, object && sectionRules(name, object));
  }
}

function sectionRules(section: string, object: ObjectRule): SectionRules | undefined {
  if (object.required.length > 30) return undefined;
  const fields = new Map<string, FieldRule>();
  const bitOf = (key: string) => (object.required.includes(key) ? 1 << object.required.indexOf(key) : 0);
  // Keys the vocabulary knows, under every spelling, go by the key they stand for…
  for (const [name, spec] of fieldSpecIndex(section) ?? []) {
    const rule = object.properties.get(spec.key);
    // …and a header field named like a section would meet that section's object in the projection.
    if (rule && !(section === 'header' && PROJECTED_KEYS.has(spec.key))) {
      fields.set(name, { spec, rule, requiredBit: bitOf(spec.key), anyText: anyText(spec, rule) });
    }
  }
  // The schema's other properties are projected as the text they are.
  for (const [key, rule] of object.properties) {
    if (!fieldSpecIndex(section)?.has(key) && !(section === 'header' && PROJECTED_KEYS.has(key))) fields.set(key, { spec: undefined, rule, requiredBit: bitOf(key), anyText: anyText(undefined, rule) });
  }
  const allRequired = object.required.reduce((bits, key) => bits | bitOf(key), 0);
  return { fields, closed: object.closed, allRequired };
}

/** Whether projectValue gives the field's text as it is, and the rule takes any text. */
function anyText(spec: FieldSpec | undefined, rule: Rule): boolean {
  if (!projectsAsText(spec)) return false;
  return spec?.repeatable ? rule.items?.anyString === true : rule.anyString === true;
}

/** True only when case.schema.json surely holds no error for the case; false means: validate it. */
export function surelyValid(model: CaseModel): boolean {
  if (!checkFields('header', model.syntax.header)) return false;
  for (const name of PROJECTED_SECTIONS) {
    for (const section of projectedOccurrences(model, name)) if (!checkFields(name, section.fields)) return false;
  }
  for (const question of model.questions) if (!checkFields('question', question.section.fields)) return false;
  return true;
}

/**
 * Every field against the rule for its key. The projection keeps only the first field of a key
 * (later ones are a check of their own); all are checked here, which can only say "ask" more.
 */
function checkFields(section: string, fields: readonly FieldNode[]): boolean {
  const rules = SECTION_RULES.get(section);
  if (!rules) return false;
  let found = 0;
  for (const field of fields) {
    const entry = rules.fields.get(field.key);
    if (!entry) {
      // An unknown key, or one the schema does not describe (`constructor`, `__proto__` too).
      if (rules.closed || PROJECTED_KEYS.has(field.key) || field.key === '__proto__') return false;
      continue;
    }
    found |= entry.requiredBit;
    if (entry.anyText) continue;
    const value = projectValue(entry.spec, field);
    if (entry.spec?.repeatable ? !entry.rule.items?.accepts(value) : !entry.rule.accepts(value)) return false;
  }
  return found === rules.allRequired;
}

