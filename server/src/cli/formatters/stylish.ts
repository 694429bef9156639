// `--format stylish`: ESLint's default look — a file heading, aligned rows, a summary line.
import type { Severity } from '../../core';
import { joinLines, terminalSafeLine } from '../terminalText';
import { oneBased, type Formatter } from './fileResult';

/** Messages are padded to the longest one up to this width; longer ones just run on. */
const MAX_MESSAGE_COLUMN = 120;

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', underline: '\x1b[4m' };

export const formatStylish: Formatter = (results, { color }) => {
  const paint = (code: string, text: string) => (color ? `${code}${text}${ANSI.reset}` : text);
  const severityColor: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const out: string[] = [];
  for (const result of results) {
    if (!result.diagnostics.length) continue;
    let whereWidth = 0;
    let severityWidth = 0;
    let messageWidth = 0;
    const rows = result.diagnostics.map((d) => {
      counts[d.severity]++;
      const { line, column } = oneBased(d);
      const row = { where: `${line}:${column}`, severity: d.severity, message: terminalSafeLine(joinLines(d.message)), code: terminalSafeLine(d.code) };
      // Loops, not Math.max(...rows): a file can have more rows than a call has room for.
      whereWidth = Math.max(whereWidth, row.where.length);
      severityWidth = Math.max(severityWidth, row.severity.length);
      messageWidth = Math.max(messageWidth, Math.min(row.message.length, MAX_MESSAGE_COLUMN));
      return row;
    });
    out.push('', paint(ANSI.underline, terminalSafeLine(result.displayPath)));
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
