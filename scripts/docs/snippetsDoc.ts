// The choice lists of snippets/case.code-snippets come from schemas/vocabulary.json: in each
// snippet body, a `key: ${N|a,b,…|}` line under a section gets that field's words. The word the
// snippet offers first (its default, such as `normal`) stays first; the others follow in the
// vocabulary's order, so a word added to the vocabulary reaches the snippets by `npm run docs`.
import { fieldSpec, terms } from '../../server/src/core/catalog/vocabulary';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const SECTION_LINE = /^\[([a-z]+)/;
const CHOICE_LINE = /^([a-z][a-z0-9.-]*): \$\{(\d+)\|([^|]*)\|\}(.*)$/;

function withChoices(body: string[]): string[] {
  let section = 'header';
  return body.map((line) => {
    const header = SECTION_LINE.exec(line);
    if (header) section = header[1];
    const choice = CHOICE_LINE.exec(line);
    const spec = choice ? fieldSpec(section, choice[1]) : undefined;
    if (!choice || !spec?.values) return line;
    const words = terms(spec.values).map((t) => t.id);
    const first = choice[3].split(',')[0];
    const ordered = words.includes(first) ? [first, ...words.filter((w) => w !== first)] : words;
    return `${choice[1]}: \${${choice[2]}|${ordered.join(',')}|}${choice[4]}`;
  });
}

/** The snippets file's text with every choice list taken from the vocabulary. */
export function withVocabularySnippets(text: string): string {
  const snippets = JSON.parse(text) as Record<string, Snippet>;
  for (const snippet of Object.values(snippets)) snippet.body = withChoices(snippet.body);
  return `${JSON.stringify(snippets, null, 2)}\n`;
}
