// File discovery finds the same files, and reports the same problems, whether it runs on the
// asynchronous file system (the language server) or the synchronous one (the CLI).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { discoverCaseFiles, SYNC_FILE_SYSTEM } from '../../server/src/node/fileDiscovery';

describe('file discovery', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'casewright-discovery-'));
    const file = (relative: string) => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), 'case: a\ntitle: T\n');
    };
    file('b/two.case');
    file('a/one.case');
    file('a/deep/three.case');
    file('a/notes.txt');
    file('node_modules/x/skip.case');
    file('.hidden/skip.case');
    file('drafts/skip.case');
    symlinkSync(path.join(root, 'a'), path.join(root, 'b', 'loop')); // reaches a/ a second time
    symlinkSync(path.join(root, 'missing'), path.join(root, 'b', 'dangling.case'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const [name, fileSystem] of [['asynchronous', undefined], ['synchronous', SYNC_FILE_SYSTEM]] as const) {
    it(`walks folders once, skips ignored and hidden ones, sorted (${name})`, async () => {
      const result = await discoverCaseFiles(['.'], root, { root, patterns: ['drafts/**'] }, fileSystem);
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.files.map((f) => path.relative(root, f)), ['a/deep/three.case', 'a/one.case', 'b/two.case']);
    });

    it(`expands globs and says what is wrong with a path (${name})`, async () => {
      const glob = await discoverCaseFiles(['a/**/*.case'], root, undefined, fileSystem);
      assert.deepEqual(glob.files.map((f) => path.relative(root, f)), ['a/deep/three.case', 'a/one.case']);
      const missing = await discoverCaseFiles(['nowhere'], root, undefined, fileSystem);
      assert.deepEqual(missing.problems, ['nowhere: no such file or folder']);
      const empty = await discoverCaseFiles(['a/deep/*.txt'], root, undefined, fileSystem);
      assert.deepEqual(empty.problems, ['no .case files match a/deep/*.txt']);
    });
  }
});

describe('file discovery and symbolic links out of the bank', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'casewright-links-'));
    outside = mkdtempSync(path.join(tmpdir(), 'casewright-outside-'));
    mkdirSync(path.join(root, 'bank', 'sub'), { recursive: true });
    writeFileSync(path.join(root, 'bank', 'sub', 'a.case'), 'case: a\ntitle: T\n');
    writeFileSync(path.join(outside, 'secret.case'), 'case: s\ntitle: S\n');
    symlinkSync('/etc/passwd', path.join(root, 'bank', 'passwd.case'));
    symlinkSync('/', path.join(root, 'bank', 'root'));
    symlinkSync(outside, path.join(root, 'bank', 'elsewhere'));
    symlinkSync(path.join(root, 'bank', 'sub'), path.join(root, 'bank', 'again')); // inside: followed, once
    symlinkSync(path.join(root, 'bank'), path.join(root, 'bank', 'sub', 'loop'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('the language server\'s walk and the CLI\'s find the same files: none outside unless asked', async () => {
    const bank = path.join(root, 'bank');
    const walks = async (followSymlinks: boolean) => Promise.all([undefined, SYNC_FILE_SYSTEM].map(async (fileSystem) => {
      const result = await discoverCaseFiles(['.'], bank, { root: bank, patterns: ['root/**'], followSymlinks }, fileSystem);
      assert.deepEqual(result.problems, []);
      return result.files.map((f) => path.relative(bank, f));
    }));
    const [asyncWalk, syncWalk] = await walks(false);
    assert.deepEqual(asyncWalk, ['again/a.case'], 'sub/ is the folder again/ leads to: walked once');
    assert.deepEqual(syncWalk, asyncWalk);
    const [asyncFollowed, syncFollowed] = await walks(true);
    assert.ok(asyncFollowed.includes('elsewhere/secret.case') && asyncFollowed.includes('passwd.case'), asyncFollowed.join());
    assert.deepEqual(syncFollowed, asyncFollowed);
  });
});
