// Renders docs/diagnostics.md from schemas/diagnostics.json, so the reference cannot drift.
import { DIAGNOSTIC_RULES, type DiagnosticRule } from '../../server/src/core/diagnosticCatalog';

function example(title: string, value: string | Record<string, string> | undefined): string[] {
  if (value === undefined) return [];
  const files = typeof value === 'string' ? { '': value } : value;
  const out = [`${title}:`, ''];
  for (const [name, text] of Object.entries(files)) {
    if (name) out.push(`\`${name}\``, '');
    out.push('```case', text.replace(/\n$/, ''), '```', '');
  }
  return out;
}

function section(rule: DiagnosticRule): string[] {
  return [
    `## ${rule.code}`,
    '',
    `**${rule.severity}** · ${rule.summary}`,
    '',
    rule.description,
    '',
    ...example('Bad', rule.bad),
    ...example('Fixed', rule.fixed),
  ];
}

export function renderDiagnosticsDoc(): string {
  const lines = [
    '# Diagnostics',
    '',
    '<!-- Generated from schemas/diagnostics.json by `npm run docs`; edit that file, not this one. -->',
    '',
    'Every problem Casewright reports has a stable code. The editor, `casewright check` and the',
    'preview use the same codes. In `casewright.json`, `"rules": { "<code>": "off" | "info" | "warning" | "error" }`',
    'turns a rule off or changes its severity. A key `prefix-*` sets every code that begins with',
    'those words (`"privacy-*": "info"`, `"question-*": "off"`); the most specific key wins, so',
    '`{ "privacy-*": "info", "privacy-date": "error" }` keeps dates errors. A wildcard that matches',
    'no code (`"privcy-*"`) is a problem in `casewright.json`, reported with the closest family.',
    '',
    '| code | severity | summary |',
    '|---|---|---|',
    ...DIAGNOSTIC_RULES.map((r) => `| [${r.code}](#${r.code}) | ${r.severity} | ${r.summary.replace(/\|/g, '\\|')} |`),
    '',
    ...DIAGNOSTIC_RULES.flatMap(section),
  ];
  return lines.join('\n').replace(/\n+$/, '\n');
}
