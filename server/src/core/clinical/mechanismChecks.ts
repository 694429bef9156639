// Diagnostics from the engine: the stated mechanism disagrees with a clear first choice, or a
// case with labs has no mechanism to check against.
import { diagnostic, type CaseDiagnostic, type RelatedLocation } from '../diagnostics';
import type { Range } from '../text';
import { formatIndexValue } from './indices';
import type { CaseModel } from '../model/caseModel';
import type { ClinicalAnalysis } from './clinicalAnalysis';
import type { Evidence } from './mechanismEngine';

export function checkMechanism(model: CaseModel, clinical: ClinicalAnalysis): CaseDiagnostic[] {
  const field = model.answer.get('mechanism');
  // The full ranking only when the answer disagrees with a clear choice: it is worked out when first read.
  const { clearChoice } = clinical.mechanisms;
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
  const ranked = clinical.mechanisms.ranked;
  const statedScore = ranked.find((m) => m.id === stated);
  if (!statedScore) return []; // not a mechanism id: the schema check reports it
  const best = ranked[0];
  // Short: the values it rests on (the RPI first, when the case has one). The reasoning, line by
  // line, goes in the related information, where the editor shows it under the message.
  const rpi = clinical.panels[0]?.indices.get('rpi');
  const forBest = best.evidence.filter((e) => e.effect === 'supports');
  const values = [rpi ? `RPI ${formatIndexValue(rpi)}` : '', ...forBest.slice(0, 3).map((e) => e.observations[0]?.written ?? e.observations[0]?.text ?? e.label)].filter(Boolean);
  const related: RelatedLocation[] = [];
  for (const e of forBest.slice(0, 5)) related.push(relatedTo(e, `for ${best.id}: ${e.label}`, field.valueRange));
  for (const e of statedScore.evidence.filter((x) => x.effect === 'argues-against').slice(0, 3)) related.push(relatedTo(e, `against ${stated}: ${e.label}`, field.valueRange));
  const result = diagnostic('warning', 'mechanism-conflict',
    `The answer says \`${stated}\` (score ${statedScore.score}), but the evidence points to \`${best.id}\` (score ${best.score}): ${values.join(', ')}.`,
    field.valueRange, { replacements: [best.id], evidence: forBest.slice(0, 3).map((e) => e.label) });
  // The document's uri is not known here: the bank fills it in (`uri: ''` means this document).
  if (related.length) result.related = related;
  return [result];
}

function relatedTo(e: Evidence, message: string, fallback: Range): RelatedLocation {
  const seen = e.observations[0];
  return { uri: '', range: seen?.range ?? fallback, message: seen ? `${message} (${seen.written ?? seen.text})` : message };
}
