// A stated value that the case's other values contradict (schemas/consistency.json).
import consistencyJson from '../../../../schemas/consistency.json';
import { formatLabValue } from '../catalog/labCatalog';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import { quotedValue } from '../model/writtenValue';
import { formatIndexValue, inputText } from './indices';
import type { PanelReading } from './panelAnalysis';

interface ConsistencyRule {
  lab: string;
  index: string;
  absolute?: number;
  relative?: number;
  why: string;
}

const RULES = (consistencyJson as { rules: ConsistencyRule[] }).rules;

export function checkConsistency(panels: PanelReading[]): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  for (const reading of panels) {
    for (const rule of RULES) {
      const stated = reading.labs.get(rule.lab);
      const calculated = reading.calculated.get(rule.index);
      if (!stated || stated.value === undefined || stated.comparator || !calculated) continue;
      const difference = Math.abs(stated.value - calculated.value);
      const withinAbsolute = rule.absolute !== undefined && difference <= rule.absolute + 1e-9;
      const withinRelative = rule.relative !== undefined && difference <= rule.relative * Math.abs(calculated.value) + 1e-9;
      if (withinAbsolute || withinRelative) continue;
      const inputs = calculated.inputs.map((i) => inputText(i)).join(', ');
      const given = quotedValue(stated.result) ?? `${formatLabValue(stated.lab, stated.value)} ${stated.lab.canonicalUnit}`;
      const value = stated.result.value;
      const range = value.kind === 'number' ? { start: value.numberRange.start, end: value.unitRange?.end ?? value.numberRange.end } : stated.range;
      diagnostics.push(diagnostic('warning', 'inconsistent-value',
        `${stated.lab.name} is given as ${given}, but the case's own values give ${formatIndexValue(calculated)} (${inputs}). ${rule.why}`,
        range, { replacements: [`${calculated.value.toFixed(calculated.decimals)} ${stated.lab.canonicalUnit}`], calculated: calculated.value }));
    }
  }
  return diagnostics;
}
