// The committed grammar is what the generator makes from the catalogs (npm run grammar).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

describe('TextMate grammar', () => {
  it('is generated from schemas/vocabulary.json and schemas/labs.json and up to date', () => {
    const run = spawnSync(process.execPath, ['scripts/grammar/buildGrammar.mjs', '--check'], { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('passes its scope tests (vscode-tmgrammar-test on test/grammar/*.case)', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, [require.resolve('vscode-tmgrammar-test/dist/unit.js'), '-g', 'syntaxes/case.tmLanguage.json', 'test/grammar/**/*.case'], { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const files = readdirSync(path.resolve(__dirname, '..', 'grammar')).filter((f) => f.endsWith('.case')).length;
    assert.ok(files >= 4);
    assert.equal((run.stdout.match(/run successfuly/g) ?? []).length, files);
  });
});
