// Formatting: data-driven before → after, the edits themselves, range formatting, and the
// properties that make it safe to run on save: whitespace only, same meaning, idempotent.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { formatCase, type FormattingOptions } from '../../server/src/core/services/formatting';
import type { Range } from '../../server/src/core/text';
import { mutatedCase } from '../support/mutations';
import { applyTextEdits } from '../support/textEdits';

const SPACES_2: FormattingOptions = { tabSize: 2, insertSpaces: true };

function edits(text: string, options = SPACES_2, range?: Range) {
  return formatCase(text, analyzeCase(text).model.syntax, options, range);
}

function format(text: string, options = SPACES_2, range?: Range): string {
  return applyTextEdits(text, edits(text, options, range));
}

/** Only spaces, tabs and line breaks may change: everything else, in order, stays. */
function visible(text: string): string {
  return text.replace(/[ \t\r\n]/g, '');
}

/** What the file means: every field, section and prose line as the parser reads them. */
function meaning(text: string) {
  const { syntax } = analyzeCase(text).model;
  const fields = (list: typeof syntax.header) => list.map((f) => [f.rawKey, f.value]);
  return {
    header: fields(syntax.header),
    sections: syntax.sections.map((s) => [s.rawName, s.qualifier, s.kind, fields(s.fields), s.prose.map((p) => p.text)]),
    comments: syntax.comments.length,
    codes: analyzeCase(text).diagnostics.map((d) => d.code),
  };
}

describe('formatting', () => {
  describe('before → after', () => {
    const cases: { name: string; before: string; after: string; options?: FormattingOptions }[] = [
      {
        name: 'aligns values per block: the header, then each section on its own',
        before: 'case: a-1\ntitle: T\nsee-also: b-1\n\n[labs]\nhb: 6 g/dL\nreticulocytes: 4 %\n\n[patient]\nage: 4 y\n',
        after: 'case:     a-1\ntitle:    T\nsee-also: b-1\n\n[labs]\nhb:            6 g/dL\nreticulocytes: 4 %\n\n[patient]\nage: 4 y\n',
      },
      {
        name: 'normalises the space around the colon, tabs included',
        before: 'case:a-1\ntitle :\t  T\n',
        after: 'case:  a-1\ntitle: T\n',
      },
      {
        name: 'keeps spaces inside a value',
        before: 'case: a-1\ntitle:  Beta   thalassemia\t major\n',
        after: 'case:  a-1\ntitle: Beta   thalassemia\t major\n',
      },
      {
        name: 'trims trailing spaces and tabs on every kind of line',
        before: 'case: a-1 \t\ntitle: T\n# note  \n[history]  \nPallor.\t\n',
        after: 'case:  a-1\ntitle: T\n# note\n[history]\nPallor.\n',
      },
      {
        name: 'collapses runs of blank lines, blank-looking ones included',
        before: '\n\n \ncase: a-1\ntitle: T\n\n \t\n\n[history]\nOne.\n\n\n\nTwo.\n',
        after: '\ncase:  a-1\ntitle: T\n\n[history]\nOne.\n\nTwo.\n',
      },
      {
        name: 'ends the file with exactly one line end',
        before: 'case: a-1\ntitle: T\n\n\n  \n',
        after: 'case:  a-1\ntitle: T\n',
      },
      {
        name: 'adds the missing final line end',
        before: 'case:  a-1\ntitle: T',
        after: 'case:  a-1\ntitle: T\n',
      },
      {
        name: 're-indents continuation lines by one unit, across a blank line',
        before: '[answer]\nexplanation: Unpaired chains\n        precipitate\n\n\t\tand the precursors die.\n',
        after: '[answer]\nexplanation: Unpaired chains\n  precipitate\n\n  and the precursors die.\n',
      },
      {
        name: 'indents continuation lines with a tab when the editor uses tabs',
        before: '[answer]\nexplanation: one\n    two\n',
        after: '[answer]\nexplanation: one\n\ttwo\n',
        options: { tabSize: 4, insertSpaces: false },
      },
      {
        name: 'a field whose value starts on the next line does not widen the column',
        before: '[answer]\nmechanism: aplasia\nexplanation:\n      The marrow is empty.\nnote: x\n',
        after: '[answer]\nmechanism: aplasia\nexplanation:\n    The marrow is empty.\nnote:      x\n',
        options: { tabSize: 4, insertSpaces: true },
      },
      {
        name: 'leaves prose alone but for trailing blanks, colons and indentation included',
        before: 'case: a-1\ntitle: T\n[history]\nNote:   spaced   prose  \n    indented line\n',
        after: 'case:  a-1\ntitle: T\n[history]\nNote:   spaced   prose\n    indented line\n',
      },
      {
        name: 'leaves lines in error and comments as written, and aligns fields of unknown sections',
        before: '[labs]\nhb: 6 g/dL\n  stray indented line\nnot a field at all\n   # indented comment\nretic:4 %\n[misc]\nab: 1\nabcd:2\n',
        after: '[labs]\nhb:    6 g/dL\n  stray indented line\nnot a field at all\n   # indented comment\nretic: 4 %\n[misc]\nab:   1\nabcd: 2\n',
      },
      {
        name: 'a no-break space is text, not blank: its line stays',
        before: 'case: a-1\ntitle: T\n\n\u00a0\n\n[history]\nx\n',
        after: 'case:  a-1\ntitle: T\n\n\u00a0\n\n[history]\nx\n',
      },
      {
        name: 'keeps CRLF line ends, and adds a CRLF when the last one is missing',
        before: 'case: a\r\ntitle:  T\r\n\r\n\r\n[history]\r\nNote:   spaced   prose  ',
        after: 'case:  a\r\ntitle: T\r\n\r\n[history]\r\nNote:   spaced   prose\r\n',
      },
      {
        name: 'keeps old Mac line ends',
        before: 'case:a\rtitle: T\r\r\r',
        after: 'case:  a\rtitle: T\r',
      },
      {
        name: 'a document of blank lines becomes empty',
        before: '\n  \n\t\n',
        after: '',
      },
      { name: 'an empty document stays empty', before: '', after: '' },
      {
        name: 'keeps a byte-order mark',
        before: '\ufeffcase:a-1\ntitle: T\n',
        after: '\ufeffcase:  a-1\ntitle: T\n',
      },
    ];
    for (const { name, before, after, options } of cases) {
      it(name, () => {
        assert.equal(format(before, options), after);
        assert.deepEqual(edits(after, options), [], 'formatting the result again changes nothing');
      });
    }
  });

  it('returns one small edit per changed line, not the whole document', () => {
    const before = 'case: a-1\ntitle:T\nlevel: advanced\n\n\n\n[history]\nPallor.  \n';
    assert.deepEqual(edits(before), [
      { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, newText: ' ' },
      { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } }, newText: ' ' },
      { range: { start: { line: 4, character: 0 }, end: { line: 6, character: 0 } }, newText: '' },
      { range: { start: { line: 7, character: 7 }, end: { line: 7, character: 9 } }, newText: '' },
    ]);
  });

  it('formats a range: only the lines it covers change, to what formatting everything gives', () => {
    const before = 'case:a-1\ntitle:T\n[labs]\nhb:6 g/dL\nreticulocytes:  4 %\nmcv:90 fL   \n\n\n[history]\nx  ';
    const whole = format(before).split('\n');
    // Lines 3 and 4; a selection ending at column 0 of line 5 does not take line 5.
    const ranged = format(before, SPACES_2, { start: { line: 3, character: 2 }, end: { line: 5, character: 0 } }).split('\n');
    assert.deepEqual(ranged, ['case:a-1', 'title:T', '[labs]', whole[3], whole[4], 'mcv:90 fL   ', '', '', '[history]', 'x  ']);
    assert.equal(whole[3], 'hb:            6 g/dL');
    // The last line: its trailing blanks and the final line end.
    assert.equal(format(before, SPACES_2, { start: { line: 9, character: 0 }, end: { line: 9, character: 3 } }), before.replace(/x {2}$/, 'x\n'));
    // Selecting only the blank lines at the end removes them, and nothing before them changes.
    assert.equal(format('case:a-1  \n\n\n', SPACES_2, { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }), 'case:a-1  \n');
  });

  describe('properties', () => {
    const blanks = (max: number) => fc.array(fc.constantFrom(' ', '\t'), { maxLength: max }).map((a) => a.join(''));
    const key = fc.constantFrom('case', 'title', 'see-also', 'hb', 'Reticulocytes', 'bilirubin-indirect', 'me.ratio', 'x');
    const value = fc.constantFrom('', 'a-1', '6.1 g/dL', '<10  mg/dL', 'one, two', 'x: y', '# not a comment', 'a\u00a0b', '\u00a0', '🩸 é');
    const line: fc.Arbitrary<string> = fc.oneof(
      fc.tuple(key, blanks(2), blanks(3), value, blanks(2)).map(([k, a, b, v, c]) => `${k}${a}:${b}${v}${c}`),
      fc.tuple(blanks(4).filter((w) => w.length > 0), value, blanks(2)).map(([w, v, c]) => `${w}${v}${c}`),
      fc.tuple(blanks(3), fc.constantFrom('#', '# a note', '#  spaced  #'), blanks(2)).map(([a, c, b]) => `${a}${c}${b}`),
      fc.tuple(fc.constantFrom('[labs]', '[labs: day 7]', '[Labs:Day 30]', '[history]', '[answer]', '[bogus]', '[labs', '[] x'), blanks(2)).map(([h, b]) => `${h}${b}`),
      fc.constantFrom('Prose: with a colon.', 'plain prose', '\u00a0', 'x\u00a0'),
      blanks(3),
    );
    const document = fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
      .map(([lines, eol, final]) => lines.join(eol) + (final && lines.length ? eol : ''));
    const options = fc.record({ tabSize: fc.integer({ min: 1, max: 8 }), insertSpaces: fc.boolean() });

    it('changes only spaces, tabs and line breaks, keeps the meaning and the line ends, and is idempotent', () => {
      fc.assert(fc.property(document, options, (text, opts) => {
        const once = format(text, opts);
        assert.equal(visible(once), visible(text));
        assert.deepEqual(meaning(once), meaning(text));
        const endings = (t: string) => new Set(t.match(/\r\n|\r|\n/g) ?? []);
        // A file without any line end gets `\n`; otherwise only its own line ends appear.
        if (endings(text).size) for (const ending of endings(once)) assert.ok(endings(text).has(ending), `introduced ${JSON.stringify(ending)}`);
        assert.deepEqual(edits(once, opts), []);
      }), { seed: 20240611, numRuns: 400 });
    });

    it('holds on mutated samples too', () => {
      fc.assert(fc.property(mutatedCase(4), (text) => {
        if (text.length > 200_000) return;
        const once = format(text);
        assert.equal(visible(once), visible(text));
        assert.deepEqual(meaning(once), meaning(text));
        assert.deepEqual(edits(once), []);
      }), { seed: 99, numRuns: 120 });
    });
  });
});
