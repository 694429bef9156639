// The derived indices are data (schemas/indices.json): the file validates against its schema,
// every reference in and to it resolves, the rules' RPI thresholds are the edges of the RPI's
// meaning bands (one truth for "below 2"), and the definitions are computed in dependency order.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import indicesSchema from '../../schemas/indices.schema.json';
import { LABS } from '../../server/src/core/catalog/labCatalog';
import { INDEX_DEFINITIONS, inDependencyOrder, meaningsOf, type IndexEntry } from '../../server/src/core/clinical/indexDefinitions';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { withHeader } from '../support/cases';

const SCHEMAS = path.join(__dirname, '..', '..', 'schemas');
const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8'));
const indicesFile = readJson('indices.json') as { indices: IndexEntry[] };
const labKeys = new Set(LABS.map((lab) => lab.key));
const indexIds = new Set(indicesFile.indices.map((entry) => entry.id));

/** Every `{ index, below | atLeast | above | atMost }` condition anywhere in a rules file. */
function indexThresholds(node: unknown, found: { index: string; edge: number }[] = []): { index: string; edge: number }[] {
  if (Array.isArray(node)) for (const item of node) indexThresholds(item, found);
  else if (node && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    if (typeof object.index === 'string') {
      for (const key of ['below', 'atLeast', 'above', 'atMost']) if (typeof object[key] === 'number') found.push({ index: object.index, edge: object[key] as number });
    }
    for (const value of Object.values(object)) indexThresholds(value, found);
  }
  return found;
}

/** Every string an expression reads as an input. */
function expressionReads(expression: unknown, reads: string[] = []): string[] {
  if (typeof expression === 'string') reads.push(expression);
  else if (Array.isArray(expression)) for (const x of expression) expressionReads(x, reads);
  else if (expression && typeof expression === 'object') for (const x of Object.values(expression)) expressionReads(x, reads);
  return reads;
}

describe('derived indices as data (schemas/indices.json)', () => {
  it('validates against its schema', () => {
    const validate = new Ajv({ allErrors: true }).compile(indicesSchema);
    assert.ok(validate(indicesFile), JSON.stringify(validate.errors, null, 2));
  });

  it('has unique ids', () => {
    assert.equal(indexIds.size, indicesFile.indices.length);
  });

  it('reads only labs of the catalog or other indices, and every formula reads only declared inputs', () => {
    for (const entry of indicesFile.indices) {
      for (const input of entry.inputs) assert.ok(labKeys.has(input) || indexIds.has(input), `${entry.id} reads unknown ${input}`);
      for (const read of expressionReads(entry.compute)) assert.ok(entry.inputs.includes(read), `${entry.id}'s formula reads ${read}, not among its inputs`);
      if (entry.statedAs) assert.ok(labKeys.has(entry.statedAs), `${entry.id} is stated as unknown lab ${entry.statedAs}`);
      if (entry.inlayHint) assert.ok(entry.inputs.includes(entry.inlayHint.line), `${entry.id}'s hint sits on ${entry.inlayHint.line}, not an input`);
    }
  });

  it('every index the mechanism rules and the consistency rules name is defined here', () => {
    for (const file of ['mechanisms.json', 'consistency.json']) {
      const named = new Set<string>();
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          const object = node as Record<string, unknown>;
          if (typeof object.index === 'string') named.add(object.index);
          Object.values(object).forEach(visit);
        }
      };
      visit(readJson(file));
      assert.ok(named.size > 0, `${file} names no index: the walk is broken`);
      for (const id of named) assert.ok(indexIds.has(id), `${file} names index ${id}, which schemas/indices.json does not define`);
    }
  });

  it('the mechanism rules threshold the RPI exactly at the edges of its meaning bands (one truth)', () => {
    const thresholds = indexThresholds(readJson('mechanisms.json'));
    const withMeanings = indicesFile.indices.filter((entry) => entry.meanings);
    assert.ok(withMeanings.some((entry) => entry.id === 'rpi'), 'the RPI has meaning bands');
    for (const entry of withMeanings) {
      const edges = new Set(entry.meanings!.bands.flatMap((band) => [band.below, band.atLeast]).filter((x): x is number => x !== undefined));
      const ruled = new Set(thresholds.filter((t) => t.index === entry.id).map((t) => t.edge));
      assert.ok(ruled.size > 0, `no rule thresholds ${entry.id}: the walk is broken`);
      assert.deepEqual([...ruled].sort(), [...edges].sort(), `${entry.id}: the rules' thresholds and the meaning bands' edges differ`);
    }
  });

  it('the rule labels and the meaning texts say the same of the RPI', () => {
    const rules = readJson('mechanisms.json') as { findings: Record<string, { label: string; when: unknown }> };
    const rpi = indicesFile.indices.find((entry) => entry.id === 'rpi')!;
    for (const band of rpi.meanings!.bands) {
      const edge = band.below ?? band.atLeast!;
      const matching = Object.values(rules.findings).filter((f) => indexThresholds(f.when).some((t) => t.index === 'rpi' && t.edge === edge));
      assert.ok(matching.some((f) => band.text.startsWith(f.label.split(':')[0])), `no rule is labelled like “${band.text}”`);
    }
  });

  it('computes indices in dependency order, whatever order the entries come in', () => {
    const reversed = [...indicesFile.indices].reverse();
    const order = inDependencyOrder(reversed).map((entry) => entry.id);
    assert.ok(order.indexOf('mcv') < order.indexOf('mentzer'), order.join(', '));
    assert.equal(order.length, reversed.length);
    // Free entries keep the file's order, so the file decides how they are listed.
    assert.deepEqual(INDEX_DEFINITIONS.map((d) => d.id), inDependencyOrder(indicesFile.indices).map((e) => e.id));
    assert.deepEqual(INDEX_DEFINITIONS.map((d) => d.id), indicesFile.indices.map((e) => e.id));
  });

  it('refuses indices that depend on each other in a circle', () => {
    assert.throws(() => inDependencyOrder([{ id: 'a', inputs: ['b'] }, { id: 'b', inputs: ['a'] }, { id: 'c', inputs: ['rbc'] }]), /a, b depend on each other/);
  });

  it('an index derived from another index (Mentzer from a calculated MCV) is computed and says which input was derived', () => {
    const { clinical } = analyzeCase(withHeader('\n[labs]\nhematocrit: 30 %\nrbc: 4.0 10^12/L\n'));
    const mentzer = clinical.panels[0].indices.get('mentzer');
    assert.equal(mentzer?.value, 18.75);
    assert.deepEqual(mentzer?.inputs.map((i) => [i.id, i.range === undefined]), [['mcv', true], ['rbc', false]]);
  });

  it('meaning bands: each band that holds, the anemia-only band only in anemia', () => {
    const rpi = INDEX_DEFINITIONS.find((d) => d.id === 'rpi')!;
    const texts = (value: number, anemic: boolean) => meaningsOf(rpi, value, anemic).map((band) => band.text);
    assert.deepEqual(texts(0.3, true), ['RPI below 0.5: almost no red-cell output.', 'RPI below 2 in anemia: the marrow is not answering.']);
    assert.deepEqual(texts(1.2, false), []);
    assert.deepEqual(texts(1.99, true), ['RPI below 2 in anemia: the marrow is not answering.']);
    assert.deepEqual(texts(2, false), ['RPI 2 or more: the marrow is answering.']);
  });

  it('a division by zero gives no index rather than infinity', () => {
    const { clinical } = analyzeCase(withHeader('\n[labs]\nhematocrit: 30 %\nrbc: 0 10^12/L\n'));
    assert.equal(clinical.panels[0].indices.has('mcv'), false);
    assert.equal(clinical.panels[0].indices.has('mentzer'), false);
  });
});
