// Derived indices for each labs panel, in canonical units whatever unit the case used. Each
// result records its formula, its inputs with their source ranges, and (for the RPI) the
// maturation band and the table's source, so a hover can show how it was reached.
import type { LabPanel, LabResult } from '../model/caseModel';
import type { Range } from '../text';
import { bandFor, type ChosenBand, type MaturationTable } from './maturation';

export interface IndexInput {
  /** Catalog key of the lab, or the id of another index. */
  id: string;
  value: number;
  unit: string;
  /** Where the value was written; absent when the input was itself derived. */
  range?: Range;
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
  /** The maturation band and table, for the RPI. */
  band?: ChosenBand;
  table?: { id: string; name: string; source: string };
}

interface IndexDefinition {
  id: string;
  name: string;
  unit: string;
  /** Decimals to show. */
  decimals: number;
  formula: string;
  /** Exactly two: every contract formula combines two values. */
  inputs: [string, string];
  /** A lab the case may state itself: then it is not derived (a consistency check compares). */
  statedAs?: string;
  /** For the RPI: the maturation band the inputs fall in, worked out before `compute`. */
  band?(first: number, second: number, table: MaturationTable): ChosenBand;
  /** The value from the two inputs in order (and the band, for the RPI), or undefined when it cannot be computed. */
  compute(first: number, second: number, band: ChosenBand | undefined): number | undefined;
}

/** Inputs are canonical: %, 10^12/L, g/dL, fL, mg/dL, ug/dL, 10^9/L. */
export const INDEX_DEFINITIONS: readonly IndexDefinition[] = [
  {
    id: 'mcv', decimals: 1, name: 'MCV (calculated)', unit: 'fL', formula: 'hematocrit × 10 / rbc', inputs: ['hematocrit', 'rbc'], statedAs: 'mcv',
    compute: (hct, rbc) => (rbc > 0 ? (hct * 10) / rbc : undefined),
  },
  {
    id: 'mch', decimals: 1, name: 'MCH (calculated)', unit: 'pg', formula: 'hemoglobin × 10 / rbc', inputs: ['hemoglobin', 'rbc'], statedAs: 'mch',
    compute: (hb, rbc) => (rbc > 0 ? (hb * 10) / rbc : undefined),
  },
  {
    id: 'mchc', decimals: 1, name: 'MCHC (calculated)', unit: 'g/dL', formula: 'hemoglobin × 100 / hematocrit', inputs: ['hemoglobin', 'hematocrit'], statedAs: 'mchc',
    compute: (hb, hct) => (hct > 0 ? (hb * 100) / hct : undefined),
  },
  {
    id: 'corrected-reticulocytes', decimals: 2, name: 'Corrected reticulocyte count', unit: '%', formula: 'reticulocytes × hematocrit / 45',
    inputs: ['reticulocytes', 'hematocrit'],
    compute: (retic, hct) => (retic * hct) / 45,
  },
  {
    id: 'rpi', decimals: 2, name: 'Reticulocyte production index', unit: '', formula: 'corrected reticulocytes / maturation time (days, by hematocrit)',
    inputs: ['reticulocytes', 'hematocrit'],
    band: (_retic, hct, table) => bandFor(table, hct),
    compute: (retic, hct, band) => (band ? (retic * hct) / 45 / band.days : undefined),
  },
  {
    id: 'absolute-reticulocytes', decimals: 0, name: 'Absolute reticulocyte count', unit: '10^9/L', formula: 'reticulocytes / 100 × rbc × 1000',
    inputs: ['reticulocytes', 'rbc'],
    compute: (retic, rbc) => (retic / 100) * rbc * 1000,
  },
  {
    id: 'mentzer', decimals: 1, name: 'Mentzer index', unit: '', formula: 'mcv / rbc', inputs: ['mcv', 'rbc'],
    compute: (mcv, rbc) => (rbc > 0 ? mcv / rbc : undefined),
  },
  {
    id: 'transferrin-saturation', decimals: 0, name: 'Transferrin saturation (calculated)', unit: '%', formula: 'iron / tibc × 100',
    inputs: ['iron', 'tibc'], statedAs: 'transferrin-saturation',
    compute: (iron, tibc) => (tibc > 0 ? (iron / tibc) * 100 : undefined),
  },
  {
    id: 'anc', decimals: 2, name: 'Absolute neutrophil count (calculated)', unit: '10^9/L', formula: 'wbc × neutrophils / 100',
    inputs: ['wbc', 'neutrophils'], statedAs: 'anc',
    compute: (wbc, neut) => (wbc * neut) / 100,
  },
  {
    id: 'bilirubin-indirect', decimals: 1, name: 'Indirect bilirubin (calculated)', unit: 'mg/dL', formula: 'bilirubin-total − bilirubin-direct',
    inputs: ['bilirubin-total', 'bilirubin-direct'], statedAs: 'bilirubin-indirect',
    compute: (total, direct) => total - direct,
  },
];

export const INDEX_IDS: readonly string[] = INDEX_DEFINITIONS.map((d) => d.id);

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
    if (value !== undefined && result?.lab) return { id, value, unit: result.lab.canonicalUnit ?? '', range: result.field.range };
    const derived = indices.get(id);
    return derived ? { id, value: derived.value, unit: derived.unit } : undefined;
  };
  for (const definition of INDEX_DEFINITIONS) {
    // Every index takes two inputs; most panels lack one of them, so look before building.
    const first = inputOf(definition.inputs[0]);
    if (!first) continue;
    const second = inputOf(definition.inputs[1]);
    if (!second) continue;
    const band = definition.band?.(first.value, second.value, table);
    const value = definition.compute(first.value, second.value, band);
    if (value === undefined || !Number.isFinite(value)) continue;
    const index: ComputedIndex = {
      id: definition.id, name: definition.name, value, unit: definition.unit, decimals: definition.decimals, formula: definition.formula,
      inputs: [first, second], panel: panel.label, panelIndex: panel.index,
      band, table: band ? table : undefined,
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
