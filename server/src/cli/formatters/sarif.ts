// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (one run, rules from the
// diagnostic catalog, relative artifact URIs against %SRCROOT%).
import { DIAGNOSTIC_RULES, type Severity } from '../../core';
import { oneBased, type Formatter } from './fileResult';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const DOCS = 'https://github.com/casewright/casewright/blob/main/docs/diagnostics.md';

export const formatSarif: Formatter = (results, { version }) => {
  const ruleIndex = new Map(DIAGNOSTIC_RULES.map((rule, index) => [rule.code, index]));
  const sarifResults = results.flatMap((r) => r.diagnostics.map((d) => {
    const { line, column, endLine, endColumn } = oneBased(d);
    const index = ruleIndex.get(d.code);
    return {
      ruleId: d.code,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: encodeURI(r.displayPath), uriBaseId: '%SRCROOT%' },
          region: { startLine: line, startColumn: column, endLine, endColumn: Math.max(endColumn, line === endLine ? column : 1) },
        },
      }],
    };
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Casewright',
          informationUri: 'https://github.com/casewright/casewright',
          version,
          semanticVersion: version,
          rules: DIAGNOSTIC_RULES.map((rule) => ({
            id: rule.code,
            name: rule.code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
            shortDescription: { text: rule.summary },
            fullDescription: { text: rule.description },
            helpUri: `${DOCS}#${rule.code}`,
            defaultConfiguration: { level: LEVEL[rule.severity] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
