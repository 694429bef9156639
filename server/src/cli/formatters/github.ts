// `--format github`: GitHub Actions workflow commands, one annotation per diagnostic.
import type { Severity } from '../../core';
import { terminalSafe } from '../terminalText';
import { oneBased, type Formatter } from './fileResult';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escaping as the Actions runner expects for data and for property values. The log is also
 * read on a terminal: control characters are made visible first.
 */
const escapeData = (s: string) => terminalSafe(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const formatGithub: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      const { line, column, endLine, endColumn } = oneBased(d);
      const props = [`file=${escapeProperty(result.displayPath)}`, `line=${line}`, `col=${column}`, `endLine=${endLine}`, `endColumn=${endColumn}`, `title=${escapeProperty(`casewright(${d.code})`)}`];
      lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
