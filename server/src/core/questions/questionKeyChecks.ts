// Keys checked against the engine: a numeric key about a derived index must agree with what
// the case's own labs give; a mechanism key must agree with [answer] (or the engine's clear
// choice); and a question may lean only on the labs revealed before it is asked.
import type { ClinicalAnalysis } from '../clinical/clinicalAnalysis';
import { indexDefinition, INDEX_IDS } from '../clinical/indices';
import type { IndexDefinition } from '../clinical/indexDefinitions';
import { findLab, findUnit, normalizeUnit } from '../catalog/labCatalog';
import type { PanelReading } from '../clinical/panelAnalysis';
import { MECHANISMS } from '../catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { Range } from '../text';
import type { CaseModel, LabPanel } from '../model/caseModel';
import { sectionTitle } from '../syntax/sectionTitle';
import { andList, orList } from '../util/lists';
import { numberOf, panelsRevealedBy, type Question } from './questionModel';

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
      const found = question.type === 'short' ? checkMechanismAnswers(model, clinical, question)
        : question.type === 'single' || question.type === 'multiple' ? checkMechanismKey(model, clinical, question)
          : keyOfAnotherKind(asks.valueRange, `A ${question.type} question's key is not a mechanism's name, so \`asks: mechanism\` checks nothing here. Ask it as a \`single\`, \`multiple\` or \`short\` question, or drop \`asks\`.`);
      if (found) diagnostics.push(found);
    } else if (INDEX_IDS.includes(question.asks)) {
      // The labs must be revealed in time whatever the type; only a numeric key is compared.
      const found = checkIndexKey(clinical, question);
      for (const d of found) diagnostics.push(d);
      if (!found.length && question.type && question.type !== 'numeric') {
        diagnostics.push(keyOfAnotherKind(asks.valueRange, `Only a numeric key is held to the case's labs; this ${question.type} question's is not, so \`asks: ${question.asks}\` checks nothing here. Make it \`type: numeric\`, or drop \`asks\`.`));
      }
    } else {
      diagnostics.push(diagnostic('error', 'unknown-value',
        `\`${asks.value}\` is not something Casewright can check a key against. Use \`mechanism\` or one of the indices: ${orList(INDEX_IDS.map((i) => `\`${i}\``))}.`, asks.valueRange));
    }
  }
  return diagnostics;
}

/**
 * The index as a panel gives it: the value the case states (what the student reads), then the
 * one calculated from the other labs (a student may work it out: both are right), or the
 * derived index when the case does not state it. Empty when the panel cannot give it.
 */
function indexIn(panel: PanelReading, definition: IndexDefinition): IndexValue[] {
  const values: IndexValue[] = [];
  const stated = panel.labs.get(definition.statedAs ?? definition.id);
  if (stated?.value !== undefined && !stated.comparator) values.push({ value: stated.value, decimals: stated.lab.decimals ?? 2, panel });
  const computed = panel.indices.get(definition.id) ?? panel.calculated.get(definition.id);
  if (computed) values.push({ value: computed.value, decimals: computed.decimals, panel });
  return values;
}

/** The index's values in the panels a question may use, and the first panel revealed too late. */
function revealedValues(clinical: ClinicalAnalysis, question: Question, definition: IndexDefinition): { candidates: IndexValue[]; later?: IndexValue } {
  const revealed = new Set(panelsRevealedBy(question, clinical.panels.map((p) => p.panel)));
  const stagePanel = question.stage?.panel;
  const candidates: IndexValue[] = [];
  let later: IndexValue | undefined;
  for (const reading of clinical.panels) {
    const values = indexIn(reading, definition);
    if (!values.length) continue;
    if (!revealed.has(reading.panel)) later ??= values[0];
    // A question after a given panel is about that panel; otherwise any panel seen so far.
    else if (!stagePanel || reading.panel === stagePanel) for (const value of values) candidates.push(value);
  }
  return { candidates, later };
}

/** A value in the question's unit: the canonical value divided by the unit's factor, its decimals moved. */
function inUnit(c: IndexValue, scale: UnitScale): { value: number; decimals: number; text: string } {
  const value = c.value / scale.factor;
  const decimals = Math.max(0, c.decimals + Math.round(Math.log10(scale.factor)));
  return { value, decimals, text: value.toFixed(decimals) };
}

export interface ExpectedKey {
  /** The value as a key would be written, in the question's unit. */
  text: string;
  /** The question's unit, or the index's. */
  unit: string;
  /** `[labs]`, `[labs: day 3]`. */
  panel: string;
  /** `an RPI`. */
  name: string;
}

/** What a numeric question that `asks` about an index should have as its key, from the labs revealed by then. */
export function expectedIndexKeys(clinical: ClinicalAnalysis, question: Question): ExpectedKey[] {
  const definition = indexDefinition(question.asks);
  if (!definition) return [];
  const scale = unitScale(definition, question);
  if (!scale.known) return [];
  const seen = new Set<string>();
  const keys: ExpectedKey[] = [];
  for (const c of revealedValues(clinical, question, definition).candidates) {
    const { text } = inUnit(c, scale);
    if (seen.has(text)) continue;
    seen.add(text);
    keys.push({ text, unit: scale.unit, panel: panelLabel(c.panel.panel), name: indexPhrase(definition).a });
  }
  return keys;
}

function checkIndexKey(clinical: ClinicalAnalysis, question: Question): CaseDiagnostic[] {
  const id = question.asks!;
  const definition = indexDefinition(id)!;
  const stagePanel = question.stage?.panel;
  const { candidates, later } = revealedValues(clinical, question, definition);
  const where = question.fields.get('asks')!.valueRange;
  const name = indexPhrase(definition);
  if (!candidates.length) {
    if (later) {
      return [diagnostic('error', 'question-uses-later-labs',
        `This question is asked ${question.stage ? `after ${question.stage.text.replace(/^after\s+/i, '')}` : 'here'}, but the labs that give ${name.the} are revealed later, in ${panelLabel(later.panel.panel)}. Move the question after that panel.`, where)];
    }
    const seen = stagePanel ? `${panelLabel(stagePanel)} does` : 'The labs revealed before this question do';
    return [diagnostic('warning', 'question-key-unchecked',
      `${seen} not give ${name.the} (it needs ${andList(definition.inputs.map((i) => `\`${i}\``))}), so its key cannot be checked. Add the inputs to the panel, or drop \`asks\`.`, where)];
  }
  if (question.type !== 'numeric') return [];
  const answer = question.answers.find((a) => numberOf(a.value) !== undefined);
  if (!answer) return [];
  const scale = unitScale(definition, question);
  if (!scale.known) {
    const unitField = question.fields.get('unit')!;
    return [diagnostic('warning', 'question-key-unchecked',
      `Casewright cannot convert ${name.the} into \`${question.unit}\`, so this key cannot be checked. Write the key and \`unit:\` in ${orList(scale.units.map((u) => `\`${u}\``))}.`,
      unitField.valueRange)];
  }
  const key = numberOf(answer.value)!;
  const tolerance = question.tolerance ?? 0;
  const agrees = (c: IndexValue) => {
    const { value, decimals } = inUnit(c, scale);
    return Math.abs(key - value) <= tolerance + 0.5 * 10 ** -decimals + 1e-9;
  };
  if (candidates.some(agrees)) return [];
  const first = candidates[0];
  const shown = inUnit(first, scale).text;
  const unit = scale.unit ? ` ${scale.unit}` : '';
  const panel = first.panel.panel.qualifier ? ` in ${panelLabel(first.panel.panel)}` : '';
  return [diagnostic('error', 'question-key-disagrees',
    `The key says ${answer.value}${unit}, but the case's labs give ${name.a} of ${shown}${unit}${panel}${question.tolerance !== undefined ? ` (tolerance ${question.tolerance})` : ''}.`,
    answer.valueRange, { replacements: [shown] })];
}

function panelLabel(panel: LabPanel): string {
  return sectionTitle(panel.section);
}

interface UnitScale {
  known: boolean;
  /** canonical = value in the question's unit × factor. */
  factor: number;
  /** The unit the key is read in, as the question (or else the index) writes it. */
  unit: string;
  /** The units Casewright can give the index in (when `known` is false). */
  units: string[];
}

/**
 * The question's `unit:` against the index's: the same unit, another spelling or a unit the
 * catalog converts for that lab (`/uL` for 10^9/L); unknown when it converts into none of them.
 */
function unitScale(definition: IndexDefinition, question: Question): UnitScale {
  const lab = findLab(definition.statedAs ?? definition.id);
  const units = lab?.units?.length ? lab.units.map((u) => u.unit) : definition.unit ? [definition.unit] : [];
  const written = question.unit?.trim();
  if (!written || !definition.unit) return { known: true, factor: 1, unit: written || definition.unit, units };
  if (normalizeUnit(written) === normalizeUnit(definition.unit)) return { known: true, factor: 1, unit: written, units };
  const found = lab ? findUnit(lab, written) : undefined;
  return found ? { known: true, factor: found.factor, unit: written, units } : { known: false, factor: 1, unit: written, units };
}

const CALCULATED = ' (calculated)';

/** How a message names an index: `an RPI`, `a Mentzer index`, `an MCV`, with and without an article. */
function indexPhrase(definition: IndexDefinition): { a: string; the: string } {
  if (definition.id === 'rpi') return { a: 'an RPI', the: 'the RPI' };
  const name = definition.name.endsWith(CALCULATED) ? definition.name.slice(0, -CALCULATED.length) : definition.name;
  const acronym = /^[A-Z]{2}/.test(name);
  // An acronym is read letter by letter (an MCV, an ANC); a word keeps its capital only as a name.
  const shown = acronym || /^Mentzer/.test(name) ? name : name[0].toLowerCase() + name.slice(1);
  const vowel = acronym ? /^[AEFHILMNORSX]/.test(name) : /^[aeiou]/i.test(name);
  return { a: `${vowel ? 'an' : 'a'} ${shown}`, the: `the ${shown}` };
}

/** `asks` names something this type of question cannot have as its key: nothing is checked, and the author is told. */
function keyOfAnotherKind(where: Range, message: string): CaseDiagnostic {
  return diagnostic('warning', 'question-key-unchecked', message, where);
}

/** A short-answer question that asks the mechanism: one accepted answer must name the expected one. */
function checkMechanismAnswers(model: CaseModel, clinical: ClinicalAnalysis, question: Question): CaseDiagnostic | undefined {
  const answers = question.answers.filter((a) => a.value);
  if (!answers.length) return undefined;
  const expected = expectedMechanism(model, clinical);
  if (!expected) return undefined;
  const named = answers.map((a) => mechanismNamedBy(a.value));
  if (named.includes(expected.id)) return undefined;
  const first = answers[0];
  const keyed = named.find((id) => id !== undefined);
  return diagnostic('warning', 'question-mechanism-disagrees',
    keyed
      ? `The accepted answers name \`${keyed}\`, but ${expected.whose} is \`${expected.id}\`.`
      : `No accepted answer names a mechanism Casewright knows, so none can be held to ${expected.whose} (\`${expected.id}\`). Accept the mechanism's name as an answer.`,
    first.valueRange);
}

/** The mechanism a key should name: the case's [answer], else the engine's clear choice. */
function expectedMechanism(model: CaseModel, clinical: ClinicalAnalysis): { id: string; whose: string } | undefined {
  const stated = model.answer.get('mechanism')?.value.toLowerCase();
  if (stated && MECHANISMS.some((m) => m.id === stated)) return { id: stated, whose: 'the case\'s [answer]' };
  const clear = clinical.mechanisms.clearChoice;
  return clear ? { id: clear, whose: 'the engine\'s clear choice' } : undefined;
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
  const expectation = expectedMechanism(model, clinical);
  if (!expectation) return undefined;
  const { id: expected, whose } = expectation;
  if (!keyed) {
    return diagnostic('warning', 'question-mechanism-disagrees',
      `The key names no mechanism Casewright knows, so it cannot be held to ${whose} (\`${expected}\`). Name the mechanism in the key's words.`, key.textRange);
  }
  if (keyed === expected) return undefined;
  return diagnostic('warning', 'question-mechanism-disagrees',
    `The key says \`${keyed}\`, but ${whose} is \`${expected}\`.`, key.textRange);
}
