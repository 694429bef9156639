// The question exports, read back by parsers nobody here wrote: GIFT through gift-pegjs and
// Anki's notes file by its documented header lines, and what every format shares (image names,
// control characters). Moodle XML and the QTI package: questionExportMoodle/Qti.test.ts.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { parse as parseGift } from 'gift-pegjs';
import { CaseBank } from '../../server/src/core/bank';
import { exportAnki } from '../../server/src/core/export/anki';
import { escapeGift, exportGift } from '../../server/src/core/export/gift';
import { exportMoodleXml } from '../../server/src/core/export/moodleXml';
import { exportQti } from '../../server/src/core/export/qti';
import { CASES, QUESTIONS, SAMPLES, TRICKY, TRICKY_IMAGES, media } from '../support/exportCases';

describe('question exports', () => {
  it('names an image after the case and its path; paths that flatten alike keep different names', () => {
    assert.equal(media('a-01', 'smear.png'), 'a-01-smear.png');
    assert.match(media('a-01', 'images/smear.png'), /^a-01-images-smear-[0-9a-f]{8}\.png$/);
    assert.notEqual(media('a-01', 'images/smear.png'), media('a-01', 'images-smear.png'));
    assert.notEqual(media('a-01', 'images/smear.png'), media('a-01', 'images smear.png'));
    assert.equal(media('a-01', 'images/smear.png'), media('a-01', 'images/smear.png'), 'the same path, the same name, run after run');
  });

  it('every sample case has at least three questions', () => {
    for (const { analysis } of CASES) assert.ok(analysis.model.questions.length >= 3, analysis.model.id);
  });

  describe('GIFT, read back by gift-pegjs', () => {
    const result = exportGift(CASES);
    const parsed = parseGift(result.files.get('questions.gift.txt') as string);
    const byTitle = new Map(parsed.map((q) => [(q as { title: string | null }).title, q]));

    it('every question but ordering parses back with its type, key and feedback', () => {
      const expectedType = { single: 'MC', multiple: 'MC', numeric: 'Numerical', short: 'Short', ordering: undefined } as const;
      for (const { key, question } of QUESTIONS) {
        const back = byTitle.get(key) as unknown as GiftBack | undefined;
        if (question.type === 'ordering') {
          assert.equal(back, undefined);
          continue;
        }
        assert.ok(back, `${key} missing`);
        assert.equal(back.type, expectedType[question.type!], key);
        assert.equal(back.stem.text, question.unit ? `${question.stem!.value} (in ${question.unit})` : question.stem!.value, key);
        if (question.explanation) assert.equal(back.globalFeedback?.text, question.explanation, key);
        if (question.type === 'numeric') {
          assert.deepEqual(back.choices.map((c) => [c.text.number, c.text.range]), question.answers.map((a) => [Number(a.value), question.tolerance]));
        } else if (question.type === 'short') {
          assert.deepEqual(back.choices.map((c) => c.text.text), question.answers.map((a) => a.value));
        } else {
          assert.deepEqual(back.choices.map((c) => c.text.text), question.options.map((o) => o.text), key);
          assert.deepEqual(back.choices.map((c) => c.feedback?.text ?? undefined), question.options.map((o) => o.feedback), key);
          const correct = back.choices.map((c) => (question.type === 'multiple' ? (c.weight ?? 0) > 0 : c.isCorrect));
          assert.deepEqual(correct, question.options.map((o) => o.correct), key);
          if (question.type === 'multiple') assert.ok(Math.abs(back.choices.filter((c) => (c.weight ?? 0) > 0).reduce((s, c) => s + c.weight!, 0) - 100) < 0.01);
        }
      }
    });

    it('gives each case a category and its text before the questions as description items, in order', () => {
      const kinds = parsed.map((q) => (q as { type: string }).type);
      assert.equal(kinds.filter((k) => k === 'Category').length, CASES.length);
      const descriptions = parsed.filter((q) => (q as { type: string }).type === 'Description') as unknown as { title: string; stem: { format: string; text: string } }[];
      assert.ok(descriptions.length >= CASES.length);
      for (const d of descriptions) {
        assert.match(d.title, /-part-\d+$/);
        assert.equal(d.stem.format, 'html');
      }
      assert.match(descriptions.find((d) => d.title === 'thal-major-01-part-1')!.stem.text, /<strong>Patient:<\/strong>/, 'unescaped back to the HTML');
    });

    it('says what it left out, on stderr and in the file', () => {
      assert.ok(result.warnings.some((w) => w.includes('ordering') && w.includes('tricky-01-order')));
      assert.ok((result.files.get('questions.gift.txt') as string).includes('\n// tricky-01-order: an ordering question, which GIFT cannot express; left out'));
      assert.ok(result.warnings.some((w) => w.includes('2 images') && w.includes('tricky-01-escapes')), result.warnings.join('\n'));
      assert.ok(result.warnings.some((w) => w.includes('tricky-01') && w.includes('[history]') && w.includes('[smear]')), 'the sections\' images');
    });

    it('gives every accepted numeric answer with its tolerance (#=a:t =b:t)', () => {
      const back = byTitle.get('tricky-01-threshold') as unknown as GiftBack;
      assert.deepEqual(back.choices.map((c) => [c.text.number, c.text.range]), [[7, 0.5], [70, 0.5]]);
    });

    it('escapes every special character so that the parser gives the text back', () => {
      const text = 'a ~ b = c # d { e } f : g \\ h';
      const [back] = parseGift(`::t::${escapeGift(text)}{=${escapeGift(text)}}`) as unknown as GiftBack[];
      assert.equal(back.stem.text, text);
      assert.equal(back.choices[0].text.text, text);
    });
  });

  describe('control characters in a case (XML 1.0 cannot hold them)', () => {
    const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;
    const bank = new CaseBank();
    const text = TRICKY.replace('Pale.', 'Pale \x0b and \x1b]0;x\x07 tired.').replace('title: Escapes', 'title: Escapes \x01').replace('option: An = sign', 'option: An \x02 sign');
    const analysis = bank.set('control.case', text);
    const cases = [{ analysis, images: TRICKY_IMAGES }];

    it('Moodle XML stays well-formed, each written as U+FFFD, and says so', () => {
      const result = exportMoodleXml(cases);
      const xml = result.files.get('questions.moodle.xml') as string;
      assert.equal(XMLValidator.validate(xml), true);
      assert.doesNotMatch(xml, NOT_XML, 'fast-xml-parser lets control characters through: looked for here');
      assert.ok(xml.includes('Pale \uFFFD and \uFFFD]0;x\uFFFD tired.'));
      assert.ok(xml.includes('An \uFFFD sign'));
      assert.deepEqual(result.warnings.filter((w) => w.includes('control')), ['questions.moodle.xml: control characters in tricky-01, which XML cannot hold, written as \uFFFD (8 in all).']);
    });

    it('every file of the QTI package stays well-formed, and says so', () => {
      const result = exportQti(cases);
      const zip = unzipSync(result.files.get('questions.qti.zip') as Uint8Array);
      for (const [name, bytes] of Object.entries(zip)) {
        if (!name.endsWith('.xml')) continue;
        assert.equal(XMLValidator.validate(new TextDecoder().decode(bytes)), true, name);
        assert.doesNotMatch(new TextDecoder().decode(bytes), NOT_XML, name);
      }
      assert.ok(new TextDecoder().decode(zip['items/tricky-01-escapes.xml']).includes('Pale \uFFFD and'));
      assert.equal(result.warnings.filter((w) => w.includes('control characters in tricky-01')).length, 1);
    });
  });

  describe('Anki notes file', () => {
    const notes = exportAnki(CASES).files.get('questions.anki.txt') as string;
    const lines = notes.trimEnd().split('\n');

    it('starts with the header lines Anki reads and has one note per question with a stable, unique GUID', () => {
      assert.deepEqual(lines.filter((l) => l.startsWith('#')), ['#separator:tab', '#html:true', '#notetype:Basic', '#guid column:1', '#deck column:2', '#tags column:5', '#columns:GUID\tDeck\tFront\tBack\tTags']);
      const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
      assert.equal(rows.length, QUESTIONS.length);
      for (const row of rows) assert.equal(row.length, 5);
      const guids = rows.map((r) => r[0]);
      assert.equal(new Set(guids).size, guids.length);
      assert.deepEqual(guids, QUESTIONS.map((q) => `"${q.key}"`));
      assert.equal(exportAnki(CASES).files.get('questions.anki.txt'), notes, 'the same bank gives the same file');
    });

    it('keeps every GUID when the case\'s text changes, so that importing again updates the notes', () => {
      const bank = new CaseBank();
      const text = readFileSync(path.join(SAMPLES, 'iron-deficiency-01.case'), 'utf8');
      const guids = (caseText: string) => {
        const analysis = bank.set('iron.case', caseText);
        return (exportAnki([{ analysis, images: new Map() }]).files.get('questions.anki.txt') as string).split('\n').filter((l) => l.startsWith('"')).map((l) => l.split('\t')[0]);
      };
      const before = guids(text);
      assert.deepEqual(before, ['"iron-deficiency-01-rpi"', '"iron-deficiency-01-response"', '"iron-deficiency-01-mechanism"']);
      const edited = text.replace('Months of fatigue', 'Half a year of fatigue').replace('stem: Is the reticulocyte response adequate', 'stem: Is the marrow\'s response adequate')
        .replace('title: Fatigue and ice craving in a 29-year-old', 'title: Ice craving').replace('feedback: No: the RPI is 0.44.', 'feedback: No.');
      assert.notEqual(edited, text);
      assert.deepEqual(guids(edited), before);
    });

    it('puts the question\'s images beside the notes file, named in the note as Anki names media', () => {
      const result = exportAnki(CASES);
      assert.deepEqual(result.files.get(`anki-media/${media('tricky-01', 'images/smear.png')}`), TRICKY_IMAGES.get('images/smear.png'));
      assert.deepEqual(result.files.get(`anki-media/${media('tricky-01', 'images/equals.png')}`), TRICKY_IMAGES.get('images/equals.png'));
      const row = lines.find((l) => l.startsWith('"tricky-01-escapes"'))!;
      assert.ok(row.includes(`<img src=""${media('tricky-01', 'images/smear.png')}"" alt=""A blood smear"">`), row);
      assert.ok(row.includes(`${media('tricky-01', 'images/equals.png')}`));
      assert.ok(result.warnings.some((w) => w.includes('tricky-01') && w.includes('not on cards')));
    });
  });
});

interface GiftBack {
  type: string;
  stem: { text: string };
  globalFeedback?: { text: string } | null;
  choices: { isCorrect: boolean; weight: number | null; text: { text?: string; number?: number; range?: number }; feedback: { text: string } | null }[];
}
