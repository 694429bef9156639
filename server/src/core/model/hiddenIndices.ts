// Which derived indices the learner view leaves out, so a case whose point is working out the
// RPI does not give it away. The case's `hide-indices:` header field decides; without it, the
// bank's `learnerView.hideIndices` (casewright.json); without that, none. The preview's toggle
// overrides both while the author looks. The answer view, hovers and inlay hints show them all.
import { INDEX_IDS } from '../clinical/indexDefinitions';
import { closestMatches, didYouMeanSentence } from '../util/didYouMean';
import { splitListValue } from '../util/lists';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import type { CaseModel } from './caseModel';

/** `true` hides every index, `false` none, a list the indices it names. */
export type HideIndicesSetting = boolean | readonly string[];

export interface LearnerViewOptions {
  /** casewright.json `learnerView.hideIndices`: the bank's default, which a case's own field overrides. */
  bankHideIndices?: HideIndicesSetting;
  /** The preview's toggle: `true` hides every index, `false` shows them all, whatever case and bank say. */
  hideIndicesOverride?: boolean;
}

const ALL = 'yes';
const NONE = 'no';
const KNOWN_IDS = new Set(INDEX_IDS);
/** The schema's form for an item (case.schema.json); an item of another form is its error, not ours. */
const ITEM_FORM = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** The case's own setting, or undefined when it has no (or an empty) `hide-indices:` field. */
export function caseHideIndices(model: CaseModel): HideIndicesSetting | undefined {
  const field = model.header.get('hide-indices');
  if (!field) return undefined;
  const words = splitListValue(field).map((item) => item.text.toLowerCase());
  if (!words.length) return undefined;
  if (words.includes(ALL)) return true;
  if (words.includes(NONE)) return false;
  return words.filter((word) => KNOWN_IDS.has(word));
}

/** The index ids the learner view hides. */
export function hiddenIndices(model: CaseModel, options: LearnerViewOptions = {}): ReadonlySet<string> {
  const setting = options.hideIndicesOverride ?? caseHideIndices(model) ?? options.bankHideIndices ?? false;
  if (setting === true) return KNOWN_IDS;
  if (setting === false) return new Set();
  return new Set(setting.filter((id) => KNOWN_IDS.has(id)));
}

/** An id that is no index (did you mean …?), and `yes` or `no` given beside other words. */
export function checkHideIndices(model: CaseModel): CaseDiagnostic[] {
  const field = model.header.get('hide-indices');
  if (!field) return [];
  const items = splitListValue(field);
  const diagnostics: CaseDiagnostic[] = [];
  for (const item of items) {
    const word = item.text.toLowerCase();
    if (word === ALL || word === NONE) {
      if (items.length > 1) {
        diagnostics.push(diagnostic('error', 'invalid-value',
          `\`${word}\` stands alone in \`hide-indices\`: write \`yes\`, \`no\`, or a list of index ids.`, item.range));
      }
      continue;
    }
    if (KNOWN_IDS.has(word) || !ITEM_FORM.test(item.text)) continue;
    const matches = closestMatches(word, INDEX_IDS);
    diagnostics.push(diagnostic('error', 'unknown-value',
      `\`${item.text}\` is not a derived index.${didYouMeanSentence(matches)} \`hide-indices\` takes \`yes\`, \`no\` or index ids: ${INDEX_IDS.map((id) => `\`${id}\``).join(', ')}.`,
      item.range, matches.length ? { replacements: matches } : undefined));
  }
  return diagnostics;
}
