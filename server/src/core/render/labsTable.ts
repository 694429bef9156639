// A labs panel as a table: value as written, canonical conversion, this patient's reference
// range, a flag that does not rely on colour alone, and the derived indices with formulas.
import { formatLabValue, type LabDefinition } from '../catalog/labCatalog';
import type { Flag } from '../clinical/flags';
import { formatIndexValue } from '../clinical/indices';
import { describeIndex } from '../clinical/explainReport';
import type { PanelReading } from '../clinical/panelAnalysis';
import type { LabResult } from '../model/caseModel';
import { writtenNumber } from '../model/writtenValue';
import { escapeHtml, lineAttribute } from './escape';

const FLAG_LABEL: Record<Flag, { symbol: string; text: string }> = {
  'critical-low': { symbol: '‼↓', text: 'critical low' },
  low: { symbol: '↓', text: 'low' },
  normal: { symbol: '', text: 'normal' },
  high: { symbol: '↑', text: 'high' },
  'critical-high': { symbol: '‼↑', text: 'critical high' },
  abnormal: { symbol: '!', text: 'abnormal' },
};

/** A panel's stage as the table and the charts name it: its qualifier, or "At presentation". */
export function panelStageName(reading: PanelReading): string {
  return reading.panel.qualifier || 'At presentation';
}

export function renderPanelTitle(reading: PanelReading): string {
  return escapeHtml(panelStageName(reading));
}

/** The panel's table; the derived indices in `hidden` are left out (the learner view's choice). */
export function renderLabsTable(reading: PanelReading, hidden: ReadonlySet<string> = new Set()): string {
  const rows = reading.panel.results.map((result) => renderRow(result, reading)).join('');
  const indices = [...reading.indices.values()].filter((index) => !hidden.has(index.id));
  const indexRows = indices.map((index) => {
    const formula = escapeHtml(describeIndex(index));
    return `<tr class="index" data-index="${escapeHtml(index.id)}"><th scope="row"><abbr title="${formula}" tabindex="0">${escapeHtml(index.name)}</abbr></th>`
      + `<td class="value">${escapeHtml(formatIndexValue({ ...index, unit: '' }))}</td><td>${escapeHtml(index.unit)}</td>`
      + `<td class="formula" colspan="2">${escapeHtml(index.formula)}</td></tr>`;
  }).join('');
  return `<table class="labs"${lineAttribute(reading.panel.section.headerRange.start.line)}>`
    + '<thead><tr><th scope="col">Test</th><th scope="col">Result</th><th scope="col">Unit</th><th scope="col">Reference range</th><th scope="col">Flag</th></tr></thead>'
    + `<tbody>${rows}</tbody>`
    + (indexRows ? `<tbody class="indices"><tr><th colspan="5" scope="rowgroup">Derived indices</th></tr>${indexRows}</tbody>` : '')
    + '</table>';
}

function renderRow(result: LabResult, reading: PanelReading): string {
  const lab = result.lab;
  const labReading = lab ? reading.labs.get(lab.key) : undefined;
  const line = lineAttribute(result.field.range.start.line);
  const name = labName(lab, result.field.rawKey);
  const value = result.value;
  let shown = escapeHtml(result.field.value);
  let unit = '';
  if (value.kind === 'number') {
    // The number as the author wrote it: `1.0 %` stays `1.0`, not the parsed 1.
    shown = escapeHtml(`${value.comparator ?? ''}${writtenNumber(result) ?? value.number}`);
    unit = escapeHtml(value.unit ?? lab?.canonicalUnit ?? '');
    if (lab && labReading?.value !== undefined && value.unit && value.unitDefinition && value.unitDefinition.unit !== lab.canonicalUnit) {
      unit += ` <span class="converted">(= ${escapeHtml(formatLabValue(lab, labReading.value))} ${escapeHtml(lab.canonicalUnit ?? '')})</span>`;
    }
  }
  const range = labReading?.flag?.range;
  const reference = lab && range ? escapeHtml(formatRange(lab, range.low, range.high)) : '';
  const referenceTitle = range ? ` title="${escapeHtml(range.text)}"` : '';
  const flag = labReading?.flag?.flag;
  const flagCell = flag && flag !== 'normal'
    ? `<td class="flag flag-${flag}"><span aria-hidden="true">${FLAG_LABEL[flag].symbol}</span> ${FLAG_LABEL[flag].text}</td>`
    : '<td class="flag"></td>';
  const rowClass = flag && flag !== 'normal' ? ` class="flagged flag-${flag}"` : '';
  return `<tr${rowClass}${line}><th scope="row">${name}</th><td class="value">${shown}</td><td>${unit}</td><td${referenceTitle}>${reference}</td>${flagCell}</tr>`;
}

/**
 * Long names (a narrow preview beside the editor) shortened to the lab's key, the name on hover:
 * past 17 characters a name wraps in a preview to the side, and the keys of up to five letters
 * are the abbreviations lab reports print (LDH, CRP, MCHC, TSAT, ZPP).
 */
const LONG_NAME = 17;
function labName(lab: LabDefinition | undefined, rawKey: string): string {
  if (!lab) return escapeHtml(rawKey);
  if (lab.name.length <= LONG_NAME || lab.key.length > 5) return escapeHtml(lab.name);
  return `<abbr title="${escapeHtml(lab.name)}">${escapeHtml(lab.key.toUpperCase())}</abbr>`;
}

function formatRange(lab: LabDefinition, low: number | undefined, high: number | undefined): string {
  if (low !== undefined && high !== undefined) return `${formatLabValue(lab, low)}–${formatLabValue(lab, high)}`;
  if (low !== undefined) return `≥ ${formatLabValue(lab, low)}`;
  if (high !== undefined) return `≤ ${formatLabValue(lab, high)}`;
  return '';
}
