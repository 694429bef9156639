// What a bank teaches, at a glance: cases by mechanism, tag, level, status and author; which
// learning objectives of the curriculum are covered and which are not; cases whose engine
// choice is weak or disagrees with their answer. Pure: analyses in, numbers out; the CLI and
// the editor put them into words.
import type { CaseAnalysis } from '../analyzeCase';
import type { Curriculum } from '../config/config';

export interface Count {
  /** The value as written (lowercased for controlled words); `(none)` when the case has none. */
  value: string;
  cases: number;
}

export interface CaseRef {
  id: string;
  file: string;
}

export interface ObjectiveCoverage {
  id: string;
  title: string;
  /** Ids of the cases that list the objective. */
  cases: string[];
}

export interface BankStats {
  cases: number;
  byMechanism: Count[];
  byTag: Count[];
  byLevel: Count[];
  byStatus: Count[];
  byAuthor: Count[];
  /** Present when the bank has a curriculum. */
  objectives?: {
    covered: ObjectiveCoverage[];
    notCovered: ObjectiveCoverage[];
    /** Objective ids cases list that the curriculum does not define. */
    unknown: { objective: string; cases: string[] }[];
  };
  engine: {
    /** The engine's clear first choice is the stated mechanism. */
    agrees: number;
    /** A mechanism is stated and the case has labs, but the engine has no clear first choice. */
    weak: (CaseRef & { stated: string })[];
    /** The engine's clear first choice is another mechanism. */
    conflicts: (CaseRef & { stated: string; engine: string })[];
  };
}

export const NONE = '(none)';

/**
 * What the summary needs of one case: a few words, kept by the language server for every file
 * of the bank (closed files keep no analysis, see server/src/lsp/workspaceBank.ts).
 */
export interface CaseFacts {
  id: string;
  file: string;
  /** The stated mechanism, lowercased; undefined when the case states none. */
  mechanism?: string;
  level: string;
  status: string;
  author: string;
  /** Lowercased, each once. */
  tags: string[];
  objectives: string[];
  /** How the engine's clear first choice compares with the stated mechanism (cases with labs only). */
  engine?: { clearChoice?: string };
}

/** The facts of one analysed case. */
export function caseFacts(file: string, analysis: CaseAnalysis): CaseFacts {
  const { model, clinical } = analysis;
  const header = (key: string) => own(model.header.get(key)?.value.trim() || NONE);
  const mechanism = model.answer.get('mechanism')?.value.trim().toLowerCase();
  const facts: CaseFacts = {
    id: own(model.id ?? file),
    file,
    mechanism: mechanism ? own(mechanism) : undefined,
    level: header('level').toLowerCase(),
    status: header('status').toLowerCase(),
    author: header('author'),
    tags: [...new Set(model.tags.map((t) => own(t.text.toLowerCase())))],
    objectives: [...new Set(listItems(model.header.get('objectives')?.value).map(own))],
  };
  if (facts.mechanism && model.panels.some((p) => p.results.length)) facts.engine = { clearChoice: clinical.mechanisms.clearChoice };
  return facts;
}

export function computeBankStats(cases: readonly { file: string; analysis: CaseAnalysis }[], curriculum?: Curriculum): BankStats {
  return summarizeBank(cases.map(({ file, analysis }) => caseFacts(file, analysis)), curriculum);
}

/** The summary of a bank from each case's facts, in the order given. */
export function summarizeBank(cases: Iterable<CaseFacts>, curriculum?: Curriculum): BankStats {
  const byMechanism = new Map<string, number>();
  const byTag = new Map<string, number>();
  const byLevel = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const byAuthor = new Map<string, number>();
  // Sets: an id shared by two files is listed once, without a search through the list.
  const casesByObjective = new Map<string, Set<string>>();
  const engine: BankStats['engine'] = { agrees: 0, weak: [], conflicts: [] };
  let count = 0;

  for (const facts of cases) {
    count++;
    const { id, file } = facts;
    add(byMechanism, facts.mechanism ?? NONE);
    add(byLevel, facts.level);
    add(byStatus, facts.status);
    add(byAuthor, facts.author);
    if (facts.tags.length === 0) add(byTag, NONE);
    for (const tag of facts.tags) add(byTag, tag);
    for (const objective of facts.objectives) {
      const ids = casesByObjective.get(objective) ?? new Set<string>();
      ids.add(id);
      casesByObjective.set(objective, ids);
    }

    const stated = facts.mechanism;
    if (!stated || !facts.engine) continue;
    const clear = facts.engine.clearChoice;
    if (clear === stated) engine.agrees++;
    else if (!clear) engine.weak.push({ id, file, stated });
    else engine.conflicts.push({ id, file, stated, engine: clear });
  }

  const stats: BankStats = {
    cases: count,
    byMechanism: sorted(byMechanism),
    byTag: sorted(byTag),
    byLevel: sorted(byLevel),
    byStatus: sorted(byStatus),
    byAuthor: sorted(byAuthor),
    engine,
  };
  if (curriculum) {
    const defined = new Set(curriculum.objectives.map((o) => o.id));
    const coverage = curriculum.objectives.map((o) => ({ id: o.id, title: o.title, cases: [...casesByObjective.get(o.id) ?? []] }));
    stats.objectives = {
      covered: coverage.filter((o) => o.cases.length > 0),
      notCovered: coverage.filter((o) => o.cases.length === 0),
      unknown: [...casesByObjective].filter(([objective]) => !defined.has(objective)).map(([objective, ids]) => ({ objective, cases: [...ids] })),
    };
  }
  return stats;
}

function add(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

/** Most cases first, then by name; `(none)` last. */
function sorted(counts: Map<string, number>): Count[] {
  return [...counts].map(([value, cases]) => ({ value, cases }))
    .sort((a, b) => Number(a.value === NONE) - Number(b.value === NONE) || b.cases - a.cases || a.value.localeCompare(b.value));
}

/** A copy: a substring can keep the whole file it was cut from alive, and the server keeps facts for every file. */
function own(text: string): string {
  return [...text].join('');
}

function listItems(value: string | undefined): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
