// How messages name a section: by its header, `[labs]` or `[labs: day 3]`.
import type { SectionNode } from './syntaxTree';

/** The section's header: its lowercased name, or its name as the author spelt it with `asWritten`. */
export function sectionTitle(section: Pick<SectionNode, 'name' | 'rawName' | 'qualifier'>, asWritten = false): string {
  return `[${asWritten ? section.rawName : section.name}${section.qualifier ? `: ${section.qualifier}` : ''}]`;
}
