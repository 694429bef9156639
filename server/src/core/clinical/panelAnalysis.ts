// Per-panel clinical reading: each lab's canonical value and flag, and the derived indices.
import { findLabByLowercaseName, type LabDefinition } from '../catalog/labCatalog';
import type { CaseModel, Comparator, LabPanel, LabResult, Patient } from '../model/caseModel';
import type { Range } from '../text';
import { flagQuantity, flagWord, isLow, type FlagResult } from './flags';
import { computePanelIndices, INDEX_DEFINITIONS, type ComputedIndex } from './indices';
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
  readonly panel: LabPanel;
  readonly labs: Map<string, LabReading>;
  /** Indices the panel shows (derived values the case does not state). */
  readonly indices: Map<string, ComputedIndex>;
  /** Every calculable index, including ones the case states (for consistency checks). */
  readonly calculated: Map<string, ComputedIndex>;
  /** Flags of derived values that are labs in the catalog (indirect bilirubin, ANC, …). */
  readonly indexFlags: ReadonlyMap<string, FlagResult>;
}

/**
 * A panel's reading. The flags of its indices are worked out when first read: only a rule on a
 * derived lab (the ANC, indirect bilirubin) and the hover read them, and `check` on a bank
 * reads them for few panels.
 */
class Reading implements PanelReading {
  private flags?: Map<string, FlagResult>;

  constructor(
    readonly panel: LabPanel,
    readonly labs: Map<string, LabReading>,
    readonly indices: Map<string, ComputedIndex>,
    readonly calculated: Map<string, ComputedIndex>,
    private readonly patient: Patient,
  ) {}

  get indexFlags(): ReadonlyMap<string, FlagResult> {
    if (!this.flags) {
      const flags = new Map<string, FlagResult>();
      for (const index of this.indices.values()) {
        const lab = INDEX_LABS.get(index.id);
        const flag = lab?.kind === 'quantitative' ? flagQuantity(lab, index.value, this.patient) : undefined;
        if (flag) flags.set(index.id, flag);
      }
      this.flags = flags;
    }
    return this.flags;
  }
}

/** Whether the panel shows anemia (low hemoglobin or hematocrit): some index meanings need it. */
export function showsAnemia(reading: PanelReading): boolean {
  return isLow(reading.labs.get('hemoglobin')?.flag?.flag) || isLow(reading.labs.get('hematocrit')?.flag?.flag);
}

/** The catalog lab of each index that is also a lab (indirect bilirubin, ANC, …), looked up once. */
const INDEX_LABS = new Map(INDEX_DEFINITIONS.map((definition) => [definition.id, findLabByLowercaseName(definition.id)]));

export function readPanels(model: CaseModel, table: MaturationTable): PanelReading[] {
  return model.panels.map((panel) => readPanel(model, panel, table));
}

function readPanel(model: CaseModel, panel: LabPanel, table: MaturationTable): PanelReading {
  const labs = new Map<string, LabReading>();
  for (const result of panel.results) {
    const lab = result.lab;
    if (!lab || labs.has(lab.key)) continue;
    // Every reading is built with the same properties in the same order (absent ones
    // undefined), so the engine sees one object shape and its code stays optimized.
    let canonical: number | undefined;
    let comparator: Comparator | undefined;
    let word: string | undefined;
    let flag: FlagResult | undefined;
    const value = result.value;
    if (value.kind === 'number' && lab.kind === 'quantitative') {
      const converted = value.canonical ?? (value.unit ? undefined : value.number);
      if (converted !== undefined && Number.isFinite(converted)) {
        canonical = converted;
        comparator = value.comparator;
        flag = flagQuantity(lab, converted, model.patient, value.comparator);
      }
    } else if (value.kind === 'word' && lab.kind === 'qualitative') {
      word = value.word;
      flag = flagWord(lab, value.word);
    }
    const reading: LabReading = { key: lab.key, lab, result, value: canonical, comparator, word, flag, range: result.field.range };
    labs.set(lab.key, reading);
  }
  const { indices, calculated } = computePanelIndices(panel, labs, table);
  return new Reading(panel, labs, indices, calculated, model.patient);
}
