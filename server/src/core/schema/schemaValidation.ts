// Validates the projected case against case.schema.json and turns each ajv error into a
// diagnostic at the exact source range, in words a teacher understands. The validator is ajv's
// standalone code for the schema, generated at build time (scripts/schema/buildValidator.mjs),
// so no run pays for compiling it; a test keeps it in step with the schema.
import type { ErrorObject } from 'ajv';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import { lineSpan, type Range } from '../text';
import { closestMatches, didYouMeanSentence } from '../util/didYouMean';
import { orList } from '../util/lists';
import type { CaseProjection } from './caseProjection';
import { surelyValid } from './schemaPrecheck';
import validateCase = require('./caseValidator.generated');

interface SchemaNode {
  [keyword: string]: unknown;
  properties?: Record<string, unknown>;
  enum?: unknown[];
}

export function validateProjection(projection: CaseProjection, firstLine: string): CaseDiagnostic[] {
  // Most cases are valid: told so without building the projection (schemaPrecheck.ts).
  if (surelyValid(projection.model) || validateCase(projection.json)) return [];
  const documentStart = lineSpan(0, 0, firstLine.length);
  const diagnostics: CaseDiagnostic[] = [];
  const seen = new Set<string>();
  for (const error of validateCase.errors ?? []) {
    const result = toDiagnostic(error, projection, documentStart);
    // allErrors can report one field twice (type and pattern); keep the first word on it.
    const key = `${result.range.start.line}:${result.range.start.character}:${result.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(result);
  }
  return diagnostics;
}

function toDiagnostic(error: ErrorObject, projection: CaseProjection, documentStart: Range): CaseDiagnostic {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const spot = projection.spot(error.instancePath);
  const where = spot?.valueRange ?? documentStart;
  const sectionName = typeof parent['x-section'] === 'string' ? parent['x-section'] : 'header';
  const fieldName = typeof parent['x-field'] === 'string' ? parent['x-field'] : lastSegment(error.instancePath);

  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const place = sectionName === 'header' ? 'The header' : `[${sectionName}]`;
      return diagnostic('error', 'missing-field', `${place} needs a \`${missing}:\` field.`, spot?.keyRange ?? documentStart);
    }
    case 'additionalProperties': {
      const unknown = String(error.params.additionalProperty);
      const known = propertyNames(parent);
      const unknownSpot = projection.spot(`${error.instancePath}/${unknown}`);
      const matches = closestMatches(unknown, known);
      const place = sectionName === 'header' ? 'header field' : `field in [${sectionName}]`;
      return diagnostic('error', 'unknown-field',
        `\`${unknown}\` is not a known ${place}.${didYouMeanSentence(matches)} Known: ${orList(known)}.`,
        unknownSpot?.keyRange ?? where, matches.length ? { replacements: matches } : undefined);
    }
    case 'enum': {
      const allowed = enumValues(parent);
      const typed = String(error.data);
      const matches = closestMatches(typed, allowed);
      const code = typeof parent['x-code'] === 'string' ? parent['x-code'] : 'unknown-value';
      // `mechanism: a, b`: each is a known value, but the field takes one. Offer each.
      const parts = typed.includes(',') ? typed.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean).slice(0, 5) : [];
      if (parts.length > 1 && parts.every((p) => allowed.includes(p))) {
        return diagnostic('error', code,
          `\`${fieldName}\` takes one value, and ${parts.length} are given. Keep the one that fits best: ${orList(parts.map((p) => `\`${p}\``))}.`,
          where, { replacements: parts, oneOnly: true });
      }
      return diagnostic('error', code,
        `\`${typed}\` is not a known value for \`${fieldName}\`.${didYouMeanSentence(matches)} Use one of: ${orList(allowed)}.`,
        where, matches.length ? { replacements: matches } : undefined);
    }
    default: {
      const code = typeof parent['x-code'] === 'string' ? parent['x-code'] : 'invalid-value';
      const message = typeof parent['x-message'] === 'string' ? parent['x-message'] : `\`${fieldName}\` has a value of the wrong form.`;
      return diagnostic('error', code, message, where);
    }
  }
}

function lastSegment(pointer: string): string {
  const segment = pointer.slice(pointer.lastIndexOf('/') + 1);
  return /^\d+$/.test(segment) ? lastSegment(pointer.slice(0, pointer.lastIndexOf('/'))) : segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * A schema node's property names and enum values, listed once per node: the same list object
 * each time lets the did-you-mean search remember its answers for a word (a bank repeats the
 * same unknown words in file after file).
 */
const namesByNode = new WeakMap<SchemaNode, string[]>();
const valuesByNode = new WeakMap<SchemaNode, string[]>();

function propertyNames(node: SchemaNode): string[] {
  let names = namesByNode.get(node);
  if (!names) namesByNode.set(node, (names = Object.keys(node.properties ?? {})));
  return names;
}

function enumValues(node: SchemaNode): string[] {
  let values = valuesByNode.get(node);
  if (!values) valuesByNode.set(node, (values = (node.enum ?? []).map(String)));
  return values;
}
