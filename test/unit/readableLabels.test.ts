// What a student or teacher reads never shows a catalog id: every sample and vignette, in the
// learner and the answer view, the exported site (pages, teacher's pages, index) and the explain
// text, scanned for every hyphenated id the schemas define (`ineffective-hematopoiesis`,
// `hypersegmented-neutrophils`, `me-ratio`, `iron-stores`, `critical-low`, lab keys, finding ids).
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { renderExplainText } from '../../server/src/core/clinical/explainReport';
import { QUESTION_EXPORTS } from '../../server/src/core/export';
import { renderCaseDocument } from '../../server/src/core/render/renderCase';
import { runCli } from '../support/runCli';

const ROOT = path.join(__dirname, '..', '..');
const SCHEMAS = ['vocabulary.json', 'mechanisms.json', 'labs.json', 'indices.json', 'consistency.json'];
const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

/** Every hyphenated lowercase id the schemas hold (ids, keys, aliases, words, flags), longest first. */
function schemaSlugs(): string[] {
  const found = new Set<string>(['critical-low', 'critical-high']);
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (SLUG.test(value)) found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        // Descriptions, sources and examples are prose: their hyphenated words are English.
        if (!['description', 'summary', 'source', 'label', 'text', 'means', 'question', 'name', 'formula', 'note'].includes(key)) walk(item);
      }
    }
  };
  for (const file of SCHEMAS) walk(JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')));
  // A word whose label is spelt as its id (`macro-ovalocytes` keeps its hyphen) is said that way.
  for (const label of labelsAsIds()) found.delete(label);
  return [...found].sort((a, b) => b.length - a.length);
}

/** The vocabulary's labels that are their own ids. */
function labelsAsIds(): string[] {
  const vocabulary = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'vocabulary.json'), 'utf8')) as { enums: Record<string, { id: string; label?: string }[]> };
  return Object.values(vocabulary.enums).flat().filter((t) => t.label === t.id).map((t) => t.id);
}

const SLUGS = schemaSlugs();
const FINDS = new RegExp(`(?<![A-Za-z0-9-])(${SLUGS.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9-])`, 'g');

/** What a reader sees of a page: its text and its tooltips (title, alt, aria-label), not its markup or scripts. */
function readText(html: string): string {
  const page = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ');
  const tips = [...page.matchAll(/\s(?:title|alt|aria-label)="([^"]*)"/g)].map((m) => m[1]);
  const text = page.replace(/<[^>]*>/g, ' ');
  return [text, ...tips].join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function slugsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FINDS)].map((m) => m[1]))];
}

function caseFiles(): string[] {
  const dirs = [path.join(ROOT, 'samples'), ...['tuning', 'held-out'].map((share) => path.join(ROOT, 'test', 'fixtures', 'vignettes', share))];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.case')).map((f) => path.join(dir, f)));
}

describe('readable labels, never ids, in what students and teachers read', () => {
  it('the scan knows the ids the issue names, and finds them in a page that shows them', () => {
    for (const id of ['ineffective-hematopoiesis', 'hypersegmented-neutrophils', 'me-ratio', 'iron-stores', 'critical-low', 'bilirubin-total']) assert.ok(SLUGS.includes(id), id);
    assert.deepEqual(slugsIn(readText('<li title="see me-ratio">Aplasia</li><p>smear: hypersegmented-neutrophils</p><script>iron-stores</script>')), ['hypersegmented-neutrophils', 'me-ratio']);
    // A word in an attribute that is markup, not text, is no slug the reader sees.
    assert.deepEqual(slugsIn(readText('<li class="argues-against" data-mechanism="blood-loss">Blood loss</li>')), []);
  });

  const files = caseFiles();
  it('says a word by its vocabulary label where the id with spaces is not how it is said (names, kept hyphens)', () => {
    const page = renderCaseDocument(analyzeCase(`case: demo-01
title: Demo

[smear]
findings: howell-jolly-bodies, heinz-bodies, macro-ovalocytes, pelger-huet, target-cells
`), { view: 'learner', nonce: 'n', styles: [], scripts: [], mode: 'standalone' });
    const text = readText(page);
    for (const said of ['Howell–Jolly bodies', 'Heinz bodies', 'macro-ovalocytes', 'Pelger–Huët cells', 'target cells']) {
      assert.ok(new RegExp(said, 'i').test(text), `${said}: ${text}`);
    }
    assert.doesNotMatch(text, /Howell jolly|Pelger huet|Macro ovalocytes/i);
  });

  it('covers every sample and vignette', () => assert.ok(files.length >= 60, String(files.length)));

  for (const file of files) {
    const name = path.relative(ROOT, file);
    it(name, () => {
      const analysis = analyzeCase(readFileSync(file, 'utf8'));
      const seen: string[] = [];
      for (const view of ['learner', 'answer', 'both'] as const) {
        for (const slug of slugsIn(readText(renderCaseDocument(analysis, { view, nonce: 'n', styles: [], scripts: [], mode: 'standalone' })))) seen.push(`${view}: ${slug}`);
      }
      for (const slug of slugsIn(renderExplainText(analysis))) seen.push(`explain: ${slug}`);
      assert.deepEqual(seen, []);
    });
  }

  it('the question exports (Moodle XML, QTI, GIFT, Anki): the case text before the questions', () => {
    const cases = readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.case'))
      .map((f) => ({ analysis: analyzeCase(readFileSync(path.join(ROOT, 'samples', f), 'utf8')), images: new Map<string, Uint8Array>() }));
    const seen: string[] = [];
    for (const [format, run] of Object.entries(QUESTION_EXPORTS)) {
      for (const [file, content] of run(cases).files) {
        const text = typeof content === 'string' ? content : file.endsWith('.xml') ? new TextDecoder().decode(content) : '';
        // Markup escaped inside XML is unescaped once, then read as a page.
        for (const slug of slugsIn(readText(readText(text).replace(/\\([:=~#{}])/g, '$1')))) seen.push(`${format} ${file}: ${slug}`);
      }
    }
    assert.deepEqual(seen, []);
  });

  it('the exported site (case pages, teacher\'s pages, index), as `casewright export --answers` writes it', function () {
    this.timeout(60_000);
    const out = mkdtempSync(path.join(tmpdir(), 'casewright-labels-'));
    try {
      const run = runCli(['export', 'samples', '-o', path.join(out, 'site'), '--answers']);
      assert.equal(run.status, 0, run.stderr);
      const pages: string[] = [];
      const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          if (entry.isDirectory()) walk(path.join(dir, entry.name));
          else if (entry.name.endsWith('.html')) pages.push(path.join(dir, entry.name));
        }
      };
      walk(path.join(out, 'site'));
      assert.ok(pages.length > 20, String(pages.length));
      const seen = pages.flatMap((page) => slugsIn(readText(readFileSync(page, 'utf8'))).map((slug) => `${path.relative(out, page)}: ${slug}`));
      assert.deepEqual(seen, []);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
