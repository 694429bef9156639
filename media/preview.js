// The case preview's script: reveal steps, the learner/answer toggle, and scroll sync by
// source line, as VS Code's Markdown preview does. It never inserts case text itself: the
// only HTML it inserts is the extension's rendered fragment, which escapes every byte.
//
// Messages (declared for TypeScript in client/src/preview/messages.ts):
//   to the extension:   { type: 'revealLine', line } | { type: 'setView', view } | { type: 'ready' }
//                       | { type: 'setHideIndices', hide }
//   from the extension: { type: 'update', html, view } | { type: 'scrollToLine', line }
(function () {
  'use strict';
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const state = Object.assign({ revealed: 0, scrollY: 0 }, (vscode && vscode.getState()) || {});
  document.documentElement.classList.add('js');

  function activeArticle() {
    return document.querySelector('#case-root article:not([hidden])');
  }

  // Progressive disclosure: in the learner view, stages open one at a time.
  function setUpStages() {
    const article = activeArticle();
    document.querySelectorAll('.reveal').forEach((b) => b.remove());
    if (!article || article.dataset.view !== 'learner') return;
    const stages = Array.from(article.querySelectorAll('.stage'));
    stages.forEach((stage, i) => stage.classList.toggle('locked', i >= state.revealed));
    const next = stages[state.revealed];
    if (!next) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reveal';
    button.textContent = 'Reveal ' + (next.querySelector('h2') ? next.querySelector('h2').textContent.toLowerCase() : 'next step');
    button.addEventListener('click', () => {
      state.revealed += 1;
      save();
      setUpStages();
    });
    next.parentNode.insertBefore(button, next);
  }

  function setView(view) {
    document.querySelectorAll('.view-toggle').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === view)));
    const articles = document.querySelectorAll('#case-root article');
    if (articles.length > 1) {
      // A page holding both views switches locally.
      articles.forEach((a) => { a.hidden = a.dataset.view !== view; });
      setUpStages();
      updateIndicesToggle();
    } else if (vscode) {
      vscode.postMessage({ type: 'setView', view: view });
    }
  }

  // Hide indices (webview only): pressed when the learner view leaves any derived index out; a
  // click asks the extension for the body with every index hidden, or every one shown.
  function updateIndicesToggle() {
    const toggle = document.querySelector('.indices-toggle');
    const article = activeArticle();
    if (!toggle) return;
    const indices = article ? article.dataset.indices : 'none';
    toggle.hidden = !article || article.dataset.view !== 'learner' || indices === 'none';
    toggle.setAttribute('aria-pressed', String(indices === 'hidden'));
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('.view-toggle') : null;
    if (button) setView(button.dataset.view);
    const indices = event.target instanceof Element ? event.target.closest('.indices-toggle') : null;
    if (indices && vscode) vscode.postMessage({ type: 'setHideIndices', hide: indices.getAttribute('aria-pressed') !== 'true' });
    const option = event.target instanceof Element ? event.target.closest('.q-option[data-option]') : null;
    if (option) chooseOption(option);
    const show = event.target instanceof Element ? event.target.closest('.q-show') : null;
    if (show) showAnswer(show);
  });

  // Questions in the learner view: a chosen option shows whether it is right and its
  // feedback; the explanation opens once something is chosen. Only hidden text is revealed.
  function chooseOption(option) {
    const question = option.closest('.question');
    if (question.classList.contains('q-single')) question.querySelectorAll('.q-option').forEach((o) => o.classList.remove('chosen', 'right', 'wrong'));
    option.classList.add('chosen', option.dataset.correct === 'true' ? 'right' : 'wrong');
    option.setAttribute('aria-pressed', 'true');
    const feedback = option.parentElement.querySelector('.q-feedback');
    if (feedback) feedback.hidden = false;
    const explanation = question.querySelector('.q-explanation');
    if (explanation) explanation.hidden = false;
  }

  function showAnswer(button) {
    const question = button.closest('.question');
    question.querySelectorAll('.q-key, .q-explanation').forEach((e) => { e.hidden = false; });
    button.remove();
  }

  // Scroll sync: the topmost visible element with a source line tells the editor where we are.
  let scrollTimer;
  let ignoreScroll = false;
  window.addEventListener('scroll', () => {
    state.scrollY = window.scrollY;
    save();
    if (!vscode || ignoreScroll) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      const line = topLine();
      if (line !== undefined) vscode.postMessage({ type: 'revealLine', line: line });
    }, 50);
  });

  // The line shown at the reading position (just under the toolbar): the latest source line
  // whose element starts at or above it, so scrolling there and back lands on the same line.
  const ANCHOR = 40;
  function topLine() {
    let line;
    document.querySelectorAll('#case-root article:not([hidden]) [data-line]').forEach((element) => {
      const box = element.getBoundingClientRect();
      if (box.height > 0 && box.bottom > 0 && box.top <= ANCHOR + 1) {
        const at = Number(element.dataset.line);
        if (line === undefined || at > line) line = at;
      }
    });
    return line;
  }

  function scrollToLine(line) {
    let best;
    document.querySelectorAll('#case-root article:not([hidden]) [data-line]').forEach((element) => {
      const at = Number(element.dataset.line);
      if (at <= line && element.getBoundingClientRect().height > 0 && (!best || at >= Number(best.dataset.line))) best = element;
    });
    if (!best) return;
    ignoreScroll = true;
    window.scrollTo(0, best.getBoundingClientRect().top + window.scrollY - ANCHOR);
    setTimeout(() => { ignoreScroll = false; }, 100);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      const y = window.scrollY;
      document.getElementById('case-root').innerHTML = message.html; // escaped by the renderer
      document.querySelectorAll('.view-toggle').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === message.view)));
      setUpStages();
      updateIndicesToggle();
      window.scrollTo(0, y);
    } else if (message.type === 'scrollToLine' && typeof message.line === 'number') {
      scrollToLine(message.line);
    }
  });

  function save() {
    if (vscode) vscode.setState(state);
  }

  setUpStages();
  updateIndicesToggle();
  if (state.scrollY) window.scrollTo(0, state.scrollY);
  if (vscode) vscode.postMessage({ type: 'ready' });
})();
