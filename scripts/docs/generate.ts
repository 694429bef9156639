// `npm run docs`: writes the generated parts of the reference pages under docs/.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderDiagnosticsDoc } from './diagnosticsDoc';
import { withIndexTable } from './indicesDoc';
import { withLabTable } from './labCatalogDoc';
import { renderPathwayDoc } from './pathwayDoc';
import { withVocabularySnippets } from './snippetsDoc';
import { renderVignetteMarginsDoc } from './vignetteMarginsDoc';
import { withVocabularyTables } from './vocabularyDoc';

const docs = path.join(__dirname, '..', '..', 'docs');
writeFileSync(path.join(docs, 'diagnostics.md'), renderDiagnosticsDoc());
writeFileSync(path.join(docs, 'pathway.md'), renderPathwayDoc());
writeFileSync(path.join(docs, 'vignette-margins.md'), renderVignetteMarginsDoc());
const formatDoc = path.join(docs, 'case-format.md');
writeFileSync(formatDoc, withVocabularyTables(withIndexTable(withLabTable(readFileSync(formatDoc, 'utf8')))));
const snippets = path.join(__dirname, '..', '..', 'snippets', 'case.code-snippets');
writeFileSync(snippets, withVocabularySnippets(readFileSync(snippets, 'utf8')));
console.log('docs/diagnostics.md, docs/pathway.md, docs/vignette-margins.md, the lab, index and vocabulary tables of docs/case-format.md and the snippets\' choices written');
