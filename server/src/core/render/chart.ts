// Serial panels as an inline SVG: hemoglobin and reticulocytes over time, one small chart
// each, with labelled points. No script, no remote resource; accessible title and description.
import type { PanelReading } from '../clinical/panelAnalysis';
import { maxOf, minOf } from '../util/arrays';
import { quotedValue, writtenCanonicalNumber } from '../model/writtenValue';
import { escapeHtml } from './escape';
import { panelStageName } from './labsTable';

interface Point {
  x: number;
  y: number;
  label: string;
  /** The value as the case writes it (`72 g/L (= 7.2 g/dL)`), for the point's tooltip. */
  written?: string;
  /** The number as typed (`1.0`), for the point's label when it is in the chart's unit. */
  number?: string;
}

const SERIES = [
  { key: 'hemoglobin', title: 'Hemoglobin', unit: 'g/dL' },
  { key: 'reticulocytes', title: 'Reticulocytes', unit: '%' },
];

/** Where each panel sits on the x axis: its day, or its order when it has no time. */
function panelPositions(panels: PanelReading[]): { x: number; label: string }[] {
  const timed = panels.every((p, i) => i === 0 ? true : p.panel.time !== undefined);
  return panels.map((p, i) => ({
    x: timed ? (p.panel.time?.days ?? 0) : i,
    // The table's own name for the stage ("At presentation", "day 7"), so chart and table agree.
    label: panelStageName(p),
  }));
}

export function renderSerialCharts(panels: PanelReading[]): string {
  if (panels.length < 2) return '';
  const positions = panelPositions(panels);
  const charts = SERIES.map((series) => {
    const points: Point[] = [];
    let band: { low?: number; high?: number } | undefined;
    panels.forEach((panel, i) => {
      const reading = panel.labs.get(series.key);
      if (reading?.value === undefined) return;
      points.push({ x: positions[i].x, y: reading.value, label: positions[i].label, written: quotedValue(reading.result), number: writtenCanonicalNumber(reading.result) });
      // This patient's reference range, shaded behind the line (the same range the table shows).
      band ??= reading.flag?.range;
    });
    return points.length >= 2 ? renderChart(series.title, series.unit, points, band) : '';
  }).filter(Boolean);
  return charts.length ? `<div class="charts">${charts.join('')}</div>` : '';
}

function renderChart(title: string, unit: string, points: Point[], band?: { low?: number; high?: number }): string {
  const width = 320;
  const height = 160;
  const pad = { left: 40, right: 12, top: 22, bottom: 34 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [xMin, xMax] = [minOf(xs), maxOf(xs)];
  const yMax = Math.max(maxOf(ys), band?.high ?? 0) * 1.15 || 1;
  const anchor = (i: number): Anchor => (points.length > 1 && i === 0 ? 'start' : i === points.length - 1 && points.length > 1 ? 'end' : 'middle');
  const sx = (x: number) => pad.left + (xMax === xMin ? 0.5 : (x - xMin) / (xMax - xMin)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - (y / yMax) * (height - pad.top - pad.bottom);
  const shade = band && (band.low !== undefined || band.high !== undefined)
    ? (() => {
      const top = sy(band.high ?? yMax);
      const bottom = sy(band.low ?? 0);
      return `<rect class="reference" x="${pad.left}" y="${top.toFixed(1)}" width="${width - pad.left - pad.right}" height="${Math.max(0, bottom - top).toFixed(1)}">`
        + `<title>${escapeHtml(`reference range ${band.low ?? ''}–${band.high ?? ''} ${unit}`)}</title></rect>`;
    })()
    : '';
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const said = (p: Point) => `${p.label}: ${p.written ?? `${round(p.y)} ${unit}`}`;
  const description = points.map(said).join('; ');
  const rows = tickRows(points.map((p, i) => ({ x: sx(p.x), anchor: anchor(i), text: shortLabel(p.label) })));
  const id = title.toLowerCase();
  const marks = points.map((p, i) => `<g class="point"><circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3.5"><title>${escapeHtml(said(p))}</title></circle>`
    + `<text class="value" x="${sx(p.x).toFixed(1)}" y="${(sy(p.y) - 7).toFixed(1)}" text-anchor="middle">${escapeHtml(p.number ?? String(round(p.y)))}</text>`
    + `<text class="tick" x="${sx(p.x).toFixed(1)}" y="${height - pad.bottom + 14 + rows[i] * 12}" text-anchor="${anchor(i)}">${escapeHtml(shortLabel(p.label))}</text></g>`).join('');
  return `<svg class="chart chart-${id}" role="img" aria-labelledby="chart-${id}-title chart-${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="chart-${id}-title">${escapeHtml(`${title} over time (${unit})`)}</title><desc id="chart-${id}-desc">${escapeHtml(description)}</desc>`
    + `<text class="chart-title" x="${pad.left}" y="14">${escapeHtml(`${title} (${unit})`)}</text>`
    + shade
    + `<line class="axis" x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}"/>`
    + `<line class="axis" x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}"/>`
    + `<text class="tick" x="${pad.left - 4}" y="${sy(0) + 4}" text-anchor="end">0</text>`
    + `<text class="tick" x="${pad.left - 4}" y="${sy(yMax / 1.15) + 4}" text-anchor="end">${escapeHtml(String(round(yMax / 1.15)))}</text>`
    + `<path class="series" d="${path}" fill="none"/>${marks}</svg>`;
}

type Anchor = 'start' | 'middle' | 'end';

/** Roughly how wide a tick label is at the charts' 10 px font: enough to keep labels apart. */
const CHARACTER_WIDTH = 5.6;

/**
 * The row of each x-axis label: 0, or 1 when it would overlap the label before it on row 0
 * (panels a few days apart on a month-long axis: "At presentation" and "day 7").
 */
function tickRows(ticks: { x: number; anchor: Anchor; text: string }[]): number[] {
  let lastRight = -Infinity;
  return ticks.map((tick) => {
    const width = tick.text.length * CHARACTER_WIDTH;
    const left = tick.anchor === 'start' ? tick.x : tick.anchor === 'end' ? tick.x - width : tick.x - width / 2;
    if (left < lastRight + 4) return 1;
    lastRight = left + width;
    return 0;
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function shortLabel(label: string): string {
  return label.length > 16 ? `${label.slice(0, 15)}…` : label;
}
