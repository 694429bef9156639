// Derived indices for each labs panel, in canonical units whatever unit the case used. The
// definitions are data (schemas/indices.json, loaded by indexDefinitions.ts). Each result records
// its formula, its inputs with their source ranges, and the maturation band and the table's
// source when its formula uses one (the RPI), so a hover can show how it was reached.
import { findLabByLowercaseName } from '../catalog/labCatalog';
import { readableWords } from '../catalog/labels';
import type { LabPanel, LabResult } from '../model/caseModel';
import { quotedValue } from '../model/writtenValue';
import type { Range } from '../text';
import { INDEX_DEFINITIONS, type EvaluationContext, type IndexDefinition } from './indexDefinitions';
import type { ChosenBand, MaturationTable } from './maturation';

export { indexDefinition, INDEX_DEFINITIONS, INDEX_IDS } from './indexDefinitions';

export interface IndexInput {
  /** Catalog key of the lab, or the id of another index. */
  id: string;
  value: number;
  unit: string;
  /** Where the value was written; absent when the input was itself derived. */
  range?: Range;
  /** The lab line the value was read from (for quoting it as written); absent when derived. */
  result?: LabResult;
}

/** `reticulocytes 1.0 %`, `b12 111 pmol/L (= 150 pg/mL)`: a lab input as written, a derived one by its value. */
export function inputText(input: IndexInput, round: (value: number) => number = (v) => v): string {
  const written = input.result ? quotedValue(input.result) : undefined;
  return `${inputName(input.id)} ${written ?? `${round(input.value)}${input.unit ? ` ${input.unit}` : ''}`}`;
}

/** An input as the formulas say it: a key of one word as it is (`rbc`), a longer one in words (`total bilirubin`). */
function inputName(id: string): string {
  if (!id.includes('-')) return id;
  const name = findLabByLowercaseName(id)?.name;
  if (!name) return readableWords(id);
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

export interface ComputedIndex {
  id: string;
  name: string;
  value: number;
  unit: string;
  decimals: number;
  formula: string;
  inputs: IndexInput[];
  panel: string;
  panelIndex: number;
  /** The maturation band and table, when the formula uses one (the RPI). */
  band?: ChosenBand;
  table?: { id: string; name: string; source: string };
  /** The data entry: meaning bands, hover and inlay-hint settings, source. */
  definition: IndexDefinition;
}

/** The exact numeric value of a lab in a panel, in canonical units (comparators are inexact). */
function exactValue(result: LabResult | undefined): number | undefined {
  const value = result?.value;
  if (!value || value.kind !== 'number' || value.comparator) return undefined;
  const canonical = value.canonical ?? (value.unit ? undefined : value.number);
  return canonical !== undefined && Number.isFinite(canonical) ? canonical : undefined;
}

/**
 * Every index whose inputs the panel has. An index the case states itself (MCV, ANC, …) is
 * still computed when its inputs are present, under `calculated`, so the two can be compared;
 * it is listed among the panel's indices only when the case does not state it. `results` holds
 * the first line of each lab in the panel, by catalog key.
 */
export function computePanelIndices(panel: LabPanel, results: ReadonlyMap<string, { result: LabResult }>, table: MaturationTable): { indices: Map<string, ComputedIndex>; calculated: Map<string, ComputedIndex> } {
  const indices = new Map<string, ComputedIndex>();
  const calculated = new Map<string, ComputedIndex>();
  const inputOf = (id: string): IndexInput | undefined => {
    const result = results.get(id)?.result;
    const value = exactValue(result);
    if (value !== undefined && result?.lab) return { id, value, unit: result.lab.canonicalUnit ?? '', range: result.field.range, result };
    const derived = indices.get(id);
    return derived ? { id, value: derived.value, unit: derived.unit } : undefined;
  };
  const context: EvaluationContext = { table, band: undefined };
  // In dependency order, so an index that reads another finds it already computed.
  definitions: for (const definition of INDEX_DEFINITIONS) {
    // Most panels lack some input: look before building anything.
    for (const id of definition.inputs) {
      if (exactValue(results.get(id)?.result) === undefined && !indices.has(id)) continue definitions;
    }
    const inputs: IndexInput[] = [];
    const values: number[] = [];
    for (const id of definition.inputs) {
      const input = inputOf(id);
      if (!input) continue definitions;
      inputs.push(input);
      values.push(input.value);
    }
    context.band = undefined;
    const value = definition.evaluate(values, context);
    if (value === undefined || !Number.isFinite(value)) continue;
    const band = context.band;
    const index: ComputedIndex = {
      id: definition.id, name: definition.name, value, unit: definition.unit, decimals: definition.decimals, formula: definition.formula,
      inputs, panel: panel.label, panelIndex: panel.index,
      band, table: band ? table : undefined, definition,
    };
    if (definition.statedAs) {
      calculated.set(definition.id, index);
      if (results.has(definition.statedAs)) continue;
    }
    indices.set(definition.id, index);
  }
  return { indices, calculated };
}

export function formatIndexValue(index: Pick<ComputedIndex, 'value' | 'unit' | 'decimals'>): string {
  const text = index.value.toFixed(index.decimals);
  return index.unit ? `${text} ${index.unit}` : text;
}
