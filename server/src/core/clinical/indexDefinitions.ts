// The derived indices as data (schemas/indices.json): each entry's formula is an expression the
// core compiles once, here, into a small function; the entries are put in dependency order (an
// index that reads another comes after it), whatever order the file lists them in.
import indicesJson from '../../../../schemas/indices.json';
import { bandFor, type ChosenBand, type MaturationTable } from './maturation';

export type IndexExpression =
  | number
  | string
  | { add: IndexExpression[] }
  | { subtract: IndexExpression[] }
  | { multiply: IndexExpression[] }
  | { divide: IndexExpression[] }
  | { maturationDays: string };

export interface MeaningBand {
  readonly below?: number;
  readonly atLeast?: number;
  /** The band means this only when the panel shows anemia. */
  readonly inAnemia?: boolean;
  readonly text: string;
}

/** One entry of schemas/indices.json, as the file has it. */
export interface IndexEntry {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly decimals: number;
  readonly inputs: readonly string[];
  readonly formula: string;
  readonly compute: IndexExpression;
  readonly statedAs?: string;
  readonly source: string;
  readonly hover?: 'summary' | 'full';
  readonly inlayHint?: { readonly line: string; readonly label: string };
  readonly meanings?: { readonly source: string; readonly bands: readonly MeaningBand[] };
}

/** What one evaluation needs besides the input values: the RPI's table, and where its band goes. */
export interface EvaluationContext {
  table: MaturationTable;
  band: ChosenBand | undefined;
}

/** Input values in the order of `inputs`; undefined when the value cannot be computed. */
type Compiled = (values: readonly number[], context: EvaluationContext) => number | undefined;

export interface IndexDefinition extends IndexEntry {
  readonly evaluate: Compiled;
}

const OPERATIONS = {
  add: (a: number, b: number) => a + b,
  subtract: (a: number, b: number) => a - b,
  multiply: (a: number, b: number) => a * b,
  // A division by zero or a negative count gives no value (an rbc of 0 is a typo, not infinity).
  divide: (a: number, b: number) => (b > 0 ? a / b : undefined),
} as const;

function compile(expression: IndexExpression, inputs: readonly string[], id: string): Compiled {
  if (typeof expression === 'number') return () => expression;
  if (typeof expression === 'string') {
    const position = inputs.indexOf(expression);
    if (position < 0) throw new Error(`index ${id}: the formula reads '${expression}', which is not among its inputs`);
    return (values) => values[position];
  }
  if ('maturationDays' in expression) {
    const read = compile(expression.maturationDays, inputs, id);
    return (values, context) => {
      const hematocrit = read(values, context);
      if (hematocrit === undefined) return undefined;
      context.band = bandFor(context.table, hematocrit);
      return context.band.days;
    };
  }
  const [name, operands] = Object.entries(expression)[0] as [keyof typeof OPERATIONS, IndexExpression[]];
  const operation = OPERATIONS[name];
  const parts = operands.map((operand) => compile(operand, inputs, id));
  // Left to right, as the formula reads: ((a op b) op c), so results match arithmetic by hand.
  return (values, context) => {
    let result = parts[0](values, context);
    for (let i = 1; i < parts.length && result !== undefined; i++) {
      const next = parts[i](values, context);
      result = next === undefined ? undefined : operation(result, next);
    }
    return result;
  };
}

/**
 * The entries in dependency order: an index whose input is another index comes after it. Among
 * entries free to go, the file's order is kept, so the file decides the display order.
 */
export function inDependencyOrder<T extends Pick<IndexEntry, 'id' | 'inputs'>>(entries: readonly T[]): T[] {
  const ids = new Set(entries.map((e) => e.id));
  const placed = new Set<string>();
  const ordered: T[] = [];
  while (ordered.length < entries.length) {
    const next = entries.find((e) => !placed.has(e.id) && e.inputs.every((input) => !ids.has(input) || placed.has(input)));
    if (!next) {
      const stuck = entries.filter((e) => !placed.has(e.id)).map((e) => e.id);
      throw new Error(`indices ${stuck.join(', ')} depend on each other in a circle`);
    }
    placed.add(next.id);
    ordered.push(next);
  }
  return ordered;
}

const ENTRIES = (indicesJson as unknown as { indices: IndexEntry[] }).indices;

/** Every index, in the order it is computed (and listed). */
export const INDEX_DEFINITIONS: readonly IndexDefinition[] = inDependencyOrder(ENTRIES)
  .map((entry) => Object.freeze({ ...entry, evaluate: compile(entry.compute, entry.inputs, entry.id) }));

export const INDEX_IDS: readonly string[] = INDEX_DEFINITIONS.map((d) => d.id);

/** The index with this id (`rpi`), if there is one. */
export function indexDefinition(id: string | undefined): IndexDefinition | undefined {
  return INDEX_DEFINITIONS.find((d) => d.id === id);
}

/** The meaning bands that hold for a value; `anemic` says whether the panel shows anemia. */
export function meaningsOf(definition: IndexEntry, value: number, anemic: boolean): readonly MeaningBand[] {
  return (definition.meanings?.bands ?? []).filter((band) =>
    (band.below === undefined || value < band.below)
    && (band.atLeast === undefined || value >= band.atLeast)
    && (!band.inAnemia || anemic));
}
