// The answer view's mechanism section: what the case says, and what the engine ranks.
import type { MechanismScore } from '../clinical/mechanismEngine';
import type { PathwayStep } from '../clinical/pathway';
import type { CaseAnalysis } from '../analyzeCase';
import { escapeHtml, lineAttribute } from './escape';

export function renderAnswer({ model, clinical }: CaseAnalysis): string {
  const field = (key: string) => model.answer.get(key);
  const section = model.sections.get('answer');
  const parts: string[] = [];
  for (const [key, label] of [['mechanism', 'Mechanism'], ['diagnosis', 'Diagnosis'], ['explanation', 'Explanation']] as const) {
    const f = field(key);
    if (f?.value) parts.push(`<dt>${label}</dt><dd${lineAttribute(f.range.start.line)} class="answer-${key}">${escapeHtml(f.value)}</dd>`);
  }
  const stated = parts.length ? `<dl class="answer-fields">${parts.join('')}</dl>` : '<p class="muted">This case has no [answer] section.</p>';
  const { withheld, pathway } = clinical.mechanisms;
  const ranking = withheld
    ? `<p class="muted withheld">No mechanism is ranked: ${escapeHtml(withheld)}</p>`
    : renderRanking(clinical.mechanisms.ranked, clinical.mechanisms.clearChoice, field('mechanism')?.value.toLowerCase());
  return `<section class="answer"${lineAttribute(section?.headerRange.start.line)}><h2>Answer</h2>${stated}${renderPathway(pathway)}${ranking}</section>`;
}

/** The pathway's steps as the case answers them: the reading a student would follow. */
function renderPathway(steps: PathwayStep[]): string {
  if (!steps.length) return '';
  const items = steps.map((step) => {
    const answers = step.outcomes.length
      ? step.outcomes.map((o) => `<span class="means">${escapeHtml(o.means)}</span>`).join(' ')
      : '<span class="muted">Not enough data to say.</span>';
    return `<li><span class="question">${escapeHtml(step.question)}</span> ${answers}</li>`;
  }).join('');
  return `<h3 class="pathway-title">The pathway</h3><ol class="pathway">${items}</ol>`;
}

function renderRanking(ranked: MechanismScore[], clearChoice: string | undefined, stated: string | undefined): string {
  const shown = ranked.filter((m) => m.evidence.length > 0).slice(0, 4);
  if (!shown.length) return '<p class="muted">The engine found no evidence for any mechanism.</p>';
  const items = shown.map((m) => {
    const badges = [m.id === clearChoice ? '<span class="badge choice">engine\'s choice</span>' : '', m.id === stated ? '<span class="badge stated">the answer</span>' : ''].join('');
    const evidence = m.evidence.map((e) => {
      const sign = e.effect === 'supports' ? '+' : '−';
      const seen = e.observations.map((o) => escapeHtml(o.text)).join('; ');
      return `<li class="${e.effect}"><span class="sign" aria-label="${e.effect === 'supports' ? 'supports' : 'argues against'}">${sign}</span> ${escapeHtml(e.label)}${seen ? ` <span class="seen">(${seen})</span>` : ''}</li>`;
    }).join('');
    return `<li class="mechanism"><h3>${escapeHtml(m.id)} <span class="score">score ${m.score}, data for ${Math.round(m.confidence * 100)} %</span>${badges}</h3>`
      + `<p class="summary">${escapeHtml(m.summary)}</p><ul class="evidence">${evidence}</ul></li>`;
  }).join('');
  return `<h3 class="ranking-title">What the evidence points to</h3><ol class="ranking">${items}</ol>`;
}
