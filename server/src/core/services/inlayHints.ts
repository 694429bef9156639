// Inlay hints: the RPI at the end of each reticulocyte line, and the canonical value beside a
// lab written in another unit.
import type { CaseAnalysis } from '../analyzeCase';
import { formatLabValue } from '../catalog/labCatalog';
import { describeIndex } from '../clinical/explainReport';
import type { Position, Range } from '../text';

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
  const inRange = (line: number) => line >= range.start.line && line <= range.end.line;
  for (const reading of analysis.clinical.panels) {
    for (const result of reading.panel.results) {
      const line = result.field.range.end.line;
      if (!inRange(line) || !result.lab) continue;
      const end = result.field.range.end;
      const value = result.value;
      const labReading = reading.labs.get(result.lab.key);
      if (options.conversions && value.kind === 'number' && value.unitDefinition && value.unitDefinition.unit !== result.lab.canonicalUnit && labReading?.value !== undefined) {
        hints.push({ position: end, label: `= ${formatLabValue(result.lab, labReading.value)} ${result.lab.canonicalUnit}`, paddingLeft: true });
      }
      const rpi = reading.indices.get('rpi');
      if (options.rpi && rpi && result.lab.key === 'reticulocytes') {
        hints.push({ position: end, label: `RPI ${rpi.value.toFixed(2)}`, paddingLeft: true, tooltip: describeIndex(rpi) });
      }
    }
  }
  return hints;
}
