// One robustness property for the test suite and `npm run fuzz`: for a case text, the parser,
// the checks, the engine, explain and the renderer never throw, every diagnostic range lies
// inside the document, and no check fails internally.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { CaseBank } from '../../server/src/core/bank';
import { explainCase } from '../../server/src/core/clinical/explainReport';
import { renderCaseBody } from '../../server/src/core/render/renderCase';
import { assertInside } from './ranges';

export function checkRobust(text: string): void {
  const analysis = analyzeCase(text);
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const d of analysis.diagnostics) assertInside(d.range, bare, d.code);
  assert.deepEqual(analysis.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message), []);
  const bank = new CaseBank();
  bank.set('a.case', text);
  bank.set('b.case', text);
  for (const d of bank.diagnostics('a.case')) assertInside(d.range, bare, d.code);
  JSON.stringify(explainCase(analysis));
  const html = renderCaseBody(analysis, 'answer');
  assert.ok(!/<script/i.test(html));
}
