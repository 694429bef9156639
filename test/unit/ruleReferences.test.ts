// One vocabulary: every word a mechanism rule names is a word the format defines. A rule that
// names a lab, an index, a smear finding, a marrow field or a marrow value that does not exist
// would never fire; this fails instead, naming the rule.
import { strict as assert } from 'node:assert';
import mechanismsJson from '../../schemas/mechanisms.json';
import { findLab } from '../../server/src/core/catalog/labCatalog';
import { fieldSpec, SMEAR_FINDINGS, terms } from '../../server/src/core/catalog/vocabulary';
import { INDEX_IDS } from '../../server/src/core/clinical/indices';

type Condition = string | Record<string, unknown>;

/** Every problem with the references in one condition tree, worded with the finding's id. */
function problemsIn(condition: Condition, owner: string): string[] {
  if (typeof condition === 'string') return []; // a finding id: the engine test checks those
  const problems: string[] = [];
  if (typeof condition.lab === 'string') {
    const lab = findLab(condition.lab);
    if (!lab || lab.key !== condition.lab) problems.push(`${owner}: lab \`${condition.lab}\` is not a catalog key`);
    else if (typeof condition.is === 'string' && !(lab.values ?? []).includes(condition.is)) problems.push(`${owner}: \`${condition.is}\` is not a result of ${lab.key}`);
  }
  if (typeof condition.index === 'string' && !INDEX_IDS.includes(condition.index)) problems.push(`${owner}: index \`${condition.index}\` is not defined`);
  if (typeof condition.smear === 'string' && !SMEAR_FINDINGS.some((t) => t.id === condition.smear)) problems.push(`${owner}: smear finding \`${condition.smear}\` is not in the vocabulary`);
  if (typeof condition.marrow === 'string') {
    const spec = fieldSpec('marrow', condition.marrow);
    if (!spec || spec.key !== condition.marrow) problems.push(`${owner}: marrow field \`${condition.marrow}\` is not in the vocabulary`);
    else if (Array.isArray(condition.in)) {
      const words = spec.values ? terms(spec.values).map((t) => t.id) : [];
      for (const value of condition.in as string[]) if (!words.includes(value)) problems.push(`${owner}: \`${value}\` is not a value of marrow \`${spec.key}\``);
    }
  }
  for (const key of ['allOf', 'anyOf']) {
    if (Array.isArray(condition[key])) for (const inner of condition[key] as Condition[]) problems.push(...problemsIn(inner, owner));
  }
  if (condition.not) problems.push(...problemsIn(condition.not as Condition, owner));
  return problems;
}

describe('the mechanism rules name only words the format defines', () => {
  it('every lab, index, smear finding, marrow field and marrow value in schemas/mechanisms.json exists', () => {
    const findings = mechanismsJson.findings as Record<string, { when: Condition }>;
    const problems = Object.entries(findings).flatMap(([id, finding]) => problemsIn(finding.when, id));
    assert.deepEqual(problems, []);
    assert.ok(Object.keys(findings).length > 10);
  });

  it('a rule naming an unknown word is caught, in every kind of condition', () => {
    const broken: Condition = {
      allOf: [
        { lab: 'hemoglobn', below: 10 },
        { lab: 'dat', is: 'weakly' },
        { index: 'rpii', below: 2 },
        { anyOf: [{ smear: 'unicorns' }, { not: { marrow: 'erythroid', in: ['busy'] } }] },
        { marrow: 'cellularty', below: 20 },
      ],
    };
    assert.equal(problemsIn(broken, 'x').length, 6);
  });
});
