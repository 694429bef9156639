// `npm run docs`: writes the generated reference pages under docs/.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderDiagnosticsDoc } from './diagnosticsDoc';

const docs = path.join(__dirname, '..', '..', 'docs');
writeFileSync(path.join(docs, 'diagnostics.md'), renderDiagnosticsDoc());
console.log('docs/diagnostics.md written');
