// The clinical reading of a case, built once per document version and shared by the
// diagnostics, hovers, `casewright explain` and the preview.
import { defaultMaturationTable, type MaturationTable } from './maturation';
import { rankMechanisms, type MechanismRanking } from './mechanismEngine';
import { readPanels, type PanelReading } from './panelAnalysis';
import type { CaseModel } from '../model/caseModel';

export interface ClinicalAnalysis {
  panels: PanelReading[];
  mechanisms: MechanismRanking;
  table: MaturationTable;
}

export function analyzeClinically(model: CaseModel, table: MaturationTable = defaultMaturationTable()): ClinicalAnalysis {
  const panels = readPanels(model, table);
  return { panels, mechanisms: rankMechanisms(model, panels), table };
}
