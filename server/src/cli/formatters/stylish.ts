// `--format stylish`: ESLint's default look — a file heading, aligned rows, a summary line.
import type { Severity } from '../../core';
import { oneBased, type Formatter } from './fileResult';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', underline: '\x1b[4m' };

export const formatStylish: Formatter = (results, { color }) => {
  const paint = (code: string, text: string) => (color ? `${code}${text}${ANSI.reset}` : text);
  const severityColor: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const out: string[] = [];
  for (const result of results) {
    if (!result.diagnostics.length) continue;
    const rows = result.diagnostics.map((d) => {
      counts[d.severity]++;
      const { line, column } = oneBased(d);
      return { where: `${line}:${column}`, severity: d.severity, message: d.message.replace(/\s*\n\s*/g, ' '), code: d.code };
    });
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    const messageWidth = Math.max(...rows.map((r) => r.message.length));
    out.push('', paint(ANSI.underline, result.displayPath));
    for (const row of rows) {
      out.push(`  ${paint(ANSI.dim, row.where.padEnd(whereWidth))}  ${paint(severityColor[row.severity], row.severity.padEnd(severityWidth))}  ${row.message.padEnd(messageWidth)}  ${paint(ANSI.dim, row.code)}`);
    }
  }
  const total = counts.error + counts.warning + counts.info;
  if (!total) return '';
  const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`];
  if (counts.info) parts.push(`${counts.info} info`);
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  out.push('', paint(ANSI.bold + (counts.error ? ANSI.red : ANSI.yellow), summary), '');
  return out.join('\n');
};
