// How the CLI starts: dist/cli.js runs the bundle from V8's code cache only when the cache was
// made from that very bundle, and bank paths are shown relative to the working folder.
import { strict as assert } from 'node:assert';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { displayPath, displayPaths } from '../../server/src/cli/checkCommand';
import { REPO } from '../support/runCli';

const DIST = path.join(REPO, 'dist');

describe('CLI start-up from the code cache', () => {
  it('the build writes a cache made from the bundle beside it', () => {
    const bundle = readFileSync(path.join(DIST, 'cli-main.js'));
    const cache = readFileSync(path.join(DIST, 'cli-main.js.cache'));
    assert.equal(cache.readUInt32LE(0), bundle.length);
    assert.ok(cache.subarray(4, 4 + bundle.length).equals(bundle));
    assert.ok(cache.length > bundle.length + 4, 'V8 data follows the copy of the bundle');
  });

  it('a cache made from another bundle of the same length is not used', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casewright-launch-'));
    try {
      for (const name of ['cli.js', 'cli-main.js', 'cli-main.js.cache']) copyFileSync(path.join(DIST, name), path.join(dir, name));
      cpSync(path.join(DIST, 'vendor'), path.join(dir, 'vendor'), { recursive: true });
      const version = spawnSync(process.execPath, [path.join(dir, 'cli.js'), '--version'], { encoding: 'utf8' }).stdout.trim();
      assert.match(version, /^\d+\.\d+\.\d+/);
      // Same length, other text: V8 alone would take the old bytecode (it checks only the length).
      const other = version.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
      const bundle = readFileSync(path.join(dir, 'cli-main.js'), 'utf8');
      assert.ok(bundle.includes(`"${version}"`));
      writeFileSync(path.join(dir, 'cli-main.js'), bundle.replace(`"${version}"`, `"${other}"`));
      const run = spawnSync(process.execPath, [path.join(dir, 'cli.js'), '--version'], { encoding: 'utf8' });
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), other);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs without a cache file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casewright-launch-'));
    try {
      for (const name of ['cli.js', 'cli-main.js']) copyFileSync(path.join(DIST, name), path.join(dir, name));
      const run = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'check', path.join(REPO, 'samples'), '--format', 'json'], { encoding: 'utf8' });
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      assert.ok((JSON.parse(run.stdout) as unknown[]).length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bank paths as shown', () => {
  const sep = path.sep;
  const cwd = `${sep}work${sep}bank`;
  const files = [
    `${sep}work${sep}bank${sep}a.case`,
    `${sep}work${sep}bank${sep}unit${sep}b.case`,
    `${sep}work${sep}other${sep}c.case`,
    `${sep}work${sep}other${sep}d.case`,
    `${sep}elsewhere${sep}deep${sep}er${sep}e.case`,
    `${sep}f.case`,
  ];

  it('the per-folder cache gives what displayPath gives, file by file', () => {
    for (const base of [cwd, cwd + sep, sep]) {
      const shown = displayPaths(base);
      for (const file of files) assert.equal(shown(file), displayPath(base, file), `${file} from ${base}`);
    }
  });

  it('files outside the working folder are shown with `..` and `/`', () => {
    assert.equal(displayPaths(cwd)(files[2]), '../other/c.case');
    assert.equal(displayPaths(cwd)(files[1]), 'unit/b.case');
  });
});
