// Per-panel clinical reading: each lab's canonical value and flag, and the derived indices.
import { findLab, type LabDefinition } from '../catalog/labCatalog';
import type { CaseModel, Comparator, LabPanel, LabResult } from '../model/caseModel';
import type { Range } from '../text';
import { flagQuantity, flagWord, type FlagResult } from './flags';
import { computePanelIndices, type ComputedIndex } from './indices';
import type { MaturationTable } from './maturation';

export interface LabReading {
  key: string;
  lab: LabDefinition;
  result: LabResult;
  /** Canonical numeric value (absent for words and unusable numbers). */
  value?: number;
  comparator?: Comparator;
  word?: string;
  flag?: FlagResult;
  range: Range;
}

export interface PanelReading {
  panel: LabPanel;
  labs: Map<string, LabReading>;
  /** Indices the panel shows (derived values the case does not state). */
  indices: Map<string, ComputedIndex>;
  /** Every calculable index, including ones the case states (for consistency checks). */
  calculated: Map<string, ComputedIndex>;
  /** Flags of derived values that are labs in the catalog (indirect bilirubin, ANC, …). */
  indexFlags: Map<string, FlagResult>;
}

export function readPanels(model: CaseModel, table: MaturationTable): PanelReading[] {
  return model.panels.map((panel) => readPanel(model, panel, table));
}

function readPanel(model: CaseModel, panel: LabPanel, table: MaturationTable): PanelReading {
  const labs = new Map<string, LabReading>();
  for (const result of panel.results) {
    const lab = result.lab;
    if (!lab || labs.has(lab.key)) continue;
    const reading: LabReading = { key: lab.key, lab, result, range: result.field.range };
    const value = result.value;
    if (value.kind === 'number' && lab.kind === 'quantitative') {
      const canonical = value.canonical ?? (value.unit ? undefined : value.number);
      if (canonical !== undefined && Number.isFinite(canonical)) {
        reading.value = canonical;
        if (value.comparator) reading.comparator = value.comparator;
        reading.flag = flagQuantity(lab, canonical, model.patient, value.comparator);
      }
    } else if (value.kind === 'word' && lab.kind === 'qualitative') {
      reading.word = value.word;
      reading.flag = flagWord(lab, value.word);
    }
    labs.set(lab.key, reading);
  }
  const { indices, calculated } = computePanelIndices(panel, table);
  const indexFlags = new Map<string, FlagResult>();
  for (const index of indices.values()) {
    const lab = findLab(index.id);
    const flag = lab?.kind === 'quantitative' ? flagQuantity(lab, index.value, model.patient) : undefined;
    if (flag) indexFlags.set(index.id, flag);
  }
  return { panel, labs, indices, calculated, indexFlags };
}
