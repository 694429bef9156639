// Inlay hints: an index that asks for one (schemas/indices.json `inlayHint`: the RPI, at the end
// of the reticulocyte line) on each panel where it can be computed, and the canonical value
// beside a lab written in another unit (`61 g/L` → `= 6.1 g/dL`). Only hints inside the
// requested range, as the editor asks for the visible part.
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
  /** Hints of the indices that ask for one (the setting casewright.inlayHints.rpi). */
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
      // An index hint belongs beside the line the panel's indices were computed from.
      if (!options.rpi || reading.labs.get(lab.key)?.result !== result) continue;
      for (const index of reading.indices.values()) {
        const hint = index.definition.inlayHint;
        if (hint?.line === lab.key) hints.push({ position: end, label: `${hint.label} ${index.value.toFixed(index.decimals)}`, paddingLeft: true, tooltip: describeIndex(index) });
      }
    }
  }
  return hints;
}
