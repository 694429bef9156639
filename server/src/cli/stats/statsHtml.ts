// `casewright stats --format html`: one standalone page around the core's statistics body. No
// script, no external resource; the one style element is allowed by its hash under a
// `default-src 'none'` policy.
import { nodeCrypto } from '../../node/lazyCrypto';
import { renderStatsBody, STATS_CSS, type BankStats } from '../../core';

export function formatStatsHtml(stats: BankStats): string {
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${nodeCrypto().createHash('sha256').update(STATS_CSS).digest('base64')}'; base-uri 'none'; form-action 'none'">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>Case bank statistics</title><style>${STATS_CSS}</style></head>`
    + `<body><main>${renderStatsBody(stats)}</main></body></html>\n`;
}
