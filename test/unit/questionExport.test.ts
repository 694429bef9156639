// The question exports, read back by parsers nobody here wrote: GIFT through gift-pegjs,
// Moodle XML and the QTI package through fast-xml-parser (checked against the shape Moodle's
// importer and a QTI 3 player read), Anki's notes file by its documented header lines.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { parse as parseGift } from 'gift-pegjs';
import { CaseBank } from '../../server/src/core/bank';
import { exportAnki } from '../../server/src/core/export/anki';
import { caseSteps, exportImageName } from '../../server/src/core/export/caseText';
import type { ExportCase } from '../../server/src/core/export/exportTypes';
import { escapeGift, exportGift } from '../../server/src/core/export/gift';
import { categoryName, exportMoodleXml } from '../../server/src/core/export/moodleXml';
import { fractions } from '../../server/src/core/export/fractions';
import { exportQti } from '../../server/src/core/export/qti';
import type { CaseAnalysis } from '../../server/src/core/analyzeCase';
import type { CaseImage } from '../../server/src/core/images/imageModel';
import type { Question } from '../../server/src/core/questions/questionModel';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
/** Distinct bytes per image, so that each can be told from the others when decoded back. */
const TRICKY_IMAGES = new Map(['images/pale.png', 'images/smear/target.png', 'images/smear.png', 'images/equals.png'].map((p, i) => [p, new Uint8Array([...PNG, i + 1])]));

/** The name the exporters give an image of a case (flattened, with a checksum when flattening changed the path). */
const media = (caseId: string, imagePath: string) => exportImageName({ model: { id: caseId } } as unknown as CaseAnalysis, { path: imagePath } as CaseImage);

const TRICKY = `case: tricky-01
title: Escapes: ~ = # { } and a colon
tags: test

[history]
Pale.
![A pale child at the clinic](images/pale.png)

[labs]
hemoglobin: 6.1 g/dL
hematocrit: 19 %
reticulocytes: 4.0 %

[smear]
findings: target-cells
image: images/smear/target.png
alt: Target cells

[question: after history]
id: escapes
type: single
stem: Which sign {means} ~ "about" = 5 # here: ?
image: images/smear.png
alt: A blood smear
option: * A ~ tilde \\ backslash
feedback: Yes = right #1 {ok}: fine
option: An = sign
image: images/equals.png
alt: An equals sign
feedback: No: it means equal.
option: A # hash

[question: after labs]
id: threshold
type: numeric
stem: Below which hemoglobin are most adults transfused?
answer: 7
answer: 70
tolerance: 0.5
unit: g/dL (or g/L)

[question: after labs]
id: several
type: multiple
stem: Which values are low?
option: * Hemoglobin
feedback: 6.1 g/dL.
option: * Hematocrit
option: Reticulocyte percentage
feedback: 4 % is raised.
points: 3

[question: after labs]
id: typed
type: short
stem: Name the index that corrects the reticulocyte count for maturation time.
answer: RPI
answer: reticulocyte production index

[question]
id: order
type: ordering
stem: Put the steps in order.
option: Blood count
option: Reticulocytes
option: Marrow
`;

function exportCases(): ExportCase[] {
  const bank = new CaseBank();
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.case')).map((f) => path.join(SAMPLES, f));
  for (const file of files) bank.set(file, readFileSync(file, 'utf8'));
  bank.set('tricky.case', TRICKY);
  for (const uri of [...files, 'tricky.case']) {
    const errors = bank.diagnostics(uri).filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => `${uri}: ${d.code} ${d.message}`), []);
  }
  return [...files, 'tricky.case'].map((uri) => ({ analysis: bank.get(uri)!, images: uri === 'tricky.case' ? TRICKY_IMAGES : sampleImages(uri) }));
}

/** A sample's images, as the CLI reads them (beside the case file). */
function sampleImages(file: string): Map<string, Uint8Array> {
  const text = readFileSync(file, 'utf8');
  const paths = [...text.matchAll(/^image: (.+)$/gm)].map((m) => m[1].trim());
  return new Map(paths.map((p) => [p, new Uint8Array(readFileSync(path.join(path.dirname(file), p)))]));
}

const CASES = exportCases();
const QUESTIONS: { key: string; question: Question }[] = CASES.flatMap(({ analysis }) => analysis.model.questions.map((question) => ({ key: `${analysis.model.id}-${question.id}`, question })));

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

  describe('QTI 3.0 package', () => {
    const zip = unzipSync(exportQti(CASES).files.get('questions.qti.zip') as Uint8Array);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['resource', 'qti-value', 'qti-simple-choice', 'dependency'].includes(name) });
    const text = (name: string) => new TextDecoder().decode(zip[name]);

    it('has a well-formed manifest whose every resource is in the zip', () => {
      const manifest = text('imsmanifest.xml');
      assert.equal(XMLValidator.validate(manifest), true);
      const resources = parser.parse(manifest).manifest.resources.resource as { '@href': string; '@type': string }[];
      for (const resource of resources) assert.ok(zip[resource['@href']], resource['@href']);
      assert.equal(resources.filter((r) => r['@type'] === 'imsqti_test_xmlv3p0').length, CASES.length);
      assert.equal(resources.filter((r) => r['@type'] === 'imsqti_item_xmlv3p0').length, QUESTIONS.length);
      for (const [written, bytes] of TRICKY_IMAGES) {
        const href = `images/${media('tricky-01', written)}`;
        assert.deepEqual(zip[href], bytes, href);
        assert.ok(resources.some((r) => r['@href'] === href && r['@type'] === 'webcontent'), `${href} listed as a resource`);
      }
    });

    it('puts every file in its QTI 3.0 namespace, and each case\'s test refers to its items, in the order they are asked', () => {
      assert.equal(parser.parse(text('imsmanifest.xml')).manifest['@xmlns'], 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1');
      for (const name of Object.keys(zip).filter((n) => n.startsWith('items/'))) assert.equal(parser.parse(text(name))['qti-assessment-item']['@xmlns'], 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0', name);
      for (const { analysis } of CASES) {
        const test = parser.parse(text(`tests/${analysis.model.id}.xml`))['qti-assessment-test'];
        assert.equal(test['@xmlns'], 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0');
        const refs = [test['qti-test-part']['qti-assessment-section']['qti-assessment-item-ref']].flat() as { '@identifier': string; '@href': string }[];
        for (const ref of refs) {
          const target = path.posix.join('tests', ref['@href']);
          assert.ok(zip[target], `${ref['@href']} from tests/`);
          assert.equal(parser.parse(text(target))['qti-assessment-item']['@identifier'], ref['@identifier']);
        }
        const asked = caseSteps(analysis).flatMap((step) => step.questions.map((q) => `${analysis.model.id}-${q.id}`));
        assert.equal(asked.length, analysis.model.questions.length);
        assert.deepEqual(refs.map((r) => r['@identifier']), asked, analysis.model.id!);
      }
    });

    it('makes each item depend on the images it shows, and shows them by a path inside the package', () => {
      const manifest = parser.parse(text('imsmanifest.xml')).manifest.resources.resource as { '@identifier': string; '@href': string; dependency?: { '@identifierref': string }[] }[];
      const byId = new Map(manifest.map((r) => [r['@identifier'], r]));
      const item = manifest.find((r) => r['@href'] === 'items/tricky-01-escapes.xml')!;
      const needs = (item.dependency ?? []).map((d) => byId.get(d['@identifierref'])!['@href']).sort();
      assert.deepEqual(needs, [`images/${media('tricky-01', 'images/equals.png')}`, `images/${media('tricky-01', 'images/pale.png')}`, `images/${media('tricky-01', 'images/smear.png')}`].sort());
      const xml = text('items/tricky-01-escapes.xml');
      for (const href of needs) assert.ok(xml.includes(`src="../${href}"`), href);
    });

    it('scores every accepted numeric answer: one range per answer, any of them right', () => {
      const item = parser.parse(text('items/tricky-01-threshold.xml'))['qti-assessment-item'];
      const ranges = item['qti-response-processing']['qti-response-condition']['qti-response-if']['qti-or']['qti-and'];
      const bounds = (Array.isArray(ranges) ? ranges : [ranges]).map((r: Record<string, { 'qti-base-value': { '#text': string } }>) => [Number(r['qti-gte']['qti-base-value']['#text']), Number(r['qti-lte']['qti-base-value']['#text'])]);
      assert.deepEqual(bounds, [[6.5, 7.5], [69.5, 70.5]]);
    });

    it('shows each question\'s explanation as modal feedback, set whatever the response, and per-choice feedback only for choices', () => {
      for (const { key, question } of QUESTIONS) {
        const item = parser.parse(text(`items/${key}.xml`))['qti-assessment-item'];
        const feedback = [item['qti-modal-feedback'] ?? []].flat() as { '@outcome-identifier': string; '@identifier': string; 'qti-content-body': { p: string } }[];
        const explanation = feedback.filter((f) => f['@outcome-identifier'] === 'EXPLANATION');
        assert.deepEqual(explanation.map((f) => [f['@identifier'], String(f['qti-content-body'].p)]), question.explanation ? [['EXPLANATION', question.explanation]] : [], key);
        const set = [item['qti-response-processing']['qti-set-outcome-value'] ?? []].flat() as { '@identifier': string }[];
        assert.equal(set.some((s) => s['@identifier'] === 'EXPLANATION'), Boolean(question.explanation), key);
        if (question.type === 'ordering') assert.ok(!feedback.some((f) => f['@outcome-identifier'] === 'FEEDBACK'), key);
      }
      assert.ok(QUESTIONS.filter((q) => q.question.explanation).length >= 13, 'the samples explain their questions');
    });

    it('declares each item\'s correct response as the case keys it', () => {
      for (const { key, question } of QUESTIONS) {
        const file = Object.keys(zip).find((f) => f === `items/${key}.xml`)!;
        assert.ok(file, key);
        assert.equal(XMLValidator.validate(text(file)), true);
        const item = parser.parse(text(file))['qti-assessment-item'];
        const values = item['qti-response-declaration']['qti-correct-response']['qti-value'].map(String);
        if (question.type === 'numeric' || question.type === 'short') assert.deepEqual(values, [question.answers[0].value]);
        else if (question.type === 'ordering') assert.deepEqual(values, question.options.map((_, i) => `C${i + 1}`));
        else assert.deepEqual(values, question.options.flatMap((o, i) => (o.correct ? [`C${i + 1}`] : [])));
      }
    });
  });

  it('keeps every file name short enough to unpack, however long the case id: cut, with a checksum', () => {
    const bank = new CaseBank();
    const longId = (c: string) => `${c.repeat(150)}-${c.repeat(150)}`;
    const cases = ['a', 'b'].map((c) => ({ analysis: bank.set(`${c}.case`, TRICKY.replace('case: tricky-01', `case: ${longId(c)}`)), images: TRICKY_IMAGES }));
    const zip = unzipSync(exportQti(cases).files.get('questions.qti.zip') as Uint8Array);
    const names = Object.keys(zip);
    for (const name of names) assert.ok(path.posix.basename(name).length <= 100, name);
    assert.equal(new Set(names).size, names.length);
    assert.equal(names.filter((n) => n.startsWith('items/')).length, 10, 'five questions of each case, none overwritten');
    for (const test of names.filter((n) => n.startsWith('tests/'))) {
      for (const [, href] of new TextDecoder().decode(zip[test]).matchAll(/href="([^"]+)"/g)) assert.ok(zip[path.posix.join('tests', href)], href);
    }
    const anki = exportAnki(cases);
    for (const name of anki.files.keys()) assert.ok(path.posix.basename(name).length <= 100, name);
    assert.ok(media(longId('a'), 'images/smear.png').length <= 100);
    assert.notEqual(media(longId('a'), 'images/smear.png'), media(longId('a'), 'images/smear2.png'));
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

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/`/g, '&#96;');
}

interface GiftBack {
  type: string;
  stem: { text: string };
  globalFeedback?: { text: string } | null;
  choices: { isCorrect: boolean; weight: number | null; text: { text?: string; number?: number; range?: number }; feedback: { text: string } | null }[];
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
