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

export function computeBankStats(cases: readonly { file: string; analysis: CaseAnalysis }[], curriculum?: Curriculum): BankStats {
  const byMechanism = new Map<string, number>();
  const byTag = new Map<string, number>();
  const byLevel = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const byAuthor = new Map<string, number>();
  const casesByObjective = new Map<string, string[]>();
  const engine: BankStats['engine'] = { agrees: 0, weak: [], conflicts: [] };

  for (const { file, analysis } of cases) {
    const { model, clinical } = analysis;
    const id = model.id ?? file;
    const header = (key: string) => model.header.get(key)?.value.trim() || NONE;
    const stated = model.answer.get('mechanism')?.value.trim().toLowerCase();
    add(byMechanism, stated || NONE);
    add(byLevel, header('level').toLowerCase());
    add(byStatus, header('status').toLowerCase());
    add(byAuthor, header('author'));
    if (model.tags.length === 0) add(byTag, NONE);
    for (const tag of new Set(model.tags.map((t) => t.text.toLowerCase()))) add(byTag, tag);
    for (const objective of listItems(model.header.get('objectives')?.value)) {
      const list = casesByObjective.get(objective) ?? [];
      if (!list.includes(id)) list.push(id);
      casesByObjective.set(objective, list);
    }

    if (!stated || !model.panels.some((p) => p.results.length)) continue;
    const clear = clinical.mechanisms.clearChoice;
    if (clear === stated) engine.agrees++;
    else if (!clear) engine.weak.push({ id, file, stated });
    else engine.conflicts.push({ id, file, stated, engine: clear });
  }

  const stats: BankStats = {
    cases: cases.length,
    byMechanism: sorted(byMechanism),
    byTag: sorted(byTag),
    byLevel: sorted(byLevel),
    byStatus: sorted(byStatus),
    byAuthor: sorted(byAuthor),
    engine,
  };
  if (curriculum) {
    const defined = new Set(curriculum.objectives.map((o) => o.id));
    const coverage = curriculum.objectives.map((o) => ({ id: o.id, title: o.title, cases: casesByObjective.get(o.id) ?? [] }));
    stats.objectives = {
      covered: coverage.filter((o) => o.cases.length > 0),
      notCovered: coverage.filter((o) => o.cases.length === 0),
      unknown: [...casesByObjective].filter(([objective]) => !defined.has(objective)).map(([objective, ids]) => ({ objective, cases: ids })),
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

function listItems(value: string | undefined): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
