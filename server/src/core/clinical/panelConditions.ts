// Conditions read within one labs panel: a lab, a derived index, or the smear that goes with
// the panel. The findings decide a panel-bound finding panel by panel (findings.ts), so every
// value a finding weighs comes from the same panel, and its evidence names that panel.
import { formatLabValue } from '../catalog/labCatalog';
import { readableWords } from '../catalog/labels';
import { quotedValue } from '../model/writtenValue';
import type { SmearPanel } from '../model/caseModel';
import type { Range } from '../text';
import type { ListItem } from '../util/lists';
import { flagWords, type FlagResult } from './flags';
import type { CaseFacts } from './caseFacts';
import type { Comparison, Observation, ValueLeaf } from './findings';
import { formatIndexValue, indexDefinition, INDEX_IDS, type ComputedIndex } from './indices';
import { EXPECTED_VALUES, type ExpectedValueId } from './expectedValues';
import type { LabReading, PanelReading } from './panelAnalysis';
import { NO, threshold, UNKNOWN, YES, type TruthCode } from './truth';

/** Where a lab or index condition finds its value in one panel, and how to say it. */
export interface ValueSource {
  /** Its number, for the per-case memo of values read (CaseFacts.valueIn): one source per lab and per index. */
  readonly id: number;
  /** The panel's value, or undefined when the panel lacks it. */
  read(reading: PanelReading): LabReading | ComputedIndex | undefined;
  describe(reading: PanelReading, found: LabReading | ComputedIndex): Observation;
}

/** Every source the rules read, by number; one per lab and per index, shared by every rule that reads it. */
const SOURCES: ValueSource[] = [];
const labSources = new Map<string, ValueSource>();
const indexSources = new Map<string, ValueSource>();

/** How many sources there are (the size of a case's memo of values). */
export function valueSourceCount(): number {
  return SOURCES.length;
}

function shared(sources: Map<string, ValueSource>, key: string, make: (id: number) => ValueSource): ValueSource {
  let source = sources.get(key);
  if (!source) {
    source = make(SOURCES.length);
    SOURCES.push(source);
    sources.set(key, source);
  }
  return source;
}

/** A lab as measured; for a lab the case may leave to be derived (indirect bilirubin, ANC), the derived value. */
export function labValue(key: string): ValueSource {
  return shared(labSources, key, (id) => makeLabValue(key, id));
}

function makeLabValue(key: string, id: number): ValueSource {
  // Most labs are never derived: for them, one lookup (every rule reads a lab on every panel).
  const derivable = INDEX_IDS.includes(key);
  return {
    id,
    read: (reading) => {
      const lab = reading.labs.get(key);
      if (lab && (lab.value !== undefined || lab.word !== undefined)) return lab;
      return derivable ? reading.indices.get(key) : undefined;
    },
    describe: (reading, found) => {
      const where = { range: rangeOf(found), panel: reading.panel.label };
      if (isLabReading(found)) {
        const shown = found.word ?? `${found.comparator ?? ''}${formatLabValue(found.lab, found.value!)} ${found.lab.canonicalUnit}`;
        const said = (value: string) => `${found.lab.name} ${value}${found.flag ? ` (${flagWords(found.flag.flag)})` : ''}${panelSuffix(reading.panel.qualifier)}`;
        const quoted = found.word === undefined ? quotedValue(found.result) : undefined;
        return quoted !== undefined && quoted !== shown ? { text: said(shown), written: said(quoted), ...where } : { text: said(shown), ...where };
      }
      const flag = reading.indexFlags.get(key)?.flag;
      return { text: `${found.name} ${formatIndexValue(found)}${flag ? ` (${flagWords(flag)})` : ''}${panelSuffix(reading.panel.qualifier)}`, ...where };
    },
  };
}

export function indexValue(id: string): ValueSource {
  return shared(indexSources, id, (number) => makeIndexValue(id, number));
}

function makeIndexValue(id: string, number: number): ValueSource {
  // An index the case may state (MCV, ANC) is always among `calculated` when computed (the same
  // object as in `indices`); any other only among `indices`: one lookup either way.
  const stateable = Boolean(indexDefinition(id)?.statedAs);
  return {
    id: number,
    read: (reading) => (stateable ? reading.calculated.get(id) : reading.indices.get(id)),
    describe: (reading, found) => ({
      text: `${(found as ComputedIndex).name} ${formatIndexValue(found as ComputedIndex)}${panelSuffix(reading.panel.qualifier)}`,
      range: rangeOf(found),
      panel: reading.panel.label,
    }),
  };
}

/** A lab or index condition as the program reads it; what it observed says the expected share when it compares with one. */
export function valueLeaf(comparison: Comparison, source: ValueSource): ValueLeaf {
  return { source, shown: comparison.expected ? withExpected(source, comparison.expected) : source, comparison, later: comparison.panel === 'later' };
}

/** The source with this number. */
export function sourceById(id: number): ValueSource {
  return SOURCES[id];
}

/** What a lab or index condition observed in a panel (nothing when the panel leaves it open). */
export function describeValue(facts: CaseFacts, leaf: ValueLeaf, panel: number): Observation[] {
  const found = leaf.later && panel <= 0 ? undefined : facts.valueIn(leaf.source, panel);
  const reading = facts.panels[panel];
  if (!found || compare(found, leaf.comparison, reading) === UNKNOWN) return [];
  return [leaf.shown.describe(reading, found)];
}

/** The observation also says the value as a share of what is expected for the panel. */
function withExpected(source: ValueSource, id: ExpectedValueId): ValueSource {
  return {
    id: source.id,
    read: source.read,
    describe: (reading, found) => {
      const said = source.describe(reading, found);
      const expected = EXPECTED_VALUES[id].value(reading);
      if (expected === undefined || found.value === undefined) return said;
      const share = EXPECTED_VALUES[id].describe(found.value, expected, reading);
      return said.written === undefined ? { ...said, text: `${said.text}: ${share}` } : { ...said, text: `${said.text}: ${share}`, written: `${said.written}: ${share}` };
    },
  };
}

/**
 * What the smear read with the panel says of a word: seen (its item), or a findings list without
 * it. The truth (present, absent when the list lacks it, unknown without a list) is CaseFacts's.
 */
export function describeSmear(facts: CaseFacts, word: string, panel: number): Observation[] {
  const smear = facts.smearFor(panel);
  if (!smear) return [];
  const where = { panel: smear.label };
  // The first item with the word, as the truth's lookup by word keeps it.
  const seen = smear.findings.find((item) => item.text.toLowerCase() === word);
  if (seen) return [{ text: `smear: ${readableWords(word)}${panelSuffix(smear.qualifier)}`, range: seen.range, ...where }];
  const field = findingsField(smear);
  return field ? [{ text: `smear without ${readableWords(word)}${panelSuffix(smear.qualifier)}`, range: field.range, ...where }] : [];
}

export function findingsField(smear: SmearPanel) {
  return smear.section.fields.find((f) => f.key === 'findings');
}

/** A smear's findings by lowercased word, the first item for each: what the smear rules look words up in. */
export function smearItemsByWord(items: readonly ListItem[]): Map<string, ListItem> {
  const byWord = new Map<string, ListItem>();
  for (const item of items) {
    const word = item.text.toLowerCase();
    if (!byWord.has(word)) byWord.set(word, item);
  }
  return byWord;
}

function isLabReading(found: LabReading | ComputedIndex): found is LabReading {
  return 'lab' in found;
}

function rangeOf(found: LabReading | ComputedIndex): Range | undefined {
  return isLabReading(found) ? found.range : found.inputs[0]?.range;
}

/** Which panel, after the value: nothing for the case's unqualified panel, ` [day 5]` otherwise. */
function panelSuffix(qualifier: string | undefined): string {
  return qualifier ? ` [${qualifier}]` : '';
}

export function compare(found: LabReading | ComputedIndex, condition: Comparison, reading: PanelReading): TruthCode {
  let flag: FlagResult | undefined;
  let word: string | undefined;
  let comparator: string | undefined;
  if (isLabReading(found)) {
    flag = found.flag;
    word = found.word;
    comparator = found.comparator;
  } else {
    flag = reading.indexFlags.get(found.id);
  }
  if (condition.flag) {
    if (!flag) return UNKNOWN;
    if (!condition.flag.includes(flag.flag)) return NO;
  }
  if (condition.is !== undefined) {
    if (word === undefined) return UNKNOWN;
    if (word !== condition.is) return NO;
  }
  const below = condition.below;
  let atLeast = condition.atLeast;
  if (condition.timesUpperLimit !== undefined) {
    const upper = flag?.range?.high;
    if (upper === undefined) return UNKNOWN;
    atLeast = Math.max(atLeast ?? -Infinity, condition.timesUpperLimit * upper);
  }
  if (below === undefined && atLeast === undefined) return YES;
  let value = found.value;
  if (value === undefined) return UNKNOWN;
  if (condition.expected) {
    const expected = EXPECTED_VALUES[condition.expected].value(reading);
    if (expected === undefined || !(expected > 0)) return UNKNOWN;
    value /= expected;
  }
  // `<v` means every value below v: decisive only when the whole interval is on one side.
  if (comparator === '<' || comparator === '<=') {
    if (below !== undefined && value <= below) return atLeast === undefined ? YES : UNKNOWN;
    if (atLeast !== undefined && value <= atLeast) return NO;
    return UNKNOWN;
  }
  if (comparator === '>' || comparator === '>=') {
    if (atLeast !== undefined && value >= atLeast) return below === undefined ? YES : UNKNOWN;
    if (below !== undefined && value >= below) return NO;
    return UNKNOWN;
  }
  return threshold(value, below, atLeast);
}
