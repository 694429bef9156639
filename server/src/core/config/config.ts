// casewright.json: what a course sets for its bank. The file is found and read by the CLI and
// the server; the core only validates its content and applies it.
import { INDEX_IDS } from '../clinical/indexDefinitions';
import { MATURATION_TABLES } from '../clinical/maturation';
import type { HideIndicesSetting } from '../model/hiddenIndices';
import type { CaseDiagnostic } from '../diagnostics';
import { ruleLookup, wildcardRuleProblems, type RuleSetting } from './ruleSettings';
// ajv's standalone code for schemas/casewright.schema.json, generated at build time.
import validateConfig = require('./configValidator.generated');

export type { RuleSetting } from './ruleSettings';

export interface CasewrightConfig {
  /** Diagnostic code, or a family of codes as `prefix-*`, → new severity, or `off` (ruleSettings.ts). */
  rules?: Record<string, RuleSetting>;
  /** Globs (relative to the bank root) of files that are not part of the bank. */
  ignore?: string[];
  /** Follow symbolic links that lead out of the bank's folder (default: skip them). */
  followSymlinks?: boolean;
  /** Which maturation table the RPI uses, and optional overrides of its bands. */
  maturation?: { table?: string; bands?: { minHematocrit: number; days: number }[] };
  /** The learning objectives the bank should cover; cases list theirs in `objectives:`. */
  curriculum?: Curriculum;
  /** What the learner view shows: `hideIndices` leaves derived indices out (a case's `hide-indices:` overrides it). */
  learnerView?: { hideIndices?: HideIndicesSetting };
}

export interface Curriculum {
  objectives: { id: string; title: string }[];
}

export const CONFIG_FILE_NAME = 'casewright.json';

export interface ConfigReadResult {
  config: CasewrightConfig;
  /** Human-readable problems; when there are any, `config` is empty. */
  errors: string[];
}

/** Parses and validates the text of a casewright.json. */
export function readConfigText(text: string): ConfigReadResult {
  const result = parseAndValidate(text);
  // Each problem is printed as one line: a line break in a key or a value it quotes from the
  // file is shown as an escape (`\n`), as the file spells it.
  return result.errors.length ? { config: result.config, errors: result.errors.map(oneLine) } : result;
}

const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/g;
const LINE_BREAK_ESCAPES: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n' };

function oneLine(problem: string): string {
  return problem.replace(LINE_BREAK, (c) => LINE_BREAK_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function parseAndValidate(text: string): ConfigReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // V8 quotes the text around the error, line ends and control characters included: the
    // problem is printed as one line, so they are shown as escapes.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return { config: {}, errors: [`it is not valid JSON (${reason})`] };
  }
  if (validateConfig(json)) {
    const config = json as CasewrightConfig;
    const table = config.maturation?.table;
    if (table && !MATURATION_TABLES.some((t) => t.id === table)) {
      return { config: {}, errors: [`\`maturation.table\` is '${table}'; known tables: ${MATURATION_TABLES.map((t) => t.id).join(', ')}`] };
    }
    const hidden = config.learnerView?.hideIndices;
    const unknown = Array.isArray(hidden) ? hidden.find((id) => !INDEX_IDS.includes(id)) : undefined;
    if (unknown !== undefined) {
      return { config: {}, errors: [`\`learnerView.hideIndices\` names '${unknown}', which is not a derived index; known indices: ${INDEX_IDS.join(', ')}`] };
    }
    const wildcards = wildcardRuleProblems(config.rules);
    if (wildcards.length) return { config: {}, errors: wildcards };
    return { config, errors: [] };
  }
  // A key of `rules` that fails its pattern is reported once, by the propertyNames error that names it.
  const errors = (validateConfig.errors ?? []).filter((e) => !('propertyName' in e)).map((e) => {
    const where = e.instancePath ? `\`${e.instancePath.slice(1).replace(/\//g, '.')}\`` : 'the file';
    if (e.keyword === 'propertyNames' && e.instancePath === '/rules') {
      return `${where} has the key \`${keyText(e.params.propertyName)}\`, which is neither a diagnostic code (lowercase words joined by \`-\`) nor a family of codes such as \`privacy-*\``;
    }
    if (e.keyword === 'additionalProperties') return `${where} has an unknown setting \`${keyText(e.params.additionalProperty)}\``;
    if (e.keyword === 'enum') return `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    return `${where} ${e.message ?? 'is not valid'}`;
  });
  return { config: {}, errors };
}

/** A key from the file inside a message: at most 60 characters (a terminal escapes the rest as it prints). */
function keyText(key: unknown): string {
  const text = String(key);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Applies `rules`: drops diagnostics that are off and re-levels the others (the most specific entry wins). */
export function applyRules(diagnostics: readonly CaseDiagnostic[], config: CasewrightConfig): readonly CaseDiagnostic[] {
  const rules = config.rules;
  if (!rules) return diagnostics;
  const settingFor = ruleLookup(rules);
  const result: CaseDiagnostic[] = [];
  for (const d of diagnostics) {
    const setting = settingFor(d.code);
    if (setting === 'off') continue;
    result.push(setting ? { ...d, severity: setting } : d);
  }
  return result;
}
