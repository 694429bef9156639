// docs/pathway.md and docs/vignette-margins.md are generated (npm run docs) and kept current.
// The margins page covers the held-out vignettes too, so a stale page is reported without a
// diff: the held-out share is not shown in test output.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import mechanismsJson from '../../schemas/mechanisms.json';
import { renderPathwayDoc } from '../../scripts/docs/pathwayDoc';
import { renderVignetteMarginsDoc, vignetteFiles } from '../../scripts/docs/vignetteMarginsDoc';

const docs = path.join(__dirname, '..', '..', 'docs');
const read = (name: string) => readFileSync(path.join(docs, name), 'utf8');

describe('engine docs', () => {
  it('docs/pathway.md is generated from schemas/mechanisms.json and up to date (npm run docs)', () => {
    const page = read('pathway.md');
    assert.ok(page === renderPathwayDoc(), 'docs/pathway.md is stale: run npm run docs');
  });

  it('docs/pathway.md shows every step, finding and mechanism with its source', () => {
    const page = read('pathway.md');
    for (const step of mechanismsJson.pathway.steps) assert.ok(page.includes(step.question), step.id);
    const findingRows = page.slice(page.indexOf('## The findings')).split('\n');
    for (const [id, f] of Object.entries(mechanismsJson.findings)) {
      const row = findingRows.find((line) => line.startsWith(`| \`${id}\` |`));
      assert.ok(row?.includes(f.source.replace(/\|/g, '\\|')), `${id}: no row with its source`);
    }
    for (const m of mechanismsJson.mechanisms) assert.ok(page.includes(`### \`${m.id}\``), m.id);
  });

  it('docs/vignette-margins.md is up to date (npm run docs) and has a row for every vignette', () => {
    const page = read('vignette-margins.md');
    assert.ok(page === renderVignetteMarginsDoc(), 'docs/vignette-margins.md is stale: run npm run docs');
    for (const share of ['tuning', 'held-out'] as const) {
      for (const file of vignetteFiles(share)) assert.ok(page.includes(`| ${file} |`), `a ${share} vignette has no row`);
    }
  });
});
