// The Moodle XML export, read back through fast-xml-parser and checked against the shape
// Moodle's importer reads (question types, grade fractions it offers, category paths).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { categoryName, exportMoodleXml } from '../../server/src/core/export/moodleXml';
import { fractions } from '../../server/src/core/export/fractions';
import { CASES, QUESTIONS, SAMPLES, TRICKY_IMAGES, html, media } from '../support/exportCases';

describe('question exports', () => {
  describe('Moodle XML, in the shape Moodle\'s importer reads', () => {
    const xml = exportMoodleXml(CASES).files.get('questions.moodle.xml') as string;
    const quiz = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['question', 'answer', 'tag', 'file'].includes(name) }).parse(xml).quiz;
    const questions = quiz.question as MoodleQuestion[];

    it('is well-formed, with one category per case followed by its items', () => {
      assert.equal(XMLValidator.validate(xml), true);
      const categories = questions.filter((q) => q['@type'] === 'category');
      assert.equal(categories.length, CASES.length);
      assert.equal(questions[0]['@type'], 'category');
      assert.equal(questions[1]['@type'], 'description');
    });

    it('has each question with the right type, fractions that sum right and per-answer feedback', () => {
      const byName = new Map(questions.filter((q) => q.name).map((q) => [String(q.name!.text), q]));
      for (const { key, question } of QUESTIONS) {
        const q = byName.get(key)!;
        assert.ok(q, key);
        assert.equal(q['@type'], { single: 'multichoice', multiple: 'multichoice', numeric: 'numerical', short: 'shortanswer', ordering: 'ordering' }[question.type!]);
        assert.equal(Number(q.defaultgrade), question.points);
        assert.deepEqual(q.tags?.tag.map((t) => String(t.text)) ?? [], question.tags, `${key} tags`);
        assert.equal(String(q.generalfeedback.text ?? ''), question.explanation ? `<p>${html(question.explanation)}</p>` : '', `${key} general feedback`);
        assert.equal(q.idnumber, key, 'the id a re-import recognises');
        const fractions = q.answer.map((a) => Number(a['@fraction']));
        if (question.type === 'single') {
          assert.equal(q.single, 'true');
          assert.equal(fractions.reduce((s, f) => s + Math.max(f, 0), 0), 100, key);
          assert.equal(fractions.filter((f) => f === 100).length, 1);
          q.answer.forEach((a, i) => assert.equal(String(a.feedback.text ?? ''), question.options[i].feedback ? `<p>${html(question.options[i].feedback!)}</p>` : ''));
        } else if (question.type === 'multiple') {
          assert.equal(q.single, 'false');
          assert.ok(Math.abs(fractions.filter((f) => f > 0).reduce((s, f) => s + f, 0) - 100) < 0.01);
          assert.ok(Math.abs(fractions.filter((f) => f < 0).reduce((s, f) => s + f, 0) + 100) < 0.01);
        } else if (question.type === 'numeric') {
          assert.equal(Number(q.answer[0].text), Number(question.answers[0].value));
          assert.equal(Number(q.answer[0].tolerance), question.tolerance);
        }
      }
    });

    it('embeds every image as a base64 file of the text that shows it, decoded back to the same bytes', () => {
      const fileOf = (files: { '@name': string; '#text': string }[] | undefined, name: string) => {
        const file = files?.find((f) => f['@name'] === name);
        assert.ok(file, `${name} among ${files?.map((f) => f['@name']).join(', ')}`);
        return new Uint8Array(Buffer.from(file['#text'], 'base64'));
      };
      const q = questions.find((x) => x.name?.text === 'tricky-01-escapes')!;
      assert.ok(String(q.questiontext.text).includes(`<img src="@@PLUGINFILE@@/${media('tricky-01', 'images/smear.png')}" alt="A blood smear">`));
      assert.deepEqual(fileOf(q.questiontext.file, `${media('tricky-01', 'images/smear.png')}`), TRICKY_IMAGES.get('images/smear.png'));
      const option = q.answer[1];
      assert.ok(String(option.text).includes(`@@PLUGINFILE@@/${media('tricky-01', 'images/equals.png')}`), String(option.text));
      assert.deepEqual(fileOf(option.file, `${media('tricky-01', 'images/equals.png')}`), TRICKY_IMAGES.get('images/equals.png'));
      const descriptions = questions.filter((x) => x['@type'] === 'description' && String(x.questiontext.text).includes(`${media('tricky-01', 'images/pale.png')}`));
      assert.equal(descriptions.length, 1, 'the history image in the case text before the first question');
      assert.deepEqual(fileOf(descriptions[0].questiontext.file, `${media('tricky-01', 'images/pale.png')}`), TRICKY_IMAGES.get('images/pale.png'));
      const smear = questions.find((x) => x['@type'] === 'description' && String(x.questiontext.text).includes(`${media('tricky-01', 'images/smear/target.png')}`))!;
      assert.deepEqual(fileOf(smear.questiontext.file, `${media('tricky-01', 'images/smear/target.png')}`), TRICKY_IMAGES.get('images/smear/target.png'));
      const thal = questions.find((x) => x['@type'] === 'description' && String(x.questiontext.text).includes(`${media('thal-major-01', 'images/thal-smear.svg')}`))!;
      assert.deepEqual(fileOf(thal.questiontext.file, `${media('thal-major-01', 'images/thal-smear.svg')}`), new Uint8Array(readFileSync(path.join(SAMPLES, 'images', 'thal-smear.svg'))));
    });

    it('gives every accepted numeric answer', () => {
      const q = questions.find((x) => x.name?.text === 'tricky-01-threshold')!;
      assert.deepEqual(q.answer.map((a) => [Number(a.text), Number(a.tolerance), Number(a['@fraction'])]), [[7, 0.5, 100], [70, 0.5, 100]]);
    });

    it('names a numeric question\'s unit in its text, since Moodle shows none beside the box, and lets students type it', () => {
      const q = questions.find((x) => x.name?.text === 'tricky-01-threshold')!;
      assert.equal(String(q.questiontext.text), '<p>Below which hemoglobin are most adults transfused? (in g/dL (or g/L))</p>');
      assert.equal(q.showunits, '0', 'units typed in the box, optional (qtype_numerical::UNITINPUT)');
      assert.equal(q.unitgradingtype, '0');
      assert.equal(q.units?.unit.unit_name, 'g/dL (or g/L)');
    });

    it('gives every answer of every question a grade Moodle\'s importer accepts', () => {
      for (const q of questions) for (const a of q.answer ?? []) if (q['@type'] !== 'ordering') assert.ok(isMoodleGrade(Number(a['@fraction'])), `${q.name?.text}: ${a['@fraction']}`);
    });

    it('names each case\'s category by its title, a / in it written // as Moodle splits the path', () => {
      const paths = questions.filter((q) => q['@type'] === 'category').map((q) => String(q.category!.text));
      assert.deepEqual(paths.map(splitCategoryPath).map((names) => names.slice(0, 3)), paths.map(() => ['$course$', 'top', 'Casewright']));
      assert.deepEqual(paths.map((p) => splitCategoryPath(p).slice(3)), CASES.map(({ analysis }) => [analysis.model.title]));
      for (const title of ['B12/folate deficiency', '/ at the start', 'at the end /', 'a // b']) {
        assert.deepEqual(splitCategoryPath(`$course$/top/${categoryName(title)}`), ['$course$', 'top', title.trim()], title);
      }
    });
  });

  describe('Moodle\'s grade fractions for multiple response', () => {
    const sum = (values: string[], sign: 1 | -1) => values.map(Number).filter((v) => Math.sign(v) === sign).reduce((s, v) => s + v, 0);
    it('shares +100 % among the keys and a grade Moodle offers per distractor, for 1 to 25 of each', () => {
      for (let keys = 1; keys <= 25; keys++) {
        for (let wrong = 0; wrong <= 25; wrong++) {
          const { values, uneven } = fractions([...new Array<boolean>(keys).fill(true), ...new Array<boolean>(wrong).fill(false)]);
          for (const v of values) assert.ok(isMoodleGrade(Number(v)), `${keys} keys, ${wrong} wrong: ${v}`);
          if (keys <= 20) assert.equal(Math.round(sum(values, 1) * 100) / 100, 100, `${keys} keys: ${values.join()}`);
          if (wrong) assert.ok(values.slice(keys).every((v) => Number(v) < 0), 'a wrong choice always costs');
          assert.equal(uneven !== undefined, keys > 10 && keys !== 20, `${keys} keys: ${uneven}`);
        }
      }
      assert.deepEqual(fractions([true, true, true, false, false]).values, ['33.33333', '33.33333', '33.33333', '-50', '-50']);
    });
  });
});

/** The grades Moodle's importer accepts (question_bank::fraction_options_full), in per cent. */
const MOODLE_GRADES = [0, 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5];

/** As match_grade_options in 'error' mode: within 0.00001 of an offered fraction. */
function isMoodleGrade(percent: number): boolean {
  return MOODLE_GRADES.some((g) => Math.abs(Math.abs(percent) / 100 - g / 100) < 0.00001);
}

/** qformat_default::split_category_path: `/` separates, `//` is a slash in a name; names trimmed. */
function splitCategoryPath(path: string): string[] {
  return path.split(/(?<!\/)\/(?!\/)/).map((name) => name.replace(/\/\//g, '/').trim());
}

interface MoodleQuestion {
  '@type': string;
  name?: { text: string };
  category?: { text: string };
  showunits?: string;
  tags?: { tag: { text: string }[] };
  generalfeedback: { text?: string };
  idnumber?: string;
  unitgradingtype?: string;
  units?: { unit: { unit_name: string } };
  questiontext: { text: string; file?: { '@name': string; '#text': string }[] };
  defaultgrade: string;
  single?: string;
  answer: { '@fraction': string; text: string; tolerance?: string; feedback: { text?: string }; file?: { '@name': string; '#text': string }[] }[];
}
