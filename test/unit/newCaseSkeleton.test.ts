// The New Case skeleton (the editor's *Casewright: New Case* writes it): complete, a draft, and
// clean in a bank; and the id check the command runs as the author types.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { CaseBank } from '../../server/src/core/bank';
import { caseIdProblem, newCaseText } from '../../server/src/core/services/newCase';

describe('the New Case skeleton', () => {
  it('has every section and checks clean', () => {
    const text = newCaseText('aplastic-anemia-01');
    for (const section of ['patient', 'history', 'exam', 'labs', 'smear', 'marrow', 'course', 'answer', 'question: after marrow']) assert.match(text, new RegExp(`^\\[${section}\\]$`, 'm'));
    // A draft until the teacher says otherwise: `export --status ready` leaves it out.
    assert.match(text, /^status: draft$/m);
    // Not even a hint: in a bank, as the editor and `casewright check` show it.
    const bank = new CaseBank();
    bank.set('file:///bank/aplastic-anemia-01.case', text);
    assert.deepEqual(bank.diagnostics('file:///bank/aplastic-anemia-01.case').map((d) => `${d.code}: ${d.message}`), []);
    assert.deepEqual(analyzeCase(text).diagnostics.map((d) => `${d.code}: ${d.message}`), []);
    assert.equal(analyzeCase(text).model.id, 'aplastic-anemia-01');
  });

  it('validates the id as the format does', () => {
    assert.equal(caseIdProblem('aa-01'), undefined);
    for (const bad of ['', 'AA-01', 'aa--01', 'aa 01', '-aa', 'a'.repeat(101)]) assert.ok(caseIdProblem(bad), bad);
  });
});
