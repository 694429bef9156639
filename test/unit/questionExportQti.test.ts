// The QTI 3.0 package, unzipped and read back through fast-xml-parser: the manifest, its
// resources and dependencies, an item per question and a test per case, in QTI 3's namespace.
// (test/browser/qtiPlayer.test.ts answers the items in a real QTI 3 player.)
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { CaseBank } from '../../server/src/core/bank';
import { exportAnki } from '../../server/src/core/export/anki';
import { caseSteps } from '../../server/src/core/export/caseText';
import { exportQti } from '../../server/src/core/export/qti';
import { CASES, QUESTIONS, TRICKY, TRICKY_IMAGES, media } from '../support/exportCases';

describe('question exports', () => {
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
});
