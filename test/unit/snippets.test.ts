// The shipped snippets: the new-case snippet has the sections its description names, reads as
// a clean case with its defaults, and does not sit under the `case` prefix the completion of
// the `case:` key already answers (two "case" items in one list).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { INDEX_IDS } from '../../server/src/core/clinical/indexDefinitions';
import { complete } from '../../server/src/core/services/completion';

interface Snippet { prefix: string[]; description: string; body: string[] }
const SNIPPETS = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'snippets', 'case.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** The snippet's text with each placeholder at its default (the first choice of a list). */
function expand(body: string[]): string {
  return body.join('\n').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

describe('snippets', () => {
  const newCase = SNIPPETS['New case'];

  it('the new-case snippet has exactly the sections its description names', () => {
    const named = /: (.*)\.$/.exec(newCase.description)![1].split(/, | and /).filter((w) => w !== 'header');
    const sections = [...expand(newCase.body).matchAll(/^\[([a-z]+)\]$/gm)].map((m) => m[1]);
    assert.deepEqual(sections, named);
  });

  it('the new-case snippet with its defaults is a case without errors or warnings', () => {
    const text = expand(newCase.body);
    assert.deepEqual(analyzeCase(text).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message), []);
  });

  // A case whose first panel gives an RPI of 1.0 (36 % → 1 day; 1.25 × 36 / 45 = 1.0), so that
  // the numeric snippet's default key agrees with it.
  const STAGED = 'case: staged-01\ntitle: Staged\n\n[history]\nPale.\n\n[labs]\nhematocrit: 36 %\nreticulocytes: 1.25 %\n\n[answer]\nmechanism: hypoproliferative\n\n';
  const questionSnippets = Object.entries(SNIPPETS).filter(([, s]) => s.body[0].startsWith('[question'));

  it('there is a question snippet for every question type', () => {
    const types = questionSnippets.map(([, s]) => /^type: (\w+)$/m.exec(expand(s.body))?.[1]).sort();
    assert.deepEqual(types, ['multiple', 'numeric', 'ordering', 'short', 'single']);
  });

  for (const [name, snippet] of questionSnippets) {
    it(`${name}: with its defaults, after the stage it offers first, a question without errors or warnings`, () => {
      const text = STAGED + expand(snippet.body);
      assert.deepEqual(analyzeCase(text).diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message}`), []);
    });
  }

  it('the numeric snippet offers every index a key can be checked against, and only those', () => {
    const asks = /^asks: \$\{\d+\|([^|]*)\|\}$/m.exec(SNIPPETS['Numeric question'].body.join('\n'))![1].split(',');
    assert.deepEqual(asks.slice().sort(), [...INDEX_IDS].sort());
  });

  it('no snippet prefix is a word the header completion offers (no duplicate items)', () => {
    const keys = complete(analyzeCase('\n'), { line: 0, character: 0 }, []).map((i) => i.label);
    assert.ok(keys.includes('case'));
    for (const [name, snippet] of Object.entries(SNIPPETS)) {
      for (const prefix of snippet.prefix) assert.ok(!keys.includes(prefix), `${name}: prefix ${prefix} duplicates a completion item`);
    }
  });

  it('no snippet prefix is a key or a word the completion offers in any section (no duplicate items)', () => {
    // Snippets are offered everywhere: `answer` beside a question's `answer:` key, or `numeric`
    // beside the `type:` value, would be a second item of the same name inserting something else.
    const vocabulary = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'schemas', 'vocabulary.json'), 'utf8')) as Record<string, unknown> & { enums: Record<string, { id: string }[]> };
    const words = new Set<string>();
    for (const [list, fields] of Object.entries(vocabulary)) if (list.endsWith('Fields')) for (const field of fields as { key: string }[]) words.add(field.key);
    for (const terms of Object.values(vocabulary.enums)) for (const term of terms) words.add(term.id);
    assert.ok(words.has('answer') && words.has('numeric') && words.has('aplasia'));
    const clashes = Object.entries(SNIPPETS).flatMap(([name, snippet]) => snippet.prefix.filter((p) => words.has(p)).map((p) => `${name}: ${p}`));
    assert.deepEqual(clashes, []);
  });
});
