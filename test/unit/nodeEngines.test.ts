// `npm ci` installs without an engine warning (EBADENGINE) on the Node versions the README
// names: the lowest of each, checked against the engines of this package and of every package
// in package-lock.json (npm compares them with semver, as here).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
// npm's own range matcher (a dependency of npm and of @vscode/vsce here); untyped in this repo.
const semver = require('semver') as { satisfies(version: string, range: string): boolean };

describe('npm ci on the Node versions the README names', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const named = /Node\.js (\d+\.\d+) or later \(on Node (\d+), (\d+\.\d+) or later/.exec(readme);

  it('the README names the lowest Node version of each supported major', () => {
    assert.ok(named, 'the quick start names the Node versions');
    assert.equal(named[2], named[3].split('.')[0]);
  });

  it('package.json and every package in package-lock.json accept them (no EBADENGINE)', () => {
    const versions = [`${named![1]}.0`, `${named![3]}.0`];
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
    const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const refused: string[] = [];
    for (const version of versions) {
      if (!semver.satisfies(version, manifest.engines.node)) refused.push(`casewright (${manifest.engines.node}) on ${version}`);
      for (const [name, entry] of Object.entries(lock.packages)) {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (range && !semver.satisfies(version, range)) refused.push(`${name || 'casewright'} (${range}) on ${version}`);
      }
    }
    assert.deepEqual(refused, []);
    // The check can fail: an old Node is refused.
    assert.ok(!semver.satisfies('18.0.0', manifest.engines.node));
  });
});
