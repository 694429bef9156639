// Each diagnostic code on a fixture, asserting where it lands: `‸` marks the expected start.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { extractCarets } from '../support/carets';
import { withHeader } from '../support/cases';

interface Expectation {
  code: string;
  severity: 'error' | 'warning' | 'info';
  text: string;
  /** Part of the message that must be there. */
  says?: RegExp;
  /** Expected end character on the same line, when it matters. */
  endsAt?: number;
}

const cases: Expectation[] = [
  { code: 'not-a-field', severity: 'error', text: withHeader('[labs]\n‸hemoglobin 6.1 g/dL\n'), endsAt: 19 },
  { code: 'not-a-field', severity: 'error', text: '‸Just some text\ncase: a\n', says: /header/ },
  { code: 'malformed-section-header', severity: 'error', text: withHeader('‸[labs\n') },
  { code: 'empty-qualifier', severity: 'error', text: withHeader('‸[labs: ]\nhb: 6.1 g/dL\n') },
  { code: 'unknown-section', severity: 'error', text: withHeader('[‸histroy]\nPallor.\n'), says: /Did you mean `history`\?/ },
  { code: 'duplicate-section', severity: 'error', text: withHeader('[exam]\nPale.\n‸[exam]\nThin.\n'), says: /line 3/ },
  { code: 'unexpected-qualifier', severity: 'warning', text: withHeader('[marrow: ‸day 2]\ncellularity: 50 %\n') },
  { code: 'duplicate-labs-qualifier', severity: 'error', text: withHeader('[labs: day 7]\nhb: 8 g/dL\n[labs: ‸Day  7]\nhb: 9 g/dL\n') },
  { code: 'duplicate-labs-qualifier', severity: 'error', text: withHeader('[labs]\nhb: 8 g/dL\n‸[labs]\nhb: 9 g/dL\n') },
  { code: 'duplicate-labs-qualifier', severity: 'error', text: withHeader('[smear: day 7]\nfindings: spherocytes\n[smear: ‸DAY 7]\nnote: again\n'), says: /\[smear: DAY 7\]/ },
  { code: 'duplicate-labs-qualifier', severity: 'error', text: withHeader('[smear]\nnote: a\n‸[smear]\nnote: b\n') },
  { code: 'duplicate-field', severity: 'error', text: withHeader('[marrow]\nringed-sideroblasts: 20 %\n‸ring-sideroblasts: 30 %\n'), says: /ringed-sideroblasts/ },
  { code: 'unknown-marrow-value', severity: 'error', text: withHeader('[marrow]\ninfiltrate: ‸plasma cells\n'), says: /`plasma-cells`/ },
  { code: 'invalid-percentage', severity: 'error', text: withHeader('[marrow]\ninfiltrate-percent: ‸lots\n') },
  { code: 'invalid-percentage', severity: 'error', text: withHeader('[marrow]\nring-sideroblasts: ‸140 %\n') },
  { code: 'unknown-smear-finding', severity: 'error', text: withHeader('[smear]\nfindings: sickle-cells\n[smear: day 3]\nfindings: bite-cells, ‸heinz bodies\n'), says: /`heinz-bodies`/ },
  { code: 'unknown-field', severity: 'error', text: withHeader('[smear]\nnote: a\n[smear: day 3]\n‸finding: rouleaux\n'), says: /`findings`/ },
  { code: 'duplicate-field', severity: 'error', text: withHeader('[labs]\nhb: 6.1 g/dL\n‸hemoglobin: 6.2 g/dL\n'), says: /hemoglobin/ },
  { code: 'duplicate-field', severity: 'error', text: 'case: a\ntitle: One\n‸title: Two\n' },
  { code: 'unknown-field', severity: 'error', text: withHeader('‸auther: Dr A\n'), says: /Did you mean `author`\?/ },
  { code: 'unknown-field', severity: 'error', text: withHeader('[marrow]\n‸celularity: 90 %\n'), says: /`cellularity`/ },
  { code: 'unknown-field', severity: 'error', text: withHeader('‸constructor: x\n'), says: /`constructor` is not a known header field/ },
  { code: 'missing-field', severity: 'error', text: '‸case: demo-01\n', says: /`title:`/ },
  { code: 'invalid-case-id', severity: 'error', text: 'case: ‸Thal_01\ntitle: T\n' },
  { code: 'invalid-case-id', severity: 'error', text: withHeader('see-also: ok-1, ‸Bad Id\n') },
  { code: 'invalid-age', severity: 'error', text: withHeader('[patient]\nage: ‸4 years\n') },
  { code: 'unknown-value', severity: 'error', text: withHeader('level: ‸hard\n'), says: /introductory, intermediate or advanced/ },
  { code: 'unknown-value', severity: 'error', text: withHeader('[patient]\nsex: ‸mael\n'), says: /Did you mean `male`\?/ },
  { code: 'unknown-smear-finding', severity: 'error', text: withHeader('[smear]\nfindings: spherocytes, ‸target cells\n'), says: /`target-cells`/ },
  { code: 'unknown-marrow-value', severity: 'error', text: withHeader('[marrow]\nerythroid: ‸hyperplastc\n'), says: /`hyperplastic`/ },
  { code: 'unknown-mechanism', severity: 'error', text: withHeader('[answer]\nmechanism: ‸hemolysis\n') },
  { code: 'invalid-percentage', severity: 'error', text: withHeader('[marrow]\ncellularity: ‸140 %\n') },
  { code: 'invalid-percentage', severity: 'error', text: withHeader('[marrow]\nblasts: ‸many\n') },
  { code: 'invalid-value', severity: 'error', text: withHeader('[marrow]\nme-ratio: ‸low\n') },
  { code: 'unknown-lab', severity: 'warning', text: withHeader('[labs]\n‸hemoglobine: 6.1 g/dL\n'), says: /`hemoglobin`/ },
  { code: 'missing-lab-value', severity: 'error', text: withHeader('[labs]\n‸mcv:\n') },
  { code: 'invalid-lab-value', severity: 'error', text: withHeader('[labs]\nhemoglobin: ‸6,1 g/dL\n'), says: /point for decimals/ },
  { code: 'invalid-lab-value', severity: 'error', text: withHeader('[labs]\ndat: ‸positiv\n'), says: /`positive`/ },
  { code: 'invalid-lab-value', severity: 'error', text: withHeader('[labs]\nhemoglobin: ‸low\n') },
  { code: 'missing-unit', severity: 'warning', text: withHeader('[labs]\nmcv: ‸58\n'), says: /fL/ },
  { code: 'unit-not-accepted', severity: 'error', text: withHeader('[labs]\nhemoglobin: 6.1 ‸mg/dL\n'), says: /g\/dL, g\/L or mmol\/L/ },
  { code: 'implausible-value', severity: 'error', text: withHeader('[labs]\nhemoglobin: ‸61 g/dL\n'), says: /`61 g\/L`/, endsAt: 19 },
];

describe('diagnostic codes land where they should', () => {
  for (const expectation of cases) {
    const label = JSON.stringify(expectation.text.replace(/^case: demo-01\ntitle: Demo case\n/, '')).slice(0, 60);
    it(`${expectation.code}: ${label}`, () => {
      const { text, positions } = extractCarets(expectation.text);
      assert.equal(positions.length, 1, 'one caret per fixture');
      const { diagnostics } = analyzeCase(text);
      const found = diagnostics.filter((d) => d.code === expectation.code);
      assert.equal(found.length, 1, `expected one ${expectation.code}, got: ${JSON.stringify(diagnostics.map((d) => [d.code, d.message]))}`);
      const [d] = found;
      assert.deepEqual(d.range.start, positions[0]);
      assert.equal(d.severity, expectation.severity);
      if (expectation.says) assert.match(d.message, expectation.says);
      if (expectation.endsAt !== undefined) assert.equal(d.range.end.character, expectation.endsAt);
      assert.equal(diagnostics.filter((x) => x.code === 'internal-error').length, 0);
    });
  }

  it('a clean minimal case has no diagnostics', () => {
    const { diagnostics } = analyzeCase(withHeader('[patient]\nage: 4 y\nsex: Male\n\n[labs]\nhb: 6.1 g/dL\nretic: 4.0 %\n\n[marrow]\nerythroid: Hyperplastic\nfibrosis: MF-0\n\n[answer]\nmechanism: ineffective-hematopoiesis\n'));
    assert.deepEqual(diagnostics, []);
  });
});
