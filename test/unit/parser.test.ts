import { strict as assert } from 'node:assert';
import { sectionKind } from '../../server/src/core/catalog/vocabulary';
import { parseCaseSyntax } from '../../server/src/core/syntax/parser';
import { makeRange, splitLines } from '../../server/src/core/text';

const parse = (text: string) => parseCaseSyntax(text, sectionKind);

describe('parser', () => {
  it('reads header fields with exact key and value ranges', () => {
    const { syntax, diagnostics } = parse('case: thal-01\nTitle:   Beta-thalassemia  \n');
    assert.deepEqual(diagnostics, []);
    assert.equal(syntax.header.length, 2);
    const [id, title] = syntax.header;
    assert.equal(id.key, 'case');
    assert.deepEqual(id.keyRange, makeRange(0, 0, 0, 4));
    assert.deepEqual(id.valueRange, makeRange(0, 6, 0, 13));
    assert.equal(title.key, 'title', 'keys are case-insensitive');
    assert.equal(title.rawKey, 'Title');
    assert.equal(title.value, 'Beta-thalassemia');
    assert.deepEqual(title.valueRange, makeRange(1, 9, 1, 25));
  });

  it('reads section headers, qualifiers and their ranges', () => {
    const { syntax } = parse('case: a\n[Labs:  day 7 ]\nhb: 6 g/dL\n');
    const [labs] = syntax.sections;
    assert.equal(labs.name, 'labs');
    assert.equal(labs.rawName, 'Labs');
    assert.equal(labs.qualifier, 'day 7');
    assert.deepEqual(labs.nameRange, makeRange(1, 1, 1, 5));
    assert.deepEqual(labs.qualifierRange, makeRange(1, 8, 1, 13));
    assert.deepEqual(labs.headerRange, makeRange(1, 0, 1, 15));
    assert.deepEqual(labs.range, makeRange(1, 0, 2, 10));
    assert.equal(labs.fields[0].key, 'hb');
  });

  it('joins indented continuation lines into the field value, across blank lines', () => {
    const text = '[answer]\nexplanation: Unpaired alpha chains\n  precipitate in the marrow.\n\n  A busy factory.\nmechanism: aplasia\n';
    const { syntax, diagnostics } = parse(text);
    assert.deepEqual(diagnostics, []);
    const [explanation, mechanism] = syntax.sections[0].fields;
    assert.equal(explanation.value, 'Unpaired alpha chains precipitate in the marrow. A busy factory.');
    assert.deepEqual(explanation.valueRange, makeRange(1, 13, 4, 17));
    assert.equal(explanation.valueLines.length, 3);
    assert.equal(mechanism.value, 'aplasia');
  });

  it('keeps prose sections as lines and treats colons in prose as text', () => {
    const { syntax, diagnostics } = parse('[history]\nNote: pallor since 9 months.\n  Parents: Cypriot.\n');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(syntax.sections[0].prose.map((p) => p.text), ['Note: pallor since 9 months.', 'Parents: Cypriot.']);
    assert.deepEqual(syntax.sections[0].prose[1].range, makeRange(2, 2, 2, 19));
    assert.equal(syntax.sections[0].fields.length, 0);
  });

  it('skips comments anywhere and records them', () => {
    const { syntax, diagnostics } = parse('# top\ncase: a\n[labs]\n   # indented comment\nhb: 6 g/dL\n');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(syntax.comments, [makeRange(0, 0, 0, 5), makeRange(3, 3, 3, 21)]);
    assert.equal(syntax.sections[0].fields.length, 1);
  });

  it('reports a prose line in a field section at that line, and goes on', () => {
    const { syntax, diagnostics } = parse('[labs]\nhemoglobin 6.1 g/dL\nmcv: 58 fL\n');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'not-a-field');
    assert.deepEqual(diagnostics[0].range, makeRange(1, 0, 1, 19));
    assert.equal(syntax.sections[0].fields[0].key, 'mcv', 'the next line is still read');
  });

  it('reports malformed and empty section headers', () => {
    const { syntax, diagnostics } = parse('[labs\nhb: 6 g/dL\n[]\n[labs:]\n[exam] trailing\n');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [
      ['malformed-section-header', 0], ['malformed-section-header', 2], ['empty-qualifier', 3], ['malformed-section-header', 4],
    ]);
    assert.equal(syntax.sections.length, 4);
  });

  it('counts CRLF, lone CR and a BOM the way an editor does', () => {
    const { syntax } = parse('\uFEFFcase: a\r\ntitle: b\rlevel: advanced\n');
    assert.deepEqual(syntax.header.map((f) => [f.key, f.keyRange.start.line, f.keyRange.start.character]), [
      ['case', 0, 0], ['title', 1, 0], ['level', 2, 0],
    ]);
    assert.deepEqual(splitLines('a\r\n\r\nb').lines, ['a', '', 'b']);
  });

  it('measures characters in UTF-16 code units, as LSP does', () => {
    const { syntax } = parse('title: 🩸 anemia\n');
    assert.deepEqual(syntax.header[0].valueRange, makeRange(0, 7, 0, 16));
  });

  it('treats tabs as indentation', () => {
    const { syntax } = parse('[answer]\nexplanation: one\n\ttwo\n');
    assert.equal(syntax.sections[0].fields[0].value, 'one two');
  });

  it('returns an empty tree for empty input', () => {
    const { syntax, diagnostics } = parse('');
    assert.deepEqual(diagnostics, []);
    assert.equal(syntax.header.length, 0);
    assert.deepEqual(syntax.lines, ['']);
  });
});
