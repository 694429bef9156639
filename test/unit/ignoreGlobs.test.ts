// The ignore globs of casewright.json: the same answers as picomatch on ordinary globs, and
// linear on the globs that made picomatch's regexes backtrack for tens of seconds.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { globMatcher } from '../../server/src/node/ignoreGlobs';

describe('ignore globs', function () {
  this.timeout(60_000);
  it('match as picomatch does on ordinary globs', () => {
    const cases: [string, string, boolean][] = [
      ['drafts/**', 'drafts/a.case', true], ['drafts/**', 'drafts/x/y/a.case', true], ['drafts/**', 'drafts', true], ['drafts/**', 'other/a.case', false],
      ['*.case', 'a.case', true], ['*.case', 'x/a.case', false], ['**/*.case', 'x/y/a.case', true], ['**/tmp/**', 'a/tmp/b/c.case', true],
      ['templates/*.case', 'templates/t.case', true], ['templates/*.case', 'templates/x/t.case', false], ['a?.case', 'ab.case', true],
      ['[ab].case', 'b.case', true], ['[!ab].case', 'b.case', false], ['[a-c]*.case', 'cat.case', true], ['{x,y}/**', 'y/z.case', true],
      ['{x,y{1,2}}/*.case', 'y2/a.case', true], ['.hidden/**', '.hidden/a.case', true], ['*', '.dot.case', true], ['\\*.case', '*.case', true],
      ['./drafts/**', 'drafts/a.case', true], ['drafts/', 'drafts', false],
    ];
    for (const [glob, file, expected] of cases) {
      assert.equal(globMatcher([glob])(file), expected, `${glob} ~ ${file}`);
      // picomatch reads `[!…]` differently; every other case is checked against it.
      if (!glob.includes('[!')) assert.equal(picomatch(glob, { dot: true })(file), expected, `picomatch: ${glob} ~ ${file}`);
    }
  });

  it('agree with picomatch on random small globs and paths', () => {
    const globPiece = fc.constantFrom('a', 'b', '.', '*', '?', '**', '/', '[ab]', '{a,b}');
    const pathPiece = fc.constantFrom('a', 'b', '.', 'ab', 'ba');
    const glob = fc.array(globPiece, { minLength: 1, maxLength: 6 }).map((p) => p.join('')).filter((g) => !g.startsWith('/') && !g.includes('//') && !g.endsWith('/') && !/\*\*[^/]|[^/]\*\*/.test(g));
    const file = fc.array(fc.array(pathPiece, { minLength: 1, maxLength: 3 }).map((p) => p.join('')).filter((s) => s !== '.' && s !== '..'), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    fc.assert(fc.property(glob, file, (g, f) => {
      assert.equal(globMatcher([g])(f), picomatch(g, { dot: true })(f), `${g} ~ ${f}`);
    }), { seed: 9, numRuns: 1500 });
  });

  it('stay linear on globs that backtrack as regexes', () => {
    const name = 'a'.repeat(255);
    const started = Date.now();
    const match = globMatcher(['*a*a*a*a*a*a*a*a*b', `${'**/'.repeat(50)}x`, `{${Array.from({ length: 50 }, (_, i) => `a${i}`).join(',')}}{b,c}{d,e}{f,g}{h,i}/**`]);
    for (let i = 0; i < 100; i++) assert.equal(match(`${'d/'.repeat(100)}${name}`), false);
    // picomatch took 45 s on the first glob for one 200-letter name; this is milliseconds.
    assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
  });
});
