// Section-level checks: unknown names, sections that may appear once, labs qualifiers.
import { REPEATABLE_SECTIONS, SECTIONS, sectionSpec } from '../catalog/vocabulary';
import { diagnostic, type CaseDiagnostic } from '../diagnostics';
import { qualifierIdentity } from '../model/buildModel';
import type { CaseSyntax } from '../syntax/syntaxTree';
import { closestMatches, didYouMeanSentence } from '../util/didYouMean';
import { orList } from '../util/lists';

const SECTION_NAMES = SECTIONS.map((s) => s.name);
const TAKE_QUALIFIERS = `only ${REPEATABLE_SECTIONS.map((name) => `[${name}]`).join(' and ')} ${REPEATABLE_SECTIONS.length > 1 ? 'do' : 'does'}`;

export function checkSections(syntax: CaseSyntax): CaseDiagnostic[] {
  const diagnostics: CaseDiagnostic[] = [];
  const seen = new Map<string, number>();
  const qualifiers = new Map<string, number>();
  for (const section of syntax.sections) {
    if (!section.name) continue; // the parser already reported the empty header
    const spec = sectionSpec(section.name);
    if (!spec) {
      const matches = closestMatches(section.name, SECTION_NAMES);
      diagnostics.push(diagnostic('error', 'unknown-section',
        `\`[${section.rawName}]\` is not a known section.${didYouMeanSentence(matches)} Known: ${orList(SECTION_NAMES)}.`,
        section.nameRange, matches.length ? { replacements: matches } : undefined));
      continue;
    }
    // A known name whose header has no `]`: the parser said so; its qualifier was never read.
    if (section.kind === 'unknown') continue;
    if (!spec.repeatable) {
      const first = seen.get(section.name);
      if (first !== undefined) {
        diagnostics.push(diagnostic('error', 'duplicate-section',
          `[${section.name}] appears more than once (first on line ${first + 1}); merge the two.`, section.headerRange));
      } else {
        seen.set(section.name, section.headerRange.start.line);
      }
      if (section.qualifier !== undefined) {
        diagnostics.push(diagnostic('warning', 'unexpected-qualifier',
          `[${section.name}] takes no qualifier; ${TAKE_QUALIFIERS}.`, section.qualifierRange ?? section.headerRange));
      }
      continue;
    }
    // Questions repeat freely; several may follow one stage (their stage is checked with them).
    if (section.name === 'question') continue;
    // Repeatable sections (labs, smear): each needs its own qualifier; no qualifier is the first.
    const label = section.qualifier === undefined ? '' : qualifierIdentity(section.qualifier);
    const first = qualifiers.get(`${section.name}\n${label}`);
    if (first !== undefined) {
      const what = label ? `[${section.name}: ${section.qualifier}]` : `[${section.name}] without a qualifier`;
      diagnostics.push(diagnostic('error', 'duplicate-labs-qualifier',
        `${what} appears twice (first on line ${first + 1}). Give each panel its own qualifier, such as \`day 7\`.`,
        section.qualifierRange ?? section.headerRange));
    } else {
      qualifiers.set(`${section.name}\n${label}`, section.headerRange.start.line);
    }
  }
  return diagnostics;
}
