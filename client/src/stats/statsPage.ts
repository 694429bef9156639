// The statistics view's page: a shell around the body the server renders, under the same kind
// of policy as the preview (CSP `default-src 'none'`, the sheet from the webview's origin, the
// one script by nonce). No `vscode` import, so a browser test can load the very page.
import { escapeHtml } from '../../../server/src/core';

/** Messages between the statistics webview (media/stats.js) and the extension. */
export type FromStatsWebview = { type: 'ready' } | { type: 'open'; file: string };
export type ToStatsWebview = { type: 'update'; html: string };

export interface StatsPageOptions {
  /** The body: the server's rendered statistics, or a line saying they are on their way. */
  body: string;
  nonce: string;
  /** The webview's resource origin (`webview.cspSource`). */
  cspSource: string;
  styleHref: string;
  scriptHref: string;
}

export function statsPolicy(nonce: string, cspSource: string): string {
  return `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; script-src 'nonce-${nonce}'; font-src ${cspSource}; base-uri 'none'; form-action 'none'`;
}

export function statsPage(options: StatsPageOptions): string {
  const nonce = escapeHtml(options.nonce);
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(statsPolicy(options.nonce, options.cspSource))}">`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>Case bank statistics</title><link rel="stylesheet" href="${escapeHtml(options.styleHref)}"></head>`
    + `<body><main id="stats-root">${options.body}</main>`
    + `<script src="${escapeHtml(options.scriptHref)}" nonce="${nonce}"></script></body></html>`;
}

/** What the view shows before the first answer (the bank may still be loading). */
export const LOADING_BODY = '<h1>Case bank</h1><p class="updated">Counting the cases…</p>';
