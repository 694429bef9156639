// `rules` keys written `prefix-*` (a family of codes): the most specific key wins, a layer on
// top (the editor's settings) wins over the file, and a wildcard that matches no code is a
// one-line problem in casewright.json. Core, then the real CLI process.
import { strict as assert } from 'node:assert';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { applyRules, readConfigText, type CasewrightConfig } from '../../server/src/core/config/config';
import { DIAGNOSTIC_RULES } from '../../server/src/core/diagnosticCatalog';
import { layerRules, ruleLookup } from '../../server/src/core/config/ruleSettings';
import { runCli, tempBank } from '../support/runCli';

/** Two names and two dates: privacy-name and privacy-date findings. */
const IDENTIFIED = 'case: demo-01\ntitle: Demo case\n\n[history]\nMr. Smith was seen on 12/03/2024 with Dr Jones on 14/03/2024.\n';
const PRIVACY_CODES = DIAGNOSTIC_RULES.filter((r) => r.code.startsWith('privacy-')).map((r) => r.code);

function privacyAfter(rules: CasewrightConfig['rules']): string[] {
  const found = applyRules(analyzeCase(IDENTIFIED).diagnostics, { rules }).filter((d) => d.code.startsWith('privacy-'));
  return found.map((d) => `${d.code}:${d.severity}`);
}

describe('rules: wildcards', () => {
  it('the case has two privacy codes before any rule', () => {
    assert.deepEqual(privacyAfter({}), ['privacy-name:warning', 'privacy-date:warning', 'privacy-name:warning', 'privacy-date:warning']);
  });

  const cases: [string, CasewrightConfig['rules'], string[]][] = [
    ['privacy-* off silences the family', { 'privacy-*': 'off' }, []],
    ['privacy-* re-levels every code of the family', { 'privacy-*': 'info' }, ['privacy-name:info', 'privacy-date:info', 'privacy-name:info', 'privacy-date:info']],
    ['the exact code wins over the wildcard, written after it', { 'privacy-*': 'off', 'privacy-date': 'error' }, ['privacy-date:error', 'privacy-date:error']],
    ['the exact code wins over the wildcard, written before it', { 'privacy-date': 'error', 'privacy-*': 'off' }, ['privacy-date:error', 'privacy-date:error']],
    ['a wildcard of another family leaves privacy alone', { 'question-*': 'off' }, ['privacy-name:warning', 'privacy-date:warning', 'privacy-name:warning', 'privacy-date:warning']],
  ];
  for (const [name, rules, expected] of cases) {
    it(name, () => assert.deepEqual(privacyAfter(rules), expected));
  }

  it('a longer prefix wins over a shorter one; a code over both', () => {
    const lookup = ruleLookup({ 'unknown-*': 'off', 'unknown-see-*': 'error', 'unknown-lab': 'info' });
    assert.equal(lookup('unknown-see-also'), 'error');
    assert.equal(lookup('unknown-lab'), 'info');
    assert.equal(lookup('unknown-section'), 'off');
    assert.equal(lookup('missing-unit'), undefined);
    assert.equal(lookup('unknown'), undefined, 'a wildcard needs the dash after its words');
  });

  it('every documented privacy code is covered by privacy-*', () => {
    const lookup = ruleLookup({ 'privacy-*': 'off' });
    assert.equal(PRIVACY_CODES.length, 10);
    for (const code of PRIVACY_CODES) assert.equal(lookup(code), 'off', code);
  });

  it('a layer on top wins over the layer below, its wildcard over the codes below', () => {
    assert.deepEqual(layerRules({ 'privacy-date': 'error', 'privacy-*': 'info', 'unknown-lab': 'off' }, { 'privacy-*': 'off' }),
      { 'unknown-lab': 'off', 'privacy-*': 'off' });
    // A code on top refines a wildcard below; both stay.
    const layered = layerRules({ 'privacy-*': 'off' }, { 'privacy-name': 'error' });
    assert.deepEqual(privacyAfter(layered), ['privacy-name:error', 'privacy-name:error']);
    assert.deepEqual(layerRules(undefined, undefined), {});
  });

  it('casewright.json: wildcards are read; one that matches no code is a clear one-line problem', () => {
    assert.deepEqual(readConfigText('{"rules": {"privacy-*": "off", "privacy-date": "error"}}'), { config: { rules: { 'privacy-*': 'off', 'privacy-date': 'error' } }, errors: [] });
    const typo = readConfigText('{"rules": {"privcy-*": "off"}}');
    assert.deepEqual(typo.config, {});
    assert.deepEqual(typo.errors, ['`rules.privcy-*` matches no diagnostic code (did you mean `privacy-*`?); a wildcard is the first words of a code and `-*`, like `privacy-*` (see docs/diagnostics.md)']);
    assert.match(readConfigText('{"rules": {"unknown-lab-*": "off"}}').errors[0], /`unknown-lab` is one code: write it without `-\*`/);
    assert.deepEqual(readConfigText('{"rules": {"privacy*": "off"}}').errors,
      ['`rules` has the key `privacy*`, which is neither a diagnostic code (lowercase words joined by `-`) nor a family of codes such as `privacy-*`']);
    assert.equal(readConfigText('{"rules": {"*": "off"}}').errors.length, 1, 'a bare * is not a family');
    const long = readConfigText(`{"rules": {"a${'x'.repeat(5000)}*": "off"}}`).errors[0];
    assert.ok(long.length < 250, long);
    // Found by npm run fuzz: a key holding a line break broke the problem over two lines.
    for (const [key, shown] of [['\\n', '\\n'], ['a\\r\\nb', 'a\\r\\nb'], ['x\\u2028y', 'x\\u2028y']]) {
      const [problem] = readConfigText(`{"rules": {"${key}": "error"}}`).errors;
      assert.ok(!/[\r\n\u2028\u2029]/.test(problem), JSON.stringify(problem));
      assert.ok(problem.includes(`the key \`${shown}\``), problem);
    }
    // The same for a value the problem quotes.
    const [table] = readConfigText('{"maturation": {"table": "a\\nb"}}').errors;
    assert.ok(!/[\r\n]/.test(table) && table.includes("is 'a\\nb'"), table);
  });
});

describe('rules: wildcards in the real CLI', () => {
  it('casewright.json with privacy-* off and privacy-date error: only dates, as errors, exit 1', () => {
    const bank = tempBank({ 'casewright.json': JSON.stringify({ rules: { 'privacy-*': 'off', 'privacy-date': 'error' } }), 'a.case': IDENTIFIED });
    try {
      const run = runCli(['check', '--format', 'json'], bank.dir);
      assert.equal(run.status, 1, run.stderr);
      const report = JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string }[] }[];
      const privacy = report[0].diagnostics.filter((d) => d.code.startsWith('privacy-')).map((d) => `${d.code}:${d.severity}`);
      assert.deepEqual(privacy, ['privacy-date:error', 'privacy-date:error']);
    } finally {
      bank.cleanup();
    }
  });

  it('a wildcard that matches no code stops the run with exit 2 and one line', () => {
    const bank = tempBank({ 'casewright.json': '{"rules": {"privcy-*": "off"}}', 'a.case': IDENTIFIED });
    try {
      const run = runCli(['check'], bank.dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /casewright\.json.*`rules\.privcy-\*` matches no diagnostic code \(did you mean `privacy-\*`\?\)/);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    } finally {
      bank.cleanup();
    }
  });
});
