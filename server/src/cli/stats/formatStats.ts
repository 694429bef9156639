// `casewright stats` as text (a terminal), JSON (scripts) and Markdown (a CI job summary).
import type { BankStats, Count } from '../../core';

const TABLES: [keyof BankStats & `by${string}`, string][] = [
  ['byMechanism', 'Mechanism'], ['byTag', 'Tag'], ['byLevel', 'Level'], ['byStatus', 'Status'], ['byAuthor', 'Author'],
];

export function formatStatsJson(stats: BankStats): string {
  return JSON.stringify({ version: 1, ...stats }, null, 2) + '\n';
}

export function formatStatsText(stats: BankStats): string {
  const out: string[] = [`${stats.cases} case${stats.cases === 1 ? '' : 's'}`];
  for (const [key, label] of TABLES) {
    const counts = stats[key] as Count[];
    const width = Math.min(40, Math.max(label.length, ...counts.slice(0, 200).map((c) => c.value.length)));
    out.push('', `${label}:`);
    for (const c of counts) out.push(`  ${c.value.padEnd(width)}  ${String(c.cases).padStart(4)}`);
  }
  if (stats.objectives) {
    const { covered, notCovered, unknown } = stats.objectives;
    out.push('', `Objectives: ${covered.length} of ${covered.length + notCovered.length} covered`);
    for (const o of covered) out.push(`  ✓ ${o.id}  ${o.title} (${o.cases.length})`);
    for (const o of notCovered) out.push(`  ✗ ${o.id}  ${o.title}`);
    for (const u of unknown) out.push(`  ? ${u.objective}: not in the curriculum (${u.cases.join(', ')})`);
  }
  out.push('', engineLine(stats));
  for (const c of stats.engine.conflicts) out.push(`  conflict  ${c.id}: answer ${c.stated}, engine ${c.engine}`);
  for (const w of stats.engine.weak) out.push(`  weak      ${w.id}: answer ${w.stated}, no clear engine choice`);
  return out.join('\n') + '\n';
}

export function formatStatsMarkdown(stats: BankStats): string {
  const out: string[] = ['## Case bank', '', `${stats.cases} case${stats.cases === 1 ? '' : 's'}.`];
  for (const [key, label] of TABLES) {
    out.push('', `| ${label} | cases |`, '|---|---:|');
    for (const c of stats[key] as Count[]) out.push(`| ${cell(c.value)} | ${c.cases} |`);
  }
  if (stats.objectives) {
    const { covered, notCovered, unknown } = stats.objectives;
    out.push('', `### Objectives: ${covered.length} of ${covered.length + notCovered.length} covered`, '', '| objective | title | cases |', '|---|---|---|');
    for (const o of [...covered, ...notCovered]) out.push(`| ${cell(o.id)} | ${cell(o.title)} | ${o.cases.length ? cell(o.cases.join(', ')) : '**none**'} |`);
    for (const u of unknown) out.push(`| ${cell(u.objective)} | *not in the curriculum* | ${cell(u.cases.join(', '))} |`);
  }
  out.push('', `### Mechanism engine`, '', engineLine(stats));
  if (stats.engine.conflicts.length || stats.engine.weak.length) {
    out.push('', '| case | answer | engine |', '|---|---|---|');
    for (const c of stats.engine.conflicts) out.push(`| ${cell(c.id)} | ${cell(c.stated)} | ${cell(c.engine)} (conflict) |`);
    for (const w of stats.engine.weak) out.push(`| ${cell(w.id)} | ${cell(w.stated)} | no clear choice |`);
  }
  return out.join('\n') + '\n';
}

function engineLine(stats: BankStats): string {
  const { agrees, weak, conflicts } = stats.engine;
  return `Engine: ${agrees} agree with their answer, ${weak.length} weak, ${conflicts.length} in conflict.`;
}

/** Case text in a Markdown table cell: no pipes, no line breaks, no HTML. */
function cell(text: string): string {
  return text.replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
