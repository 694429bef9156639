// The page shell shared by the editor's webview, `casewright render` and the static export.
// It depends on nothing but escaping, so the extension can bundle it without the core.
import { escapeHtml } from './escape';
import type { LearnerViewOptions } from '../model/hiddenIndices';

export type PreviewView = 'learner' | 'answer';

export interface DocumentOptions {
  /** One view, or both (a teacher's page with a learner/answer toggle). */
  view: PreviewView | 'both';
  nonce: string;
  /** The webview's resource origin; absent for a standalone page. */
  cspSource?: string;
  /** Linked (webview) or inline (standalone) styles and scripts; inline ones get the nonce. */
  styles: { href?: string; text?: string }[];
  scripts: { src?: string; text?: string }[];
  /** `webview` pages talk to the extension; `standalone` pages stand alone. */
  mode: 'webview' | 'standalone';
  /** Links for a static site (index, the other view). */
  links?: { href: string; label: string }[];
  /** The learner view's choices (derived indices hidden by the bank or the preview's toggle). */
  learner?: LearnerViewOptions;
  /** Where the case's images are (see render/images.ts); without it they show as alt text. */
  images?: (image: import('../images/imageModel').CaseImage) => string | undefined;
  /** A standalone page whose images sit beside it: lets `img-src` reach its own origin. */
  sameOriginImages?: boolean;
}

export function contentSecurityPolicy(nonce: string, cspSource?: string, sameOriginImages = false): string {
  const source = cspSource ? `${cspSource} ` : '';
  return `default-src 'none'; img-src ${source}${sameOriginImages ? "'self' " : ''}data:; style-src ${source}'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src ${cspSource ?? "'none'"}; base-uri 'none'; form-action 'none'`;
}

/** The page around a rendered body: CSP with a nonce, styles, the view toggle, scripts. */
export function renderDocumentShell(bodies: string, title: string, options: DocumentOptions): string {
  const nonce = escapeHtml(options.nonce);
  const styles = options.styles.map((s) => (s.href ? `<link rel="stylesheet" href="${escapeHtml(s.href)}" nonce="${nonce}">` : `<style nonce="${nonce}">${s.text ?? ''}</style>`)).join('');
  const scripts = options.scripts.map((s) => (s.src ? `<script src="${escapeHtml(s.src)}" nonce="${nonce}"></script>` : `<script nonce="${nonce}">${s.text ?? ''}</script>`)).join('');
  const links = options.links?.length ? `<nav class="links">${options.links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' ')}</nav>` : '';
  // The editor's preview also lets the author hide the derived indices from the learner view
  // (media/preview.js sets its state from the article's `data-indices` and asks for a new body).
  const indicesToggle = options.mode === 'webview' ? '<button type="button" class="indices-toggle" aria-pressed="false" hidden>Hide indices</button>' : '';
  const toggle = options.view === 'both' || options.mode === 'webview'
    ? `<div class="toolbar" role="toolbar"><button type="button" class="view-toggle" data-view="learner" aria-pressed="${options.view !== 'answer'}">Learner view</button><button type="button" class="view-toggle" data-view="answer" aria-pressed="${options.view === 'answer'}">Answer view</button>${indicesToggle}</div>`
    : '';
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options.nonce, options.cspSource, options.sameOriginImages))}">`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>${escapeHtml(title)}</title>${styles}</head>`
    + `<body data-mode="${options.mode}">${links}${toggle}<main id="case-root">${bodies}</main>${scripts}</body></html>`;
}
