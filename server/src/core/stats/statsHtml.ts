// The bank summary as HTML: a bar chart per table, drawn as inline SVG, and the objectives and
// engine tables. One body for `casewright stats --format html` (a standalone page) and the
// editor's statistics view (a webview); every piece of case text goes through escapeHtml, and
// the markup needs no script and no inline style.
import { escapeHtml } from '../render/escape';
import type { BankStats, CaseRef, Count } from './bankStats';

/** The page's look; the standalone page inlines it by hash, the webview links media/stats.css. */
export const STATS_CSS = 'body{font:14px/1.45 system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1b1b1b}h1,h2{font-weight:600}svg{display:block;margin:.5rem 0 1.5rem}'
  + 'text{font:12px system-ui,sans-serif;fill:#1b1b1b}rect{fill:#3b6ea8}.none{fill:#9aa5b1}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}.miss{color:#a33}';

const CHARTS: [keyof BankStats & `by${string}`, string][] = [
  ['byMechanism', 'Cases by mechanism'], ['byTag', 'Cases by tag'], ['byLevel', 'Cases by level'], ['byStatus', 'Cases by status'], ['byAuthor', 'Cases by author'],
];
/** A chart shows this many bars at most; the rest are counted in one line below it. */
const MAX_BARS = 30;

export interface StatsBodyOptions {
  /** The editor's view: case ids in the engine table become links that open their file. */
  openLinks?: boolean;
}

export function renderStatsBody(stats: BankStats, options: StatsBodyOptions = {}): string {
  const caseId = (ref: CaseRef) => (options.openLinks
    ? `<a href="#" class="open-case" data-file="${escapeHtml(ref.file)}" title="${escapeHtml(ref.file)}">${escapeHtml(ref.id)}</a>`
    : escapeHtml(ref.id));
  const parts: string[] = [`<h1>Case bank</h1><p class="total">${stats.cases} case${stats.cases === 1 ? '' : 's'}</p>`];
  for (const [key, title] of CHARTS) parts.push(`<h2>${escapeHtml(title)}</h2>${barChart(stats[key] as Count[], title)}`);
  if (stats.objectives) {
    const { covered, notCovered, unknown } = stats.objectives;
    const rows = [...covered, ...notCovered].map((o) => `<tr><td>${escapeHtml(o.id)}</td><td>${escapeHtml(o.title)}</td>`
      + `<td${o.cases.length ? '' : ' class="miss"'}>${o.cases.length ? escapeHtml(o.cases.join(', ')) : 'not covered'}</td></tr>`);
    for (const u of unknown) rows.push(`<tr><td>${escapeHtml(u.objective)}</td><td class="miss">not in the curriculum</td><td>${escapeHtml(u.cases.join(', '))}</td></tr>`);
    parts.push(`<h2>Objectives: ${covered.length} of ${covered.length + notCovered.length} covered</h2>`
      + `<table class="objectives"><thead><tr><th scope="col">Objective</th><th scope="col">Title</th><th scope="col">Cases</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  const { agrees, weak, conflicts } = stats.engine;
  const engineRows = [
    ...conflicts.map((c) => `<tr><td>${caseId(c)}</td><td>${escapeHtml(c.stated)}</td><td class="miss">${escapeHtml(c.engine)} (conflict)</td></tr>`),
    ...weak.map((w) => `<tr><td>${caseId(w)}</td><td>${escapeHtml(w.stated)}</td><td>no clear choice</td></tr>`),
  ];
  parts.push(`<h2>Mechanism engine</h2><p>${agrees} agree with their answer, ${weak.length} weak, ${conflicts.length} in conflict.</p>`
    + (engineRows.length ? `<table class="engine"><thead><tr><th scope="col">Case</th><th scope="col">Answer</th><th scope="col">Engine</th></tr></thead><tbody>${engineRows.join('')}</tbody></table>` : ''));
  return parts.join('');
}

function barChart(counts: Count[], title: string): string {
  const shown = counts.slice(0, MAX_BARS);
  const rest = counts.length - shown.length;
  let max = 1;
  for (const c of shown) max = Math.max(max, c.cases);
  const row = 22;
  const labelWidth = 220;
  const barWidth = 380;
  const bars = shown.map((c, i) => {
    const y = i * row;
    const width = Math.max(1, Math.round((c.cases / max) * barWidth));
    const label = c.value.length > 30 ? `${c.value.slice(0, 29)}…` : c.value;
    return `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>`
      + `<rect${c.value === '(none)' ? ' class="none"' : ''} x="${labelWidth}" y="${y + 3}" width="${width}" height="${row - 6}"/>`
      + `<text x="${labelWidth + width + 6}" y="${y + 15}">${c.cases}</text>`;
  }).join('');
  const height = Math.max(row, shown.length * row);
  return `<svg role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">${bars}</svg>`
    + (rest > 0 ? `<p>and ${rest} more</p>` : '');
}
