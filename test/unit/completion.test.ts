// Completion in the core, data-driven: a case with a caret (‸), what is offered there, and the
// text after accepting an item (its edit applied as the editor applies it).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { complete, type CompletionResult } from '../../server/src/core/services/completion';
import { snippetToPlainText } from '../../server/src/core/services/completionItem';
import { splitLines } from '../../server/src/core/text';
import { extractCarets } from '../support/carets';
import { mutatedCase } from '../support/mutations';
import { applyTextEdits } from '../support/textEdits';
import { assertInside } from '../support/ranges';

const HEAD = 'case: me-01\ntitle: T\n';
const HEMOLYSIS = `${HEAD}[patient]\nage: 30 y\nsex: female\n[labs]\nhemoglobin: 7.4 g/dL\nhematocrit: 22 %\nreticulocytes: 14 %\nhaptoglobin: <10 mg/dL\ndat: positive\n[smear]\nfindings: spherocytes\n`;
const BANK = ['me-01', 'x-1', 'y-2', 'a-3'];

interface Expected {
  /** Exactly these labels, in this order. */
  labels?: string[];
  includes?: string[];
  excludes?: string[];
  /** Accept the item with this label: the text becomes this (carets and all removed). */
  accept?: [label: string, after: string];
}

function completeAt(marked: string) {
  const { text, positions } = extractCarets(marked);
  const items = complete(analyzeCase(text), positions[0], BANK);
  return { text, position: positions[0], items };
}

function check(marked: string, expected: Expected): void {
  const { text, position, items } = completeAt(marked);
  const labels = items.map((i) => i.label);
  const where = `${JSON.stringify(marked)} offered ${JSON.stringify(labels)}`;
  if (expected.labels) assert.deepEqual(labels, expected.labels, where);
  for (const label of expected.includes ?? []) assert.ok(labels.includes(label), `${where}: missing ${label}`);
  for (const label of expected.excludes ?? []) assert.ok(!labels.includes(label), `${where}: should not offer ${label}`);
  for (const item of items) {
    // What an editor requires of a textEdit: one line, inside the document, holding the cursor.
    assertInside(item.textEdit.range, text, `${item.label} edit`);
    const { start, end } = item.textEdit.range;
    assert.ok(start.line === position.line && end.line === position.line && start.character <= position.character && position.character <= end.character, `${item.label}: range must hold the cursor`);
  }
  if (expected.accept) {
    const [label, after] = expected.accept;
    const item = items.find((i) => i.label === label);
    assert.ok(item, `${where}: no ${label}`);
    assert.equal(applyTextEdits(text, [item.textEdit]), after, `${where}: accepting ${label}`);
  }
}

const item = (items: CompletionResult[], label: string) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no ${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
};

describe('completion', () => {
  describe('section names on a `[` line', () => {
    const cases: [string, Expected][] = [
      [`${HEAD}[history]\nx\n[‸`, { includes: ['[patient]', '[labs]', '[labs: day 7]', '[marrow]', '[answer]'], excludes: ['[history]'] }],
      // The editor closed the bracket: the `]` is replaced, not doubled; a blank line keeps sections apart.
      [`${HEAD}[ma‸]`, { accept: ['[marrow]', `${HEAD}\n[marrow]`] }],
      [`${HEAD}\n[ma‸]`, { accept: ['[marrow]', `${HEAD}\n[marrow]`] }],
      [`${HEAD}# the marrow\n[ma‸`, { accept: ['[marrow]', `${HEAD}# the marrow\n[marrow]`] }],
      // A second panel needs a qualifier: only the qualified form is offered.
      [`${HEAD}[labs]\nhb: 7 g/dL\n[l‸`, { includes: ['[labs: day 7]'], excludes: ['[labs]'], accept: ['[labs: day 7]', `${HEAD}[labs]\nhb: 7 g/dL\n\n[labs: \${1:day 7}]`] }],
      // Renaming a header: the section on this very line does not count as present.
      [`${HEAD}[hist‸ory]\nx\n`, { includes: ['[history]'], accept: ['[exam]', `${HEAD}[exam]\nx\n`] }],
      [`${HEAD}[labs: d‸]`, { labels: [] }],
      [`${HEAD}[history]‸`, { labels: [] }],
    ];
    for (const [marked, expected] of cases) it(JSON.stringify(marked), () => check(marked, expected));

    it('the labs panel with a qualifier is a snippet with the qualifier as a placeholder', () => {
      const labs = item(completeAt(`${HEAD}[‸`).items, '[labs: day 7]');
      assert.equal(labs.insertTextFormat, 2);
      assert.equal(labs.filterText, '[labs');
      assert.match(labs.documentation ?? '', /qualifier/);
    });
  });

  describe('keys at the start of a line', () => {
    const cases: [string, Expected][] = [
      [`${HEAD}‸`, { labels: ['tags', 'level', 'author', 'see-also', 'status', 'reviewed-by', 'reviewed-on', 'version', 'updated', 'objectives', 'hide-indices'], accept: ['level', `${HEAD}level: `] }],
      ['case: a\n‸', { includes: ['title', 'level'], excludes: ['case'] }],
      // On an existing key, only the name changes: the colon and value stay.
      [`${HEAD}le‸vel: advanced\n`, { includes: ['level', 'author'], accept: ['author', `${HEAD}author: advanced\n`] }],
      [`${HEAD}[patient]\nage: 4 y\n‸`, { labels: ['sex'] }],
      [`${HEAD}[marrow]\ncellularity: 90 %\nery‸`, { includes: ['erythroid', 'fibrosis', 'note'], excludes: ['cellularity'], accept: ['erythroid', `${HEAD}[marrow]\ncellularity: 90 %\nerythroid: `] }],
      [`${HEAD}[smear]\n‸`, { labels: ['findings', 'note', 'image', 'alt'] }],
      [`${HEAD}[answer]\nmechanism: aplasia\n‸`, { labels: ['diagnosis', 'explanation'] }],
      [`${HEAD}[history]\nhe‸`, { labels: [] }],
      [`${HEAD}# le‸`, { labels: [] }],
      [`${HEAD}[labs]\nhemo glo‸`, { labels: [] }],
    ];
    for (const [marked, expected] of cases) it(JSON.stringify(marked), () => check(marked, expected));
  });

  describe('lab names in [labs]', () => {
    const cases: [string, Expected][] = [
      [`${HEAD}[labs]\nhapt‸`, { accept: ['haptoglobin', `${HEAD}[labs]\nhaptoglobin: \${1} mg/dL`] }],
      [`${HEAD}[labs]\nhe‸`, { accept: ['hemoglobin', `${HEAD}[labs]\nhemoglobin: \${1} g/dL`] }],
      [`${HEAD}[labs]\ncoo‸`, { accept: ['coombs', `${HEAD}[labs]\ncoombs: \${1|positive,negative|}`] }],
      // On an existing name only the name is replaced; the value stays.
      [`${HEAD}[labs]\nhem‸oglobine: 7 g/dL\n`, { accept: ['hemoglobin', `${HEAD}[labs]\nhemoglobin: 7 g/dL\n`] }],
    ];
    for (const [marked, expected] of cases) it(JSON.stringify(marked), () => check(marked, expected));

    it('offers every key and alias; an alias says which lab it is', () => {
      const { items } = completeAt(`${HEAD}[labs]\n‸`);
      assert.ok(items.length > 100);
      assert.match(item(items, 'hemoglobin').detail ?? '', /^Hemoglobin, g\/dL$/);
      assert.match(item(items, 'hb').detail ?? '', /^alias of hemoglobin /);
      assert.match(item(items, 'plt').detail ?? '', /^alias of platelets /);
      assert.match(item(items, 'hb').documentation ?? '', /`g\/L`/);
      assert.ok(items.every((i) => i.insertTextFormat === 2));
    });

    it('sorts the labs the panel already has last, by key or alias, and only in this panel', () => {
      const { items } = completeAt(`${HEAD}[labs]\nhb: 7 g/dL\n‸\n[labs: day 7]\nmcv: 80 fL\n`);
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
      assert.ok(sorted.indexOf('hemoglobin') > sorted.indexOf('ferritin'), 'hemoglobin is in the panel');
      assert.ok(sorted.indexOf('hgb') > sorted.indexOf('ferritin'), 'so are its aliases');
      assert.ok(sorted.indexOf('mcv') < sorted.indexOf('ferritin'), 'mcv is in another panel');
      assert.ok(sorted.indexOf('hematocrit') < sorted.indexOf('hct'), 'keys before aliases');
    });
  });

  describe('lab values', () => {
    const cases: [string, Expected][] = [
      [`${HEAD}[labs]\nhemoglobin: 61 ‸`, { labels: ['g/dL', 'g/L', 'mmol/L'], accept: ['g/L', `${HEAD}[labs]\nhemoglobin: 61 g/L`] }],
      // Straight after the number the unit gets its space.
      [`${HEAD}[labs]\nhemoglobin: 61‸\n`, { accept: ['g/L', `${HEAD}[labs]\nhemoglobin: 61 g/L\n`] }],
      // Inside a unit, the whole unit is replaced.
      [`${HEAD}[labs]\nhgb: <6.1 g‸/dl\n`, { accept: ['mmol/L', `${HEAD}[labs]\nhgb: <6.1 mmol/L\n`] }],
      [`${HEAD}[labs]\nplatelets: 24 ‸`, { labels: ['10^9/L', '10^3/uL', '/uL'] }],
      [`${HEAD}[labs]\nhemoglobin: ‸`, { labels: [] }],
      [`${HEAD}[labs]\nhemoglobin: 6.1 g/dL ‸`, { labels: [] }],
      [`${HEAD}[labs]\nunknownlab: 6 ‸`, { labels: [] }],
      [`${HEAD}[labs]\ndat:‸`, { labels: ['positive', 'negative'], accept: ['negative', `${HEAD}[labs]\ndat: negative`] }],
      [`${HEAD}[labs]\nparvovirus: pos‸itve\n`, { accept: ['positive', `${HEAD}[labs]\nparvovirus: positive\n`] }],
    ];
    for (const [marked, expected] of cases) it(JSON.stringify(marked), () => check(marked, expected));

    it('says which unit is canonical and how the others convert', () => {
      const { items } = completeAt(`${HEAD}[labs]\nhemoglobin: 61 ‸`);
      assert.match(item(items, 'g/dL').detail ?? '', /canonical/);
      assert.match(item(items, 'g/L').detail ?? '', /0\.1/);
    });
  });

  describe('vocabulary values', () => {
    const cases: [string, Expected][] = [
      [`${HEAD}[marrow]\nerythroid: hyp‸`, { labels: ['absent', 'hypoplastic', 'normal', 'hyperplastic'], accept: ['hyperplastic', `${HEAD}[marrow]\nerythroid: hyperplastic`] }],
      [`${HEAD}[marrow]\nfibrosis:‸\n`, { labels: ['MF-0', 'MF-1', 'MF-2', 'MF-3'], accept: ['MF-2', `${HEAD}[marrow]\nfibrosis: MF-2\n`] }],
      [`${HEAD}[marrow]\nmegakaryocytes: ‸`, { labels: ['absent', 'decreased', 'normal', 'increased'] }],
      [`${HEAD}[patient]\nsex: f‸`, { labels: ['male', 'female', 'other', 'unknown'], accept: ['female', `${HEAD}[patient]\nsex: female`] }],
      [`${HEAD}level: ‸`, { labels: ['introductory', 'intermediate', 'advanced'] }],
      [`${HEAD}[marrow]\nnote: ‸`, { labels: [] }],
      [`${HEAD}author: ‸`, { labels: [] }],
    ];
    for (const [marked, expected] of cases) it(JSON.stringify(marked), () => check(marked, expected));

    it('explains each word', () => {
      assert.match(item(completeAt(`${HEAD}[marrow]\nerythroid: ‸`).items, 'hyperplastic').documentation ?? '', /precursors/i);
    });
  });

  describe('list items: smear findings and see-also', () => {
    const smear = `${HEAD}[smear]\n`;
    const cases: [string, Expected][] = [
      // The item under the cursor is completed; findings listed before or after it are not offered.
      [`${smear}findings: spherocytes, sch‸, target-cells\n`, {
        includes: ['schistocytes', 'polychromasia'], excludes: ['spherocytes', 'target-cells'],
        accept: ['schistocytes', `${smear}findings: spherocytes, schistocytes, target-cells\n`],
      }],
      [`${smear}findings: spherocytes,‸`, { accept: ['polychromasia', `${smear}findings: spherocytes, polychromasia`] }],
      [`${smear}findings: target cells‸`, { accept: ['target-cells', `${smear}findings: target-cells`] }],
      // A continuation line holds more items of the same list.
      [`${smear}findings: spherocytes,\n  poly‸\n`, { excludes: ['spherocytes'], accept: ['polychromasia', `${smear}findings: spherocytes,\n  polychromasia\n`] }],
      [`${HEAD}see-also: x-1, ‸`, { labels: ['a-3', 'y-2'], accept: ['y-2', `${HEAD}see-also: x-1, y-2`] }],
      [`${HEAD}see-also:‸`, { labels: ['a-3', 'x-1', 'y-2'] }],
    ];
    for (const [marked, expected] of cases) it(JSON.stringify(marked), () => check(marked, expected));
  });

  describe('mechanisms in [answer]', () => {
    it('ranked by the engine, with its score, the first choice preselected and first', () => {
      const { items } = completeAt(`${HEMOLYSIS}[answer]\nmechanism: ‸`);
      assert.equal(items.length, 7);
      assert.equal(items[0].label, 'peripheral-destruction');
      assert.match(items[0].detail ?? '', /^score [\d.]+ — the engine's first choice/);
      assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['peripheral-destruction']);
      assert.ok(items.every((i) => /^score -?[\d.]+/.test(i.detail ?? '')));
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.equal(sorted[0].label, 'peripheral-destruction');
      assert.match(items[0].documentation ?? '', /destroyed in the circulation/);
    });

    it('replaces the value under the cursor', () => {
      check(`${HEMOLYSIS}[answer]\nmechanism: apl‸asia\n`, { accept: ['peripheral-destruction', `${HEMOLYSIS}[answer]\nmechanism: peripheral-destruction\n`] });
    });

    it('preselects nothing when no mechanism scores', () => {
      const { items } = completeAt(`${HEAD}[answer]\nmechanism: ‸`);
      assert.equal(items.length, 7);
      assert.ok(items.every((i) => !i.preselect));
    });
  });

  it('never throws, and every edit holds the cursor on its line, on broken cases (property)', () => {
    fc.assert(fc.property(mutatedCase(4), fc.nat(), fc.nat(), (text, lineSeed, charSeed) => {
      if (text.length > 200_000) return;
      const { lines } = splitLines(text);
      const line = lineSeed % lines.length;
      const position = { line, character: charSeed % (lines[line].length + 1) };
      for (const item of complete(analyzeCase(text), position, BANK)) {
        const { start, end } = item.textEdit.range;
        assert.ok(start.line === line && end.line === line && start.character <= position.character && position.character <= end.character && end.character <= lines[line].length,
          `${item.label} at ${JSON.stringify(position)}: ${JSON.stringify(item.textEdit.range)}`);
      }
    }), { seed: 7, numRuns: 200 });
  });
});

describe('snippets as plain text (for editors without snippet support)', () => {
  it('keeps defaults and first choices, drops tab stops, undoes escapes', () => {
    const cases: [string, string][] = [
      ['haptoglobin: ${1} mg/dL', 'haptoglobin:  mg/dL'],
      ['[labs: ${1:day 7}]', '[labs: day 7]'],
      ['dat: ${1|positive,negative|}', 'dat: positive'],
      ['x: $1 and $0', 'x:  and '],
      ['unit: 10\\$9 \\} \\\\', 'unit: 10$9 } \\'],
      ['${1:a \\} b}', 'a } b'],
      ['${1|a\\,b,c|}', 'a,b'],
      ['no snippet at all', 'no snippet at all'],
    ];
    for (const [snippet, plain] of cases) assert.equal(snippetToPlainText(snippet), plain, snippet);
  });
});
