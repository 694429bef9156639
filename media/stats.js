// The bank statistics view's script: swaps in the statistics the extension sends, keeping the
// scroll position, and asks the extension to open a case whose id is clicked. The only HTML it
// inserts is the extension's rendered fragment, which escapes every piece of case text.
//
// Messages (declared for TypeScript in client/src/stats/statsPage.ts):
//   to the extension:   { type: 'ready' } | { type: 'open', file }
//   from the extension: { type: 'update', html }
(function () {
  'use strict';
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const root = document.getElementById('stats-root');

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string' || !root) return;
    const top = window.scrollY;
    root.innerHTML = message.html;
    window.scrollTo(0, top);
    document.body.dataset.updates = String(Number(document.body.dataset.updates || '0') + 1);
  });

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.open-case[data-file]') : null;
    if (!link) return;
    event.preventDefault();
    if (vscode) vscode.postMessage({ type: 'open', file: link.getAttribute('data-file') });
  });

  if (vscode) vscode.postMessage({ type: 'ready' });
})();
