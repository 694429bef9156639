// The user reference cannot drift from the catalog the checker uses.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LABS } from '../../server/src/core/catalog/labCatalog';
import { MECHANISMS, SMEAR_FINDINGS } from '../../server/src/core/catalog/vocabulary';
import { withIndexTable } from '../../scripts/docs/indicesDoc';
import { withLabTable } from '../../scripts/docs/labCatalogDoc';
import { withVocabularySnippets } from '../../scripts/docs/snippetsDoc';
import { withVocabularyTables } from '../../scripts/docs/vocabularyDoc';
import { INDEX_IDS } from '../../server/src/core/clinical/indices';

const formatDoc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'case-format.md'), 'utf8');

describe('docs/case-format.md', () => {
  it('has the lab table generated from schemas/labs.json, up to date (npm run docs)', () => {
    assert.equal(formatDoc, withLabTable(formatDoc));
  });

  it('has the derived-index table generated from schemas/indices.json, up to date (npm run docs)', () => {
    assert.equal(formatDoc, withIndexTable(formatDoc));
    for (const id of INDEX_IDS) assert.ok(formatDoc.includes(`| \`${id}\` |`), `no row for index ${id}`);
  });

  it('lists every lab key with its aliases and canonical unit', () => {
    for (const lab of LABS) {
      const row = formatDoc.split('\n').find((line) => line.startsWith(`| \`${lab.key}\` |`));
      assert.ok(row, `no row for ${lab.key}`);
      for (const alias of lab.aliases) assert.ok(row.includes(`\`${alias}\``), `${lab.key} row lacks alias ${alias}`);
      if (lab.canonicalUnit) assert.ok(row.includes(` ${lab.canonicalUnit} |`), `${lab.key} row lacks its unit`);
    }
  });

  it('has the vocabulary tables generated from schemas/vocabulary.json, up to date (npm run docs)', () => {
    assert.equal(formatDoc, withVocabularyTables(formatDoc));
  });

  it('names every mechanism and smear finding of the vocabulary', () => {
    for (const term of [...MECHANISMS, ...SMEAR_FINDINGS]) assert.ok(formatDoc.includes(`\`${term.id}\``), term.id);
  });
});

describe('snippets/case.code-snippets', () => {
  const file = path.join(__dirname, '..', '..', 'snippets', 'case.code-snippets');
  const text = readFileSync(file, 'utf8');

  it('takes its choice lists from schemas/vocabulary.json, up to date (npm run docs)', () => {
    assert.equal(text, withVocabularySnippets(text));
  });

  it('offers every mechanism and smear finding, and a stale list would be rewritten', () => {
    for (const term of [...MECHANISMS, ...SMEAR_FINDINGS]) assert.ok(text.includes(term.id), term.id);
    const stale = text.replace(',smudge-cells|}', '|}');
    assert.notEqual(stale, text);
    assert.equal(withVocabularySnippets(stale), text);
  });
});
