// Case ids across a bank held in memory: the id under the cursor (caret markers), definitions,
// references and rename, with its refusals.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import type { CaseModel } from '../../server/src/core/model/caseModel';
import { caseIdAt, definitions, references, renameCaseId } from '../../server/src/core/services/caseIdReferences';
import { extractCarets } from '../support/carets';
import { applyTextEdits } from '../support/textEdits';

const TEXTS: Record<string, string> = {
  'a.case': 'case: anemia-a-01\ntitle: A\nsee-also: anemia-b-01, anemia-c-01\n',
  'b.case': 'case: anemia-b-01\ntitle: B\nsee-also: anemia-a-01\n',
  'c.case': 'case: anemia-c-01\ntitle: C\nsee-also: anemia-b-01,anemia-b-01\n[answer]\nnote: anemia-b-01\n',
};
const BANK: [string, CaseModel][] = Object.entries(TEXTS).map(([uri, text]) => [uri, analyzeCase(text).model]);

describe('case ids', () => {
  describe('the id under the cursor', () => {
    const cases: [string, string | undefined][] = [
      ['case: ‸anemia-a-01\n', 'anemia-a-01'],
      ['case: anemia-a-01‸\n', 'anemia-a-01'],
      ['case:‸   anemia-a-01\n', 'anemia-a-01'],
      ['case: x-1\nsee-also: x-2, ‸y-3\n', 'y-3'],
      ['case: x-1\nsee-also: x-2‸, y-3\n', 'x-2'],
      ['case: x-1\nsee-also: x-2,‸ y-3\n', undefined],
      ['ca‸se: x-1\n', undefined],
      ['case: x-1\ntitle: ‸x-1\n', undefined],
      ['case: x-1\ncase: ‸x-2\n', undefined],
      ['case: x-1\n[answer]\ncase: ‸x-1\n', undefined],
      ['case:‸\n', undefined],
    ];
    for (const [marked, expected] of cases) {
      it(`${JSON.stringify(marked)} → ${expected ?? 'nothing'}`, () => {
        const { text, positions } = extractCarets(marked);
        assert.equal(caseIdAt(analyzeCase(text).model, positions[0])?.id, expected);
      });
    }
  });

  it('finds the definition and every see-also item, across the bank', () => {
    assert.deepEqual(definitions('anemia-b-01', BANK), [{ uri: 'b.case', range: { start: { line: 0, character: 6 }, end: { line: 0, character: 17 } } }]);
    assert.deepEqual(definitions('nowhere-01', BANK), []);
    const found = (includeDeclaration: boolean) => references('anemia-b-01', BANK, includeDeclaration).map((l) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`);
    assert.deepEqual(found(true), ['a.case:2:10', 'b.case:0:6', 'c.case:2:10', 'c.case:2:22']);
    assert.deepEqual(found(false), ['a.case:2:10', 'c.case:2:10', 'c.case:2:22']);
  });

  it('renames the definition and every reference, and nothing else', () => {
    const outcome = renameCaseId('anemia-b-01', 'anemia-b-02', BANK);
    assert.ok(outcome.ok);
    const renamed = Object.fromEntries(Object.entries(outcome.edit.changes).map(([uri, edits]) => [uri, applyTextEdits(TEXTS[uri], edits)]));
    assert.deepEqual(renamed, {
      'a.case': 'case: anemia-a-01\ntitle: A\nsee-also: anemia-b-02, anemia-c-01\n',
      'b.case': 'case: anemia-b-02\ntitle: B\nsee-also: anemia-a-01\n',
      'c.case': 'case: anemia-c-01\ntitle: C\nsee-also: anemia-b-02,anemia-b-02\n[answer]\nnote: anemia-b-01\n',
    });
  });

  it('refuses an invalid id and one the bank already has', () => {
    for (const bad of ['Anemia-b-02', 'anemia b', 'anemia--b', '-anemia', 'anemia-', '', ' anemia-b-02']) {
      const outcome = renameCaseId('anemia-b-01', bad, BANK);
      assert.ok(!outcome.ok && /not a valid case id/.test(outcome.message), JSON.stringify(bad));
    }
    const taken = renameCaseId('anemia-b-01', 'anemia-c-01', BANK);
    assert.ok(!taken.ok && /already has a case `anemia-c-01`/.test(taken.message));
  });
});
