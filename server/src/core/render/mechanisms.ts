// The answer view's mechanism section: what the case says, and what the engine ranks.
import type { MechanismScore } from '../clinical/mechanismEngine';
import type { PathwayStep } from '../clinical/pathway';
import type { CaseAnalysis } from '../analyzeCase';
import { readableLabel } from '../catalog/labels';
import { escapeHtml, lineAttribute } from './escape';

export function renderAnswer({ model, clinical }: CaseAnalysis): string {
  const field = (key: string) => model.answer.get(key);
  const section = model.sections.get('answer');
  const parts: string[] = [];
  for (const [key, label] of [['mechanism', 'Mechanism'], ['diagnosis', 'Diagnosis'], ['explanation', 'Explanation']] as const) {
    const f = field(key);
    const shown = key === 'mechanism' && f?.value ? readableLabel(f.value.toLowerCase()) : f?.value;
    if (f?.value) parts.push(`<dt>${label}</dt><dd${lineAttribute(f.range.start.line)} class="answer-${key}">${escapeHtml(shown ?? '')}</dd>`);
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
  // The top two or three that the evidence supports, and the answer's own when it is not among
  // them; each with the evidence that fits its sign (what argues against a mechanism that
  // scores below zero, not a list of "+" beside a negative score).
  const shown = ranked.filter((m) => m.score > 0 && m.evidence.length > 0).slice(0, 3);
  const statedScore = ranked.find((m) => m.id === stated);
  if (statedScore && !shown.includes(statedScore) && statedScore.evidence.length) shown.push(statedScore);
  if (!shown.length) return '<p class="muted">The engine found no evidence for any mechanism.</p>';
  const items = shown.map((m) => {
    const fitting = m.score > 0 ? m.evidence : m.evidence.filter((e) => e.effect === 'argues-against');
    const badges = [m.id === clearChoice ? '<span class="badge choice">engine\'s choice</span>' : '', m.id === stated ? '<span class="badge stated">the answer</span>' : ''].join('');
    const evidence = fitting.map((e) => {
      const sign = e.effect === 'supports' ? '+' : '−';
      const seen = e.observations.map((o) => escapeHtml(o.written ?? o.text)).join('; ');
      return `<li class="${e.effect}"><span class="sign" aria-label="${e.effect === 'supports' ? 'supports' : 'argues against'}">${sign}</span> ${escapeHtml(e.label)}${seen ? ` <span class="seen">(${seen})</span>` : ''}</li>`;
    }).join('');
    return `<li class="mechanism" data-mechanism="${escapeHtml(m.id)}"><h3>${escapeHtml(readableLabel(m.id))} <span class="score">score ${m.score}, data for ${Math.round(m.confidence * 100)} %</span>${badges}</h3>`
      + `<p class="summary">${escapeHtml(m.summary)}</p><ul class="evidence">${evidence}</ul></li>`;
  }).join('');
  return `<h3 class="ranking-title">What the evidence points to</h3><ol class="ranking">${items}</ol>`;
}
