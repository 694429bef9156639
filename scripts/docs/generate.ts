// `npm run docs`: writes the generated parts of the reference pages under docs/.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderDiagnosticsDoc } from './diagnosticsDoc';
import { withIndexTable } from './indicesDoc';
import { withLabTable } from './labCatalogDoc';

const docs = path.join(__dirname, '..', '..', 'docs');
writeFileSync(path.join(docs, 'diagnostics.md'), renderDiagnosticsDoc());
const formatDoc = path.join(docs, 'case-format.md');
writeFileSync(formatDoc, withIndexTable(withLabTable(readFileSync(formatDoc, 'utf8'))));
console.log('docs/diagnostics.md and the lab and index tables of docs/case-format.md written');
