// analyzeCase names its stages as they end (npm run bench's account of where the time goes),
// and being watched changes nothing it finds.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCase } from '../../server/src/core/analyzeCase';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');

describe('analysis stages', () => {
  const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.case')).map((f) => readFileSync(path.join(SAMPLES, f), 'utf8'));

  it('names parse and model first, then each check once, and the tail last', () => {
    const stages: string[] = [];
    analyzeCase(texts[0], { stageEnded: (stage) => stages.push(stage) });
    assert.deepEqual(stages.slice(0, 2), ['parse', 'model']);
    assert.equal(stages.at(-1), 'tail');
    assert.equal(new Set(stages).size, stages.length, 'no stage twice');
    for (const check of ['schema', 'privacy', 'clinical reading (panels, indices, mechanisms)', 'question keys']) {
      assert.ok(stages.includes(check), `${check} is named`);
    }
    assert.ok(stages.indexOf('clinical reading (panels, indices, mechanisms)') < stages.indexOf('mechanism conflict'), 'in their order');
  });

  it('finds the same with and without a watcher', () => {
    for (const text of [...texts, 'case: x\n[labs]\nhb: 7 g/dL\n[constructor]\nnote: Mr. Smith\n']) {
      const plain = analyzeCase(text).diagnostics;
      const watched = analyzeCase(text, { stageEnded: () => undefined }).diagnostics;
      assert.deepEqual(watched, plain);
    }
  });
});
