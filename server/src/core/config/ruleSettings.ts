// `rules` in casewright.json (and the editor's `casewright.rules`): a diagnostic code, or a
// family of codes written `prefix-*` (`privacy-*`, `question-*`), mapped to a severity or `off`.
// As in ESLint and markdownlint, the most specific entry wins: an exact code over any wildcard,
// a longer prefix over a shorter one (`item-*` never competes with `privacy-*`; `unknown-*`
// with `unknown-lab` does, and the code wins).
import { DIAGNOSTIC_RULES, diagnosticRule } from '../diagnosticCatalog';
import type { Severity } from '../diagnostics';
import { closestMatches } from '../util/didYouMean';

export type RuleSetting = Severity | 'off';
export type RuleSettings = Record<string, RuleSetting>;

const WILDCARD = '-*';

/** Whether a `rules` key names a family of codes (`privacy-*`) rather than one code. */
export function isWildcardRule(key: string): boolean {
  return key.endsWith(WILDCARD);
}

/** The prefixes a wildcard may use: every leading run of whole words of a documented code. */
const KNOWN_PREFIXES: ReadonlySet<string> = (() => {
  const prefixes = new Set<string>();
  for (const { code } of DIAGNOSTIC_RULES) {
    for (let dash = code.indexOf('-'); dash > 0; dash = code.indexOf('-', dash + 1)) prefixes.add(code.slice(0, dash));
  }
  return prefixes;
})();

/**
 * One line per wildcard that matches no documented code (a typo such as `privcy-*` would
 * otherwise silently do nothing). Plain codes are not checked here: the schema's pattern is
 * their only test, so a bank may name a code of a newer Casewright.
 */
export function wildcardRuleProblems(rules: RuleSettings | undefined): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(rules ?? {})) {
    if (!isWildcardRule(key)) continue;
    const prefix = key.slice(0, -WILDCARD.length);
    if (KNOWN_PREFIXES.has(prefix)) continue;
    const near = closestMatches(prefix, KNOWN_PREFIXES).map((p) => `\`${p}-*\``);
    const guess = diagnosticRule(prefix) ? ` (\`${prefix}\` is one code: write it without \`-*\`)`
      : near.length ? ` (did you mean ${near.join(' or ')}?)` : '';
    problems.push(`\`rules.${key}\` matches no diagnostic code${guess}; a wildcard is the first words of a code and \`-*\`, like \`privacy-*\` (see docs/diagnostics.md)`);
  }
  return problems;
}

/** Memoised per rules object: a bank applies the same rules to every file. */
const lookups = new WeakMap<RuleSettings, (code: string) => RuleSetting | undefined>();

/** The setting for `code`: its own entry, else the wildcard with the longest prefix, else none. */
export function ruleLookup(rules: RuleSettings): (code: string) => RuleSetting | undefined {
  let lookup = lookups.get(rules);
  if (lookup) return lookup;
  const wildcards: [string, RuleSetting][] = [];
  for (const [key, setting] of Object.entries(rules)) {
    if (isWildcardRule(key)) wildcards.push([key.slice(0, -1), setting]); // keeps the dash: `privacy-`
  }
  if (wildcards.length === 0) {
    lookup = (code) => (Object.hasOwn(rules, code) ? rules[code] : undefined);
  } else {
    wildcards.sort((a, b) => b[0].length - a[0].length);
    const resolved = new Map<string, RuleSetting | undefined>();
    lookup = (code) => {
      if (Object.hasOwn(rules, code)) return rules[code];
      if (resolved.has(code)) return resolved.get(code);
      const setting = wildcards.find(([prefix]) => code.startsWith(prefix))?.[1];
      resolved.set(code, setting);
      return setting;
    };
  }
  lookups.set(rules, lookup);
  return lookup;
}

/**
 * `over` on top of `base` (the editor's settings on top of casewright.json). A layer above
 * wins over the layer below whatever their specificity: `privacy-*: off` in the editor silences
 * `privacy-date: error` from the file, so the base's entries that an upper wildcard covers go.
 */
export function layerRules(base: RuleSettings | undefined, over: RuleSettings | undefined): RuleSettings {
  const upper = over ?? {};
  const covering = Object.keys(upper).filter(isWildcardRule).map((key) => key.slice(0, -1));
  const result: RuleSettings = {};
  for (const [key, setting] of Object.entries(base ?? {})) {
    // A base wildcard under an upper one of the same or a shorter prefix is covered as well.
    const stem = isWildcardRule(key) ? key.slice(0, -1) : key;
    if (!covering.some((prefix) => stem.startsWith(prefix))) result[key] = setting;
  }
  return Object.assign(result, upper);
}
