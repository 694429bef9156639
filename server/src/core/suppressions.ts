// Inline suppression, as other linters have it: `# casewright-disable-next-line CODE[, CODE]`
// silences those codes on the line below the comment, `# casewright-disable CODE[, CODE]`
// silences them in the whole file. With no codes, every code is silenced there. A directive
// that silenced nothing is itself reported (`unused-suppression`), so stale ones do not pile up.
import { DIAGNOSTIC_RULES, diagnosticRule } from './diagnosticCatalog';
import { diagnostic, type CaseDiagnostic, type DiagnosticData } from './diagnostics';
import { closestMatches, didYouMeanSentence } from './util/didYouMean';
import type { CaseSyntax } from './syntax/syntaxTree';
import { lineSpan, type Range } from './text';

export interface Suppression {
  /** `line`: the line below the comment; `file`: everywhere. */
  scope: 'line' | 'file';
  /** The line the directive silences (for `line`), 0-based. */
  targetLine: number;
  /** The codes named, with where each is written; empty means every code. */
  codes: { code: string; range: Range }[];
  /** The whole comment, for a directive without codes. */
  range: Range;
}

const DIRECTIVE = /^#[ \t]*casewright-disable(-next-line)?(?=[ \t]|$)/;
/** What every directive holds. */
const DIRECTIVE_NAME = 'casewright-disable';
const CODE = /[A-Za-z0-9][A-Za-z0-9-]*/g;
/** A comment longer than this is not a directive: keeps the scan bounded on hostile input. */
const MAX_DIRECTIVE_LENGTH = 500;
/** File-wide directives honoured; more than a few in one case is noise, not intent. */
const MAX_FILE_DIRECTIVES = 20;

/** The directives in a document's comments. */
export function readSuppressions(syntax: CaseSyntax): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of syntax.comments) {
    const line = comment.start.line;
    // Nearly every comment is a note: one search of its line rules it out before any copy or regex.
    if (!syntax.lines[line].includes(DIRECTIVE_NAME)) continue;
    const text = syntax.lines[line].slice(comment.start.character, comment.end.character);
    if (text.length > MAX_DIRECTIVE_LENGTH) continue;
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const codes: Suppression['codes'] = [];
    const rest = text.slice(match[0].length);
    // Text after ` -- ` is a reason for the reader, as ESLint allows.
    const reasonAt = rest.indexOf(' --');
    const list = reasonAt < 0 ? rest : rest.slice(0, reasonAt);
    const base = comment.start.character + match[0].length;
    for (const code of list.matchAll(CODE)) codes.push({ code: code[0].toLowerCase(), range: lineSpan(line, base + (code.index ?? 0), code[0].length) });
    found.push({ scope: match[1] ? 'line' : 'file', targetLine: line + 1, codes, range: comment });
  }
  return found;
}

/**
 * Drops the diagnostics the directives silence and reports directives (or codes in them) that
 * silenced nothing. `unused-suppression` itself cannot be silenced: it would hide its own cause.
 */
export function applySuppressions(diagnostics: readonly CaseDiagnostic[], suppressions: readonly Suppression[] | undefined): CaseDiagnostic[] {
  if (!suppressions?.length) return [...diagnostics];
  // Indexed once, so each diagnostic looks up its line and code instead of scanning every directive.
  const byLine = new Map<number, number[]>();
  const fileWide: number[] = [];
  suppressions.forEach((s, i) => {
    if (s.scope === 'file') { fileWide.push(i); return; }
    const list = byLine.get(s.targetLine);
    if (list) list.push(i); else byLine.set(s.targetLine, [i]);
  });
  const used = new Set<string>();
  const key = (s: number, code: string) => `${s}\u0000${code}`;
  const kept: CaseDiagnostic[] = [];
  for (const d of diagnostics) {
    let silenced = false;
    const silence = (i: number) => {
      const s = suppressions[i];
      if (!s.codes.length) { silenced = true; used.add(key(i, '')); return; }
      if (s.codes.some((c) => c.code === d.code)) { silenced = true; used.add(key(i, d.code)); }
    };
    byLine.get(d.range.start.line)?.forEach(silence);
    // File-wide directives are a handful in any real case; past that, only the first few count.
    fileWide.slice(0, MAX_FILE_DIRECTIVES).forEach(silence);
    if (!silenced || d.code === 'unused-suppression') kept.push(d);
  }
  suppressions.forEach((s, i) => {
    const scope = s.scope === 'line' ? 'on the next line' : 'in this file';
    if (!s.codes.length) {
      if (!used.has(key(i, ''))) kept.push(unused(`This \`casewright-disable\` comment silences nothing ${scope}; remove it.`, s.range, { removes: 'comment' }));
      return;
    }
    const unusedCodes = s.codes.filter((c) => !used.has(key(i, c.code)));
    // When no code of the comment is used, the fix removes the comment: removing its codes one
    // by one would leave a bare directive, which silences everything.
    const removes = unusedCodes.length === s.codes.length ? 'comment' : 'code';
    for (const c of unusedCodes) {
      const known = diagnosticRule(c.code);
      if (known) {
        kept.push(unused(`\`${c.code}\` is not reported ${scope}, so this suppression does nothing; remove it.`, c.range, { removes }));
        continue;
      }
      const matches = closestMatches(c.code, CODES);
      kept.push(unused(`\`${c.code}\` is not a Casewright diagnostic code (see docs/diagnostics.md), so this suppression does nothing.${didYouMeanSentence(matches)}`, c.range, { removes, replacements: matches }));
    }
  });
  return kept;
}

const CODES = DIAGNOSTIC_RULES.map((r) => r.code);

/** `data.removes` tells the quick fix what to delete: the whole comment line, or this code from its list. */
function unused(message: string, range: Range, data: DiagnosticData & { removes: 'comment' | 'code' }): CaseDiagnostic {
  return diagnostic('warning', 'unused-suppression', message, range, data);
}
