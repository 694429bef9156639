// Each lab line against the catalog: known name, a value of the right kind, an accepted unit,
// and a value a living patient can have. Out-of-reference values are findings, not errors.
import { writtenValue } from '../model/writtenValue';
import { LAB_NAMES, formatLabValue, type LabDefinition } from '../catalog/labCatalog';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { LabPanel, LabResult } from '../model/caseModel';
import { closestMatches, didYouMeanSentence } from '../util/didYouMean';
import { orList } from '../util/lists';

export function checkLabs(panels: LabPanel[]): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  for (const panel of panels) for (const result of panel.results) for (const d of checkLab(result)) diagnostics.push(d);
  return diagnostics;
}

function checkLab(result: LabResult): CaseDiagnostic[] {
  const { field, lab, value } = result;
  if (!lab) {
    const matches = closestMatches(result.name, LAB_NAMES);
    return [diagnostic('warning', 'unknown-lab',
      `\`${field.rawKey}\` is not in the lab catalog, so it gets no units, ranges or indices.${didYouMeanSentence(matches)}`,
      field.keyRange, matches.length ? { replacements: matches } : undefined)];
  }
  switch (value.kind) {
    case 'empty':
      return [diagnostic('error', 'missing-lab-value', `\`${field.rawKey}\` has no value.${example(lab)}`, field.keyRange)];
    case 'invalid':
      return [diagnostic('error', 'invalid-lab-value',
        `\`${value.text}\` is not a lab value.${/\d,\d/.test(value.text) ? ' Use a point for decimals and no thousands separator.' : ''}${example(lab)}`,
        value.range)];
    case 'word':
      if (lab.kind === 'qualitative') return checkQualitativeWord(lab, value.word, value.range);
      return [diagnostic('error', 'invalid-lab-value', `${lab.name} is measured as a number.${example(lab)}`, value.range)];
    case 'number':
      if (lab.kind === 'qualitative') {
        return [diagnostic('error', 'invalid-lab-value',
          `${lab.name} is reported as ${orList(lab.values ?? [])}, not as a number.`, value.numberRange)];
      }
      return checkQuantity(lab, result);
  }
}

function example(lab: LabDefinition): string {
  return lab.kind === 'qualitative'
    ? ` Write ${orList((lab.values ?? []).map((v) => `\`${v}\``))}.`
    : ` Write a number and a unit, like \`${lab.key}: ${formatLabValue(lab, lab.plausible?.low ?? 1)} ${lab.canonicalUnit}\`.`;
}

function checkQualitativeWord(lab: LabDefinition, word: string, range: CaseDiagnostic['range']): CaseDiagnostic[] {
  const values = lab.values ?? [];
  if (values.includes(word)) return [];
  // `neg`, `pos`: a result shortened is that result, if only one starts so.
  const spelt = word.length >= 3 ? values.filter((v) => v.startsWith(word)) : [];
  const matches = spelt.length === 1 ? spelt : closestMatches(word, values);
  return [diagnostic('error', 'invalid-lab-value',
    `\`${word}\` is not a result of ${lab.name}.${didYouMeanSentence(matches)} Use ${orList(values)}.`,
    range, matches.length ? { replacements: matches } : undefined)];
}

function checkQuantity(lab: LabDefinition, result: LabResult): CaseDiagnostic[] {
  const value = result.value;
  if (value.kind !== 'number') return [];
  const accepted = (lab.units ?? []).map((u) => u.unit);
  if (!value.unit) {
    return [diagnostic('warning', 'missing-unit',
      `${lab.name} has no unit; it is read as ${lab.canonicalUnit}. Write the unit: ${orList(accepted)}.`,
      value.numberRange, { replacements: [`${lab.canonicalUnit}`] })];
  }
  if (!value.unitDefinition) {
    const matches = closestMatches(value.unit, accepted);
    return [diagnostic('error', 'unit-not-accepted',
      `\`${value.unit}\` is not a unit for ${lab.name}.${didYouMeanSentence(matches)} Accepted: ${orList(accepted)}.`,
      value.unitRange ?? value.numberRange, { replacements: matches.length ? matches : accepted })];
  }
  const plausible = lab.plausible;
  const canonical = value.canonical ?? value.number;
  if (!plausible || !Number.isFinite(canonical) || (canonical >= plausible.low && canonical <= plausible.high)) {
    return Number.isFinite(canonical) ? [] : [diagnostic('error', 'implausible-value', `${value.number} is not a usable number.`, value.numberRange)];
  }
  // Which accepted unit would make this number plausible? That is usually the slip (61 → g/L).
  const fits = (lab.units ?? []).filter((u) => u !== value.unitDefinition && inside(value.number * u.factor, plausible));
  const limits = `${formatLabValue(lab, plausible.low)}–${formatLabValue(lab, plausible.high)} ${lab.canonicalUnit}`;
  const hint = fits.length ? ` Did you mean ${orList(fits.map((u) => `\`${value.number} ${u.unit}\``))}?` : '';
  const shown = value.unitDefinition.unit === lab.canonicalUnit ? '' : ` (${formatLabValue(lab, canonical)} ${lab.canonicalUnit})`;
  return [diagnostic('error', 'implausible-value',
    `${lab.name} ${writtenValue(result) ?? `${value.number} ${value.unit}`}${shown} is outside what a living patient can have (${limits}).${hint}`,
    value.unitRange ? { start: value.numberRange.start, end: value.unitRange.end } : value.numberRange,
    {
      replacements: fits.map((u) => `${value.number} ${u.unit}`),
      canonicalValues: fits.map((u) => `${formatLabValue(lab, value.number * u.factor)} ${lab.canonicalUnit}`),
    })];
}

function inside(value: number, limits: { low: number; high: number }): boolean {
  return value >= limits.low && value <= limits.high;
}
