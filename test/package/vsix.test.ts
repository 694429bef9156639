// `npm run package` makes a .vsix that holds only what the extension needs: bundled, no
// node_modules, under 1 MB.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import yauzl from 'yauzl';

const REPO = path.resolve(__dirname, '..', '..');
const VSIX = path.join(REPO, 'casewright.vsix');

function entries(zip: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      const names: string[] = [];
      file.on('entry', (entry: yauzl.Entry) => { names.push(entry.fileName); file.readEntry(); });
      file.on('end', () => resolve(names));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

describe('the packaged extension (.vsix)', function () {
  this.timeout(180_000);
  let files: string[] = [];

  before(() => {
    const run = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    // Leave a development build behind for the other suites (with source maps).
    assert.equal(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO }).status, 0);
  });

  it('is under 1 MB', () => {
    const size = statSync(VSIX).size;
    assert.ok(size < 1024 * 1024, `${size} bytes`);
  });

  it('holds exactly the run-time files', async () => {
    files = (await entries(VSIX)).filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length)).sort();
    assert.deepEqual(files.filter((f) => f.includes('node_modules')), []);
    for (const needed of ['package.json', 'dist/extension.js', 'dist/server.js', 'syntaxes/case.tmLanguage.json', 'language-configuration.json', 'snippets/case.code-snippets', 'schemas/casewright.schema.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'media/preview.css', 'media/preview.js']) {
      assert.ok(files.includes(needed), `missing ${needed}; has ${files.join(', ')}`);
    }
    const unexpected = files.filter((f) => /\.(ts|map)$/.test(f) || f === 'dist/cli.js' || f.startsWith('server/') || f.startsWith('client/') || f.startsWith('test/') || f.startsWith('samples/'));
    assert.deepEqual(unexpected, []);
  });
});
