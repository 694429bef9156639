// Diagnostics from the engine: the stated mechanism disagrees with a clear first choice, or a
// case with labs has no mechanism to check against.
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';
import type { ClinicalAnalysis } from './clinicalAnalysis';
import type { Evidence } from './mechanismEngine';

export function checkMechanism(model: CaseModel, clinical: ClinicalAnalysis): CaseDiagnostic[] {
  const field = model.answer.get('mechanism');
  const { ranked, clearChoice } = clinical.mechanisms;
  if (!field?.value) {
    if (!model.panels.some((p) => p.results.length)) return [];
    const where = model.sections.get('answer')?.headerRange ?? model.panels[0].section.headerRange;
    const suggestion = clearChoice ? ` The evidence points to \`${clearChoice}\`.` : '';
    return [diagnostic('info', 'missing-mechanism',
      `This case has labs but no \`mechanism:\` in [answer], so nothing checks the teaching point.${suggestion}`,
      where, clearChoice ? { replacements: [clearChoice] } : undefined)];
  }
  const stated = field.value.toLowerCase();
  if (!clearChoice || clearChoice === stated) return [];
  const statedScore = ranked.find((m) => m.id === stated);
  if (!statedScore) return []; // not a mechanism id: the schema check reports it
  const best = ranked[0];
  const forBest = topEvidence(best.evidence, 'supports');
  const againstStated = topEvidence(statedScore.evidence, 'argues-against');
  const because = [forBest && `for ${best.id}: ${forBest}`, againstStated && `against ${stated}: ${againstStated}`].filter(Boolean).join('; ');
  return [diagnostic('warning', 'mechanism-conflict',
    `The answer says \`${stated}\` (score ${statedScore.score}), but the evidence points to \`${best.id}\` (score ${best.score}) — ${because}.`,
    field.valueRange, { replacements: [best.id], evidence: best.evidence.filter((e) => e.effect === 'supports').slice(0, 3).map((e) => e.label) })];
}

function topEvidence(evidence: Evidence[], effect: Evidence['effect']): string {
  return evidence.filter((e) => e.effect === effect).slice(0, 3)
    .map((e) => (e.observations[0] ? `${e.label.split(':')[0]} (${e.observations[0].text})` : e.label)).join(', ');
}
