// The questions as `casewright explain` shows them: each with its stage, its key and, for a
// question that `asks`, what the check against the engine found (taken from the diagnostics
// the analysis already made, so explain and check never disagree).
import type { CaseAnalysis } from '../analyzeCase';
import type { CaseDiagnostic } from '../diagnostics';
import type { Question } from './questionModel';

export interface ExplainedQuestion {
  id: string;
  /** 1-based line of the `[question]` header. */
  line: number;
  type: string | null;
  /** `after labs day 3` as written, or null for a question asked at the end. */
  stage: string | null;
  points: number;
  /** The correct options (in order for `ordering`), or the accepted answers. */
  keys: string[];
  tolerance: number | null;
  unit: string | null;
  asks: string | null;
  /** For a question that `asks`: whether the key agrees with the case, and why not. */
  check: { agrees: boolean; code: string | null; message: string | null } | null;
}

const KEY_CHECK_CODES = new Set(['question-key-disagrees', 'question-key-unchecked', 'question-uses-later-labs', 'question-mechanism-disagrees', 'unknown-value']);

export function explainQuestions({ model, diagnostics }: CaseAnalysis): ExplainedQuestion[] {
  return model.questions.map((question) => {
    const asks = question.fields.get('asks');
    const found = asks ? diagnostics.find((d) => KEY_CHECK_CODES.has(d.code) && within(d, question)) : undefined;
    return {
      id: question.id,
      line: question.section.headerRange.start.line + 1,
      type: question.type ?? null,
      stage: question.stage ? `after ${question.stage.text.trim().replace(/^after[ \t]+/i, '')}` : null,
      points: question.points,
      keys: keysOf(question),
      tolerance: question.type === 'numeric' ? question.tolerance ?? null : null,
      unit: question.type === 'numeric' ? question.unit ?? null : null,
      asks: question.asks ?? null,
      check: question.asks ? { agrees: !found, code: found?.code ?? null, message: found?.message ?? null } : null,
    };
  });
}

function within(d: CaseDiagnostic, question: Question): boolean {
  const line = d.range.start.line;
  return question.section.range.start.line <= line && line <= question.section.range.end.line;
}

function keysOf(question: Question): string[] {
  if (question.type === 'numeric' || question.type === 'short') return question.answers.map((a) => a.value).filter(Boolean);
  if (question.type === 'ordering') return question.options.map((o) => o.text);
  return question.options.filter((o) => o.correct).map((o) => o.text);
}

/** The questions as lines of the text report (none when the case has no questions). */
export function renderQuestionsText(questions: readonly ExplainedQuestion[]): string[] {
  if (!questions.length) return [];
  const out = ['', `Questions (${questions.length}):`];
  questions.forEach((q, i) => {
    const about = [q.type ?? 'no type', q.stage ?? 'at the end', `${q.points} ${q.points === 1 ? 'point' : 'points'}`].join(', ');
    const tolerance = q.tolerance !== null ? ` ± ${q.tolerance}` : '';
    const unit = q.unit ? ` ${q.unit}` : '';
    const keys = q.keys.length ? q.keys.map((k) => (q.type === 'numeric' ? `${k}${unit}${tolerance}` : `“${k}”`)).join(q.type === 'ordering' ? ' → ' : ', ') : 'none';
    out.push(`  ${i + 1}. ${q.id} (${about}), line ${q.line}: key ${keys}`);
    if (q.check) out.push(`     asks ${q.asks}: ${q.check.agrees ? (q.asks === 'mechanism' ? 'the key agrees with the case\'s mechanism.' : 'the key agrees with the case\'s labs.') : q.check.message}`);
  });
  return out;
}
