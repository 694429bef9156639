// Inlay hints: the RPI at the end of the reticulocyte line of each panel where it can be
// computed, and the canonical value beside a lab written in another unit (`61 g/L` → `= 6.1
// g/dL`). Only hints inside the requested range, as the editor asks for the visible part.
import type { CaseAnalysis } from '../analyzeCase';
import { formatLabValue } from '../catalog/labCatalog';
import { describeIndex } from '../clinical/explainReport';
import { rangeContains, type Position, type Range } from '../text';

export interface InlayHintResult {
  position: Position;
  label: string;
  paddingLeft: boolean;
  tooltip?: string;
}

export interface InlayHintOptions {
  rpi: boolean;
  conversions: boolean;
}

export function inlayHints(analysis: CaseAnalysis, range: Range, options: InlayHintOptions): InlayHintResult[] {
  const hints: InlayHintResult[] = [];
  for (const reading of analysis.clinical.panels) {
    for (const result of reading.panel.results) {
      const { lab, value } = result;
      const end = result.field.range.end;
      if (!lab || !rangeContains(range, end)) continue;
      // Read from the line itself, not the panel's reading: a repeated lab has its own value.
      if (options.conversions && value.kind === 'number' && value.canonical !== undefined && value.unitDefinition && value.unitDefinition.unit !== lab.canonicalUnit) {
        hints.push({ position: end, label: `= ${value.comparator ?? ''}${formatLabValue(lab, value.canonical)} ${lab.canonicalUnit}`, paddingLeft: true });
      }
      // The RPI belongs beside the reticulocyte line the panel's indices were computed from.
      const rpi = reading.indices.get('rpi');
      if (options.rpi && rpi && lab.key === 'reticulocytes' && reading.labs.get(lab.key)?.result === result) {
        hints.push({ position: end, label: `RPI ${rpi.value.toFixed(2)}`, paddingLeft: true, tooltip: describeIndex(rpi) });
      }
    }
  }
  return hints;
}
