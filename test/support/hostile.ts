// Properties for hostile input beyond case text, shared by the test suite (a seeded share) and
// `npm run fuzz` (at length): what a terminal receives, casewright.json of any shape, and the
// export's output folder in any prior state.
import { strict as assert } from 'node:assert';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { LeanCaseBank } from '../../server/src/core/bank';
import { readConfigText } from '../../server/src/core/config/config';
import { formatGithub } from '../../server/src/cli/formatters/github';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import { loadConfig } from '../../server/src/node/configDiscovery';
import { OUTPUT_MARKER, writeOutputFolder } from '../../server/src/node/outputFolder';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The human-facing formats of a case's diagnostics hold no raw control character. */
export function checkTerminalSafe(text: string): void {
  const bank = new LeanCaseBank({});
  bank.set('/bank/a.case', text);
  const results = [{ file: '/bank/a.case', displayPath: 'a\x1b[2J.case', diagnostics: [...bank.diagnostics('/bank/a.case')] }];
  for (const output of [formatStylish(results, { color: false, version: '0' }), formatGithub(results, { color: false, version: '0' })]) {
    const found = CONTROL.exec(output);
    assert.equal(found, null, `a raw U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} reached the terminal`);
  }
}

/** casewright.json of any shape: valid settings, wrong types, odd keys, control characters, long lists. */
export const hostileConfig: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.record({
    rules: fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('error', 'warning', 'info', 'off', 'loud', 3)),
    ignore: fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constant('**/*.case')), { maxLength: 1200 }),
    maturation: fc.anything({ maxDepth: 2 }),
    followSymlinks: fc.anything({ maxDepth: 1 }),
  }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('\uFEFF{}', '{"ignore": ["\\u001b]0;PWNED\\u0007"]}', `{"ignore": [${'"a",'.repeat(1000)}"b"]}`, '[]', 'null', '{"rules": {"__proto__": "off"}}'),
);

/** Reading any config text never throws; a problem is one line, of bounded length. */
export async function checkConfigText(text: string, folder: string): Promise<void> {
  readConfigText(text);
  writeFileSync(path.join(folder, 'casewright.json'), text);
  const loaded = await loadConfig(folder);
  if (loaded.problem) {
    assert.ok(!loaded.problem.includes('\n'), 'a problem is one line');
    assert.ok(loaded.problem.length < 4000, `a problem of ${loaded.problem.length} characters`);
    assert.deepEqual(loaded.config, {});
  } else {
    assert.ok((loaded.config.ignore?.length ?? 0) <= 1000);
  }
}

type Entry = { kind: 'file' | 'dir' | 'marker' | 'linkOut' | 'linkOutDir'; name: string };

/** What may already sit in the output folder: files, folders, links out, a marker. */
export const outputFolderState: fc.Arbitrary<{ exists: boolean; entries: Entry[] }> = fc.record({
  exists: fc.boolean(),
  entries: fc.array(fc.record({
    kind: fc.constantFrom('file', 'dir', 'marker', 'linkOut', 'linkOutDir'),
    name: fc.constantFrom('index.html', 'cases', 'answers', 'cases/a.html', 'answers/a.html', 'x.txt', 'cases/index.html'),
  }), { maxLength: 6 }),
});

/**
 * Writing into a folder in any prior state either refuses and changes nothing, or leaves exactly
 * the new files and the marker; nothing outside the folder is ever touched.
 */
export async function checkOutputFolder(state: { exists: boolean; entries: Entry[] }): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'casewright-out-'));
  try {
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'keep.html'), 'precious');
    const out = path.join(root, 'site');
    let hadMarker = false;
    if (state.exists) {
      mkdirSync(out);
      for (const { kind, name } of state.entries) {
        const full = path.join(out, name);
        // The state is set up inside the folder only: a name under an earlier link out (`cases`
        // linked outside, then `cases/index.html`) would be written outside by the setup itself.
        if (lstatSync(path.dirname(full), { throwIfNoEntry: false })?.isSymbolicLink()) continue;
        try {
          mkdirSync(path.dirname(full), { recursive: true });
          if (kind === 'file') writeFileSync(full, 'old', { flag: 'wx' });
          else if (kind === 'dir') mkdirSync(full, { recursive: true });
          else if (kind === 'marker') {
            writeFileSync(path.join(out, OUTPUT_MARKER), 'old', { flag: 'wx' });
            hadMarker = true;
          } else if (kind === 'linkOut') symlinkSync(path.join(outside, 'keep.html'), full);
          else symlinkSync(outside, full);
        } catch {
          // The name is taken by an earlier entry: keep the first.
        }
      }
    }
    const before = snapshot(root);
    const files = new Map<string, string>([['index.html', 'new index'], ['cases/a.html', 'new a'], ['answers/a.html', 'new answer']]);
    const outcome = await writeOutputFolder(out, files);
    assert.equal(readFileSync(path.join(outside, 'keep.html'), 'utf8'), 'precious');
    assert.deepEqual(readdirSync(outside), ['keep.html']);
    const emptyBefore = state.exists && readdirSync(out).length === 0;
    if (!outcome.ok) {
      assert.ok(state.exists && !hadMarker && !emptyBefore, `refused a folder it may replace: ${outcome.message}`);
      assert.deepEqual(snapshot(root), before, 'a refusal changes nothing');
      return;
    }
    const written = snapshot(out);
    assert.deepEqual(Object.keys(written).sort(), [OUTPUT_MARKER, 'answers/', 'answers/a.html', 'cases/', 'cases/a.html', 'index.html'].sort());
    assert.equal(written['cases/a.html'], 'new a');
    assert.deepEqual(readdirSync(root).sort(), ['outside', 'site'], 'no temporary folder left');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Every path under `folder` with its content (files), `/` (folders) or `-> target` (links). */
function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) result[prefix + name] = '-> link';
      else if (stats.isDirectory()) {
        result[`${prefix}${name}/`] = '';
        walk(full, `${prefix}${name}/`);
      } else result[prefix + name] = readFileSync(full, 'utf8');
    }
  };
  walk(folder, '');
  return result;
}
