// Keys checked against the engine: a numeric key about a derived index must agree with what
// the case's own labs give; a mechanism key must agree with [answer] (or the engine's clear
// choice); and a question may lean only on the labs revealed before it is asked.
import type { ClinicalAnalysis } from '../clinical/clinicalAnalysis';
import { INDEX_DEFINITIONS } from '../clinical/indices';
import type { PanelReading } from '../clinical/panelAnalysis';
import { MECHANISMS } from '../catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from '../model/caseModel';
import { orList } from '../util/lists';
import { numberOf, panelsRevealedBy, type Question } from './questionModel';

const INDEX_IDS = INDEX_DEFINITIONS.map((d) => d.id);

interface IndexValue {
  value: number;
  decimals: number;
  panel: PanelReading;
}

export function checkQuestionKeys(model: CaseModel, clinical: ClinicalAnalysis): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  for (const question of model.questions) {
    const asks = question.fields.get('asks');
    if (!asks?.value || !question.asks) continue;
    if (question.asks === 'mechanism') {
      const found = checkMechanismKey(model, clinical, question);
      if (found) diagnostics.push(found);
    } else if (INDEX_IDS.includes(question.asks)) {
      for (const d of checkIndexKey(clinical, question)) diagnostics.push(d);
    } else {
      diagnostics.push(diagnostic('error', 'unknown-value',
        `\`${asks.value}\` is not something Casewright can check a key against. Use \`mechanism\` or one of the indices: ${orList(INDEX_IDS.map((i) => `\`${i}\``))}.`, asks.valueRange));
    }
  }
  return diagnostics;
}

/** The index from a panel: derived, calculated beside a stated value, or the lab as stated. */
function indexIn(panel: PanelReading, id: string): IndexValue | undefined {
  const computed = panel.indices.get(id) ?? panel.calculated.get(id);
  if (computed) return { value: computed.value, decimals: computed.decimals, panel };
  const stated = panel.labs.get(id);
  return stated?.value !== undefined && !stated.comparator ? { value: stated.value, decimals: stated.lab.decimals ?? 2, panel } : undefined;
}

function checkIndexKey(clinical: ClinicalAnalysis, question: Question): CaseDiagnostic[] {
  const id = question.asks!;
  const revealed = new Set(panelsRevealedBy(question, clinical.panels.map((p) => p.panel)));
  const stagePanel = question.stage?.panel;
  const candidates: IndexValue[] = [];
  let later: IndexValue | undefined;
  for (const reading of clinical.panels) {
    const value = indexIn(reading, id);
    if (!value) continue;
    if (!revealed.has(reading.panel)) later ??= value;
    // A question after a given panel is about that panel; otherwise any panel seen so far.
    else if (!stagePanel || reading.panel === stagePanel) candidates.push(value);
  }
  const where = question.fields.get('asks')!.valueRange;
  if (!candidates.length) {
    if (later) {
      return [diagnostic('error', 'question-uses-later-labs',
        `This question is asked ${question.stage ? `after ${question.stage.text.replace(/^after\s+/i, '')}` : 'here'}, but the labs that give the ${id} are revealed later, in [labs${later.panel.panel.qualifier ? `: ${later.panel.panel.qualifier}` : ''}]. Move the question after that panel.`, where)];
    }
    return [diagnostic('warning', 'question-key-unchecked',
      `The labs revealed before this question do not give the ${id}, so its key cannot be checked. Add the inputs to the panel, or drop \`asks\`.`, where)];
  }
  if (question.type !== 'numeric') return [];
  const answer = question.answers.find((a) => numberOf(a.value) !== undefined);
  if (!answer) return [];
  const key = numberOf(answer.value)!;
  const tolerance = question.tolerance ?? 0;
  const agrees = (c: IndexValue) => Math.abs(key - c.value) <= tolerance + 0.5 * 10 ** -c.decimals + 1e-9;
  if (candidates.some(agrees)) return [];
  const first = candidates[0];
  const shown = first.value.toFixed(first.decimals);
  const panelName = first.panel.panel.qualifier ? `labs ${first.panel.panel.qualifier}` : 'labs';
  return [diagnostic('error', 'question-key-disagrees',
    `The key says ${answer.value}, but the case's ${panelName} give ${displayName(id)} of ${shown}${question.tolerance !== undefined ? ` (tolerance ${question.tolerance})` : ''}.`,
    answer.valueRange, { replacements: [shown] })];
}

function displayName(id: string): string {
  return id === 'rpi' ? 'an RPI' : `a ${id}`;
}

/** A mechanism named by id or in words (`Ineffective hematopoiesis`) somewhere in the option. */
export function mechanismNamedBy(text: string): string | undefined {
  const words = text.toLowerCase().replace(/[^a-z]+/g, '-');
  const named = MECHANISMS.filter((m) => `-${words}-`.includes(`-${m.id}-`));
  // `pure-red-cell-aplasia` also contains `aplasia`: the longest name wins.
  named.sort((a, b) => b.id.length - a.id.length);
  return named[0]?.id;
}

function checkMechanismKey(model: CaseModel, clinical: ClinicalAnalysis, question: Question): CaseDiagnostic | undefined {
  const key = question.options.find((o) => o.correct);
  if (!key) return undefined;
  const keyed = mechanismNamedBy(key.text);
  const stated = model.answer.get('mechanism')?.value.toLowerCase();
  const expected = stated && MECHANISMS.some((m) => m.id === stated) ? stated : clinical.mechanisms.clearChoice;
  if (!expected) return undefined;
  const whose = expected === stated ? 'the case\'s [answer]' : 'the engine\'s clear choice';
  if (!keyed) {
    return diagnostic('warning', 'question-mechanism-disagrees',
      `The key names no mechanism Casewright knows, so it cannot be held to ${whose} (\`${expected}\`). Name the mechanism in the key's words.`, key.textRange);
  }
  if (keyed === expected) return undefined;
  return diagnostic('warning', 'question-mechanism-disagrees',
    `The key says \`${keyed}\`, but ${whose} is \`${expected}\`.`, key.textRange);
}
