// Serial panels as an inline SVG: hemoglobin and reticulocytes over time, one small chart
// each, with labelled points. No script, no remote resource; accessible title and description.
import type { PanelReading } from '../clinical/panelAnalysis';
import { maxOf, minOf } from '../util/arrays';
import { escapeHtml } from './escape';

interface Point {
  x: number;
  y: number;
  label: string;
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
    label: p.panel.qualifier ?? 'initial',
  }));
}

export function renderSerialCharts(panels: PanelReading[]): string {
  if (panels.length < 2) return '';
  const positions = panelPositions(panels);
  const charts = SERIES.map((series) => {
    const points: Point[] = [];
    panels.forEach((panel, i) => {
      const value = panel.labs.get(series.key)?.value;
      if (value !== undefined) points.push({ x: positions[i].x, y: value, label: positions[i].label });
    });
    return points.length >= 2 ? renderChart(series.title, series.unit, points) : '';
  }).filter(Boolean);
  return charts.length ? `<div class="charts">${charts.join('')}</div>` : '';
}

function renderChart(title: string, unit: string, points: Point[]): string {
  const width = 320;
  const height = 160;
  const pad = { left: 40, right: 12, top: 22, bottom: 34 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [xMin, xMax] = [minOf(xs), maxOf(xs)];
  const yMax = maxOf(ys) * 1.15 || 1;
  const sx = (x: number) => pad.left + (xMax === xMin ? 0.5 : (x - xMin) / (xMax - xMin)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - (y / yMax) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const description = points.map((p) => `${p.label}: ${round(p.y)} ${unit}`).join('; ');
  const id = title.toLowerCase();
  const anchor = (i: number) => (points.length > 1 && i === 0 ? 'start' : i === points.length - 1 && points.length > 1 ? 'end' : 'middle');
  const marks = points.map((p, i) => `<g class="point"><circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3.5"><title>${escapeHtml(`${p.label}: ${round(p.y)} ${unit}`)}</title></circle>`
    + `<text class="value" x="${sx(p.x).toFixed(1)}" y="${(sy(p.y) - 7).toFixed(1)}" text-anchor="middle">${escapeHtml(String(round(p.y)))}</text>`
    + `<text class="tick" x="${sx(p.x).toFixed(1)}" y="${height - pad.bottom + 14}" text-anchor="${anchor(i)}">${escapeHtml(shortLabel(p.label))}</text></g>`).join('');
  return `<svg class="chart chart-${id}" role="img" aria-labelledby="chart-${id}-title chart-${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="chart-${id}-title">${escapeHtml(`${title} over time (${unit})`)}</title><desc id="chart-${id}-desc">${escapeHtml(description)}</desc>`
    + `<text class="chart-title" x="${pad.left}" y="14">${escapeHtml(`${title} (${unit})`)}</text>`
    + `<line class="axis" x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}"/>`
    + `<line class="axis" x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}"/>`
    + `<text class="tick" x="${pad.left - 4}" y="${sy(0) + 4}" text-anchor="end">0</text>`
    + `<text class="tick" x="${pad.left - 4}" y="${sy(yMax / 1.15) + 4}" text-anchor="end">${escapeHtml(String(round(yMax / 1.15)))}</text>`
    + `<path class="series" d="${path}" fill="none"/>${marks}</svg>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function shortLabel(label: string): string {
  return label.length > 10 ? `${label.slice(0, 9)}…` : label;
}
