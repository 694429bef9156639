// `explain` says it the way a teacher would: the findings a case lacks are split into those
// that would support the mechanism and those that would argue against it, in the text and,
// additively, in the JSON contract (`missing` stays as it was).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { explainCase, renderExplainText } from '../../server/src/core/clinical/explainReport';

const B12 = readFileSync(path.join(__dirname, '..', '..', 'samples', 'b12-deficiency-01.case'), 'utf8');

describe('explain: would support / would argue against', () => {
  const analysis = analyzeCase(B12);
  const report = explainCase(analysis);

  it('JSON: wouldSupport and wouldArgueAgainst partition missing, which is unchanged', () => {
    for (const m of report.mechanisms) {
      assert.deepEqual([...m.wouldSupport, ...m.wouldArgueAgainst].sort(), [...m.missing].sort(), m.id);
    }
    const best = report.mechanisms[0];
    assert.ok(best.wouldSupport.length > 0 && best.wouldArgueAgainst.length > 0);
  });

  it('text: two lines instead of one mixed "Would help"', () => {
    const text = renderExplainText(analysis);
    assert.doesNotMatch(text, /Would help/);
    const best = report.mechanisms[0];
    assert.ok(text.includes(`  Would support it: ${best.wouldSupport.slice(0, 4).join('; ')}.`), text);
    assert.ok(text.includes(`  Would argue against it: ${best.wouldArgueAgainst.slice(0, 4).join('; ')}.`), text);
  });
});
