// Conditions read within one labs panel: a lab, a derived index, or the smear that goes with
// the panel. The findings decide a panel-bound finding panel by panel (findings.ts), so every
// value a finding weighs comes from the same panel, and its evidence names that panel.
import { formatLabValue } from '../catalog/labCatalog';
import { quotedValue } from '../model/writtenValue';
import type { SmearPanel } from '../model/caseModel';
import type { Range } from '../text';
import type { ListItem } from '../util/lists';
import type { FlagResult } from './flags';
import type { CaseFacts } from './caseFacts';
import type { Comparison, Compiled, Observation, PanelProbe, Truth } from './findings';
import { formatIndexValue, INDEX_DEFINITIONS, type ComputedIndex } from './indices';
import { EXPECTED_VALUES, type ExpectedValueId } from './expectedValues';
import type { LabReading, PanelReading } from './panelAnalysis';
import { threshold } from './structuredConditions';

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
  const derivable = INDEX_DEFINITIONS.some((d) => d.id === key);
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
        const said = (value: string) => `${found.lab.name} ${value}${found.flag ? ` (${found.flag.flag})` : ''}${panelSuffix(reading.panel.qualifier)}`;
        const quoted = found.word === undefined ? quotedValue(found.result) : undefined;
        return quoted !== undefined && quoted !== shown ? { text: said(shown), written: said(quoted), ...where } : { text: said(shown), ...where };
      }
      const flag = reading.indexFlags.get(key)?.flag;
      return { text: `${found.name} ${formatIndexValue(found)}${flag ? ` (${flag})` : ''}${panelSuffix(reading.panel.qualifier)}`, ...where };
    },
  };
}

export function indexValue(id: string): ValueSource {
  return shared(indexSources, id, (number) => makeIndexValue(id, number));
}

function makeIndexValue(id: string, number: number): ValueSource {
  // An index the case may state (MCV, ANC) is always among `calculated` when computed (the same
  // object as in `indices`); any other only among `indices`: one lookup either way.
  const stateable = Boolean(INDEX_DEFINITIONS.find((d) => d.id === id)?.statedAs);
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

/**
 * A lab or index compared in one panel: unknown when the panel lacks the value. A `later`
 * condition reads only panels after the case's first (findings.ts decides such a finding on
 * any panel that shows it).
 */
export function panelValue(comparison: Comparison, plain: ValueSource): Compiled {
  const source = comparison.expected ? withExpected(plain, comparison.expected) : plain;
  const later = comparison.panel === 'later';
  const valueIn = (facts: CaseFacts, panel: number): LabReading | ComputedIndex | undefined =>
    (later && panel <= 0 ? undefined : facts.valueIn(source, panel));
  return {
    truth: (facts, panel) => {
      const found = valueIn(facts, panel);
      return found ? compare(found, comparison, facts.panels[panel]) : 'unknown';
    },
    observe: (facts, panel) => {
      const found = valueIn(facts, panel);
      const reading = facts.panels[panel];
      if (!found || compare(found, comparison, reading) === 'unknown') return [];
      return [source.describe(reading, found)];
    },
  };
}

/**
 * Whether a panel has the value of a lab (or an index) condition; one probe per lab and scope,
 * shared by every finding that reads it.
 */
const labProbes = new Map<string, PanelProbe>();
const indexProbes = new Map<string, PanelProbe>();

export function labProbe(key: string, later: boolean): PanelProbe {
  return probeFor(labProbes, labValue(key), `${key}\u0000${later}`, later);
}

export function indexProbe(id: string, later: boolean): PanelProbe {
  return probeFor(indexProbes, indexValue(id), `${id}\u0000${later}`, later);
}

function probeFor(probes: Map<string, PanelProbe>, source: ValueSource, key: string, later: boolean): PanelProbe {
  let probe = probes.get(key);
  if (!probe) {
    probe = (facts, panel) => !(later && panel <= 0) && facts.valueIn(source, panel) !== undefined;
    probes.set(key, probe);
  }
  return probe;
}

/** Whether the smear read with the panel lists its findings. */
export const smearProbe: PanelProbe = (facts, panel) => {
  const smear = facts.smearFor(panel);
  return smear !== undefined && findingsField(smear) !== undefined;
};

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
 * A word on the smear read with the panel (its own smear, else the case's primary one): present,
 * absent when the smear lists findings without it, unknown without a findings list.
 */
export function smearFinding(finding: string): Compiled {
  return {
    truth: (facts, panel) => {
      const smear = facts.smearFor(panel);
      if (!smear || !findingsField(smear)) return 'unknown';
      return smearItemsByWord(smear.findings).has(finding) ? 'yes' : 'no';
    },
    observe: (facts, panel) => {
      const smear = facts.smearFor(panel);
      if (!smear) return [];
      const where = { panel: smear.label };
      const seen = smearItemsByWord(smear.findings).get(finding);
      if (seen) return [{ text: `smear: ${finding}${panelSuffix(smear.qualifier)}`, range: seen.range, ...where }];
      const field = findingsField(smear);
      return field ? [{ text: `smear without ${finding}${panelSuffix(smear.qualifier)}`, range: field.range, ...where }] : [];
    },
  };
}

function findingsField(smear: SmearPanel) {
  return smear.section.fields.find((f) => f.key === 'findings');
}

/**
 * A smear's findings by lowercased word, the first item for each, as `find` would pick it.
 * Every smear rule asks (a score of them per case): lowercasing every item for each was the
 * engine's largest source of garbage on a bank. Kept with the list (a WeakMap: it goes with it).
 */
const itemsByWord = new WeakMap<readonly ListItem[], Map<string, ListItem>>();

function smearItemsByWord(items: readonly ListItem[]): Map<string, ListItem> {
  let byWord = itemsByWord.get(items);
  if (!byWord) {
    byWord = new Map();
    for (const item of items) {
      const word = item.text.toLowerCase();
      if (!byWord.has(word)) byWord.set(word, item);
    }
    itemsByWord.set(items, byWord);
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

function compare(found: LabReading | ComputedIndex, condition: Comparison, reading: PanelReading): Truth {
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
    if (!flag) return 'unknown';
    if (!condition.flag.includes(flag.flag)) return 'no';
  }
  if (condition.is !== undefined) {
    if (word === undefined) return 'unknown';
    if (word !== condition.is) return 'no';
  }
  const below = condition.below;
  let atLeast = condition.atLeast;
  if (condition.timesUpperLimit !== undefined) {
    const upper = flag?.range?.high;
    if (upper === undefined) return 'unknown';
    atLeast = Math.max(atLeast ?? -Infinity, condition.timesUpperLimit * upper);
  }
  if (below === undefined && atLeast === undefined) return 'yes';
  let value = found.value;
  if (value === undefined) return 'unknown';
  if (condition.expected) {
    const expected = EXPECTED_VALUES[condition.expected].value(reading);
    if (expected === undefined || !(expected > 0)) return 'unknown';
    value /= expected;
  }
  // `<v` means every value below v: decisive only when the whole interval is on one side.
  if (comparator === '<' || comparator === '<=') {
    if (below !== undefined && value <= below) return atLeast === undefined ? 'yes' : 'unknown';
    if (atLeast !== undefined && value <= atLeast) return 'no';
    return 'unknown';
  }
  if (comparator === '>' || comparator === '>=') {
    if (atLeast !== undefined && value >= atLeast) return below === undefined ? 'yes' : 'unknown';
    if (below !== undefined && value >= below) return 'no';
    return 'unknown';
  }
  return threshold(value, below, atLeast);
}
