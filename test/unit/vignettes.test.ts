// The validation vignettes (test/fixtures/vignettes/): the engine's first choice is each file's
// `[answer] mechanism`, the `# expect-secondary:` mechanisms are reported as secondary, a file
// marked `# expect: none` ranks nothing, and every file checks without errors.
//
// The held-out share is kept out of the rule-tuning loop: for those files a failure says only
// the expected and the actual mechanism ids (or error codes), never the file's name or text.
import { strict as assert } from 'node:assert';
import { readVignette, vignetteFiles, type Share } from '../../scripts/docs/vignetteMarginsDoc';

function check(share: Share, file: string, name: string): void {
  const outcome = readVignette(share, file);
  assert.equal(outcome.top, outcome.expected, `${name}: expected ${outcome.expected}, got ${outcome.top}`);
  for (const id of outcome.expectedSecondary) {
    assert.ok(outcome.secondary.includes(id), `${name}: expected secondary ${id}, got ${outcome.secondary.join(', ') || 'none'}`);
  }
  assert.deepEqual(outcome.errors, [], `${name}: error diagnostics ${outcome.errors.join(', ')}`);
}

describe('validation vignettes', () => {
  describe('tuning share', () => {
    const files = vignetteFiles('tuning');
    it('has vignettes', () => assert.ok(files.length >= 20, `${files.length} tuning vignettes`));
    for (const file of files) it(file, () => check('tuning', file, file));
  });

  describe('held-out share (never read while tuning)', () => {
    const files = vignetteFiles('held-out');
    it('has vignettes', () => assert.ok(files.length >= 20, `${files.length} held-out vignettes`));
    files.forEach((file, i) => {
      it(`held-out vignette ${i + 1} checks without errors`, () => {
        const { errors } = readVignette('held-out', file);
        assert.deepEqual(errors, [], `held-out vignette ${i + 1}: error diagnostics ${errors.join(', ')}`);
      });
    });

    // Two held-out vignettes still fail after the general fixes (see docs/vignette-margins.md);
    // the rules may not be tuned on them, so this is a ratchet: raise it as the rules improve,
    // never lower it.
    const HELD_OUT_RIGHT_AT_LEAST = 22;
    it(`first choice and secondaries right on at least ${HELD_OUT_RIGHT_AT_LEAST} held-out vignettes`, () => {
      const wrong: string[] = [];
      files.forEach((file, i) => {
        try {
          check('held-out', file, `held-out vignette ${i + 1}`);
        } catch (error) {
          wrong.push((error as Error).message);
        }
      });
      assert.ok(files.length - wrong.length >= HELD_OUT_RIGHT_AT_LEAST, `${files.length - wrong.length} of ${files.length} right:\n${wrong.join('\n')}`);
    });
  });
});
