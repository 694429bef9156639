// `--format json`: one array, a `{ file, diagnostics }` entry per checked file (the contract).
import { oneBased, type Formatter } from './fileResult';

export const formatJson: Formatter = (results) =>
  JSON.stringify(results.map((r) => ({
    file: r.displayPath,
    diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, ...oneBased(d) })),
  })), null, 2) + '\n';
