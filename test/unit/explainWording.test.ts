// `explain` says it the way a teacher would: the findings a case lacks are split into those
// that would support the mechanism and those that would argue against it, in the text and,
// additively, in the JSON contract (`missing` stays as it was).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { CaseBank } from '../../server/src/core/bank';
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

describe('mechanism-conflict: short, naming the values, the reasoning in related information', () => {
  const HEMOLYSIS = 'case: t-1\ntitle: T\n[patient]\nage: 30 y\nsex: female\n[labs]\nhemoglobin: 7.4 g/dL\nhematocrit: 22 %\nreticulocytes: 14 %\nhaptoglobin: <10 mg/dL\ndat: positive\n[smear]\nfindings: spherocytes\n[answer]\nmechanism: aplasia\n';

  it('names the RPI and the values it rests on, as written', () => {
    const bank = new CaseBank();
    bank.set('file:///x.case', HEMOLYSIS);
    const conflict = bank.diagnostics('file:///x.case').find((d) => d.code === 'mechanism-conflict')!;
    assert.equal(conflict.message, 'The answer says `aplasia` (score -5), but the evidence points to `peripheral-destruction` (score 11.5): RPI 3.42, Haptoglobin <10 mg/dL (low), Direct antiglobulin test positive (abnormal), smear: spherocytes.');
    // Each piece of evidence at its own line, in this document.
    const related = conflict.related!;
    assert.ok(related.every((r) => r.uri === 'file:///x.case'));
    assert.deepEqual(related.filter((r) => r.message.startsWith('for ')).map((r) => r.range.start.line), [9, 10, 12, 8]);
    assert.ok(related.some((r) => r.message.startsWith('against aplasia: RPI 2 or more')));
  });
});
