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
      const name = `held-out vignette ${i + 1}`;
      it(name, () => check('held-out', file, name));
    });
  });
});
