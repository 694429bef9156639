// QTI 3.0 content package: imsmanifest.xml, one item per question, one test per case (its
// questions in the order they are asked), images as resources, zipped. The case text revealed
// before a question opens that question's item body. Scoring is explicit response processing,
// so per-option feedback (modal feedback keyed by the chosen option) and points both work.
import { fflate, xmlbuilder2 } from './lazyLibraries';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Question } from '../questions/questionModel';
import type { CaseImage } from '../images/imageModel';
import { escapeHtml } from '../render/escape';
import { caseKey, caseSteps, caseTitle, exportImageName, imageOf, questionKey, shortFileName } from './caseText';
import { questionImages } from '../questions/questionModel';
import type { ExportCase, ExportResult } from './exportTypes';
import { InvalidCharacters } from './invalidCharacters';

const QTI = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const CP = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';

/** The outcome (and its one value) that shows a question's explanation. */
const EXPLANATION = 'EXPLANATION';

interface Resource { identifier: string; type: string; href: string; dependencies: string[] }

export function exportQti(cases: readonly ExportCase[]): ExportResult {
  const warnings: string[] = [];
  const entries: Record<string, Uint8Array> = {};
  const resources: Resource[] = [];
  const encoder = new TextEncoder();
  const invalid = new InvalidCharacters();
  for (const exportCase of cases) {
    const { analysis } = exportCase;
    invalid.current = caseKey(analysis);
    const items: { id: string; file: string }[] = [];
    // Each image once in the package, as a resource the items that show it depend on.
    const imageResources = new Map<string, string>();
    const resourceOf = (image: CaseImage): { href: string; id: string } | undefined => {
      const href = `images/${exportImageName(analysis, image)}`;
      let id = imageResources.get(href);
      if (!id) {
        const bytes = imageOf(exportCase, image, warnings);
        if (!bytes) return undefined;
        id = identifier(`IMG-${exportImageName(analysis, image)}`);
        entries[href] = bytes;
        resources.push({ identifier: id, type: 'webcontent', href, dependencies: [] });
        imageResources.set(href, id);
      }
      return { href, id };
    };
    const imageTag = (image: CaseImage) => (exportCase.images.has(image.path) ? `<p><img src="../images/${escapeHtml(exportImageName(analysis, image))}" alt="${escapeHtml(image.alt ?? '')}"/></p>` : '');
    for (const step of caseSteps(analysis, imageTag)) {
      step.questions.forEach((question, i) => {
        const id = identifier(questionKey(analysis, question));
        const dependencies = new Set<string>();
        const shown = [...(i === 0 ? step.images : []), ...questionImages(question)];
        for (const image of shown) {
          const resource = resourceOf(image);
          if (resource) dependencies.add(resource.id);
        }
        const src = (image: CaseImage | undefined) => (image && exportCase.images.has(image.path) ? `../images/${exportImageName(analysis, image)}` : undefined);
        if (question.type === 'ordering' && question.options.some((o) => o.feedback)) warnings.push(`QTI's order interaction has no feedback per item; the option feedback of ${questionKey(analysis, question)} is left out.`);
        const file = shortFileName(id, '.xml');
        const href = `items/${file}`;
        entries[href] = encoder.encode(itemXml(id, question, i === 0 ? step.html : '', src, invalid));
        resources.push({ identifier: id, type: 'imsqti_item_xmlv3p0', href, dependencies: [...dependencies] });
        items.push({ id, file });
      });
    }
    if (!items.length) continue;
    const testId = identifier(`TEST-${caseKey(analysis)}`);
    const href = `tests/${shortFileName(caseKey(analysis), '.xml')}`;
    entries[href] = encoder.encode(testXml(testId, caseTitle(analysis), items, invalid));
    resources.push({ identifier: testId, type: 'imsqti_test_xmlv3p0', href, dependencies: items.map((item) => item.id) });
  }
  invalid.current = 'the manifest';
  entries['imsmanifest.xml'] = encoder.encode(manifestXml(resources, invalid));
  // A fixed date: the same bank gives the same bytes.
  const zip = fflate().zipSync(entries, { mtime: new Date('2020-01-01T00:00:00Z') });
  return { files: new Map([['questions.qti.zip', zip]]), warnings: [...warnings, ...invalid.warnings('questions.qti.zip')] };
}

/** QTI identifiers are XML names: start with a letter or `_`. */
function identifier(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `Q-${cleaned}`;
}

function choiceId(i: number): string {
  return `C${i + 1}`;
}

/** `imageSrc` gives an image's path from the item, or undefined to leave it out. */
function itemXml(id: string, question: Question, caseHtml: string, imageSrc: (image: CaseImage | undefined) => string | undefined, invalid: InvalidCharacters): string {
  const item = xmlbuilder2().create({ version: '1.0', encoding: 'UTF-8', ...invalid.options }).ele(QTI, 'qti-assessment-item', {
    identifier: id, title: id, adaptive: 'false', 'time-dependent': 'false',
  });
  declareResponse(item, question);
  item.ele('qti-outcome-declaration', { identifier: 'SCORE', cardinality: 'single', 'base-type': 'float' }).ele('qti-default-value').ele('qti-value').txt('0');
  item.ele('qti-outcome-declaration', { identifier: 'MAXSCORE', cardinality: 'single', 'base-type': 'float' }).ele('qti-default-value').ele('qti-value').txt(String(question.points));
  // Feedback per choice is shown for the choices taken; an ordering takes every item, so it has none.
  const hasFeedback = question.type !== 'ordering' && question.options.some((o) => o.feedback);
  if (hasFeedback) item.ele('qti-outcome-declaration', { identifier: 'FEEDBACK', cardinality: question.type === 'single' ? 'single' : 'multiple', 'base-type': 'identifier' });
  if (question.explanation) item.ele('qti-outcome-declaration', { identifier: EXPLANATION, cardinality: 'single', 'base-type': 'identifier' });
  const body = item.ele('qti-item-body');
  // The case text is the HTML every format shows (escaped where it is built), parsed into the body.
  if (caseHtml) body.import(xmlbuilder2().fragment(invalid.options, `<div xmlns="${QTI}" class="case-text">${caseHtml}</div>`));
  body.ele('p').txt(question.stem!.value);
  const stemImage = imageSrc(question.image);
  if (stemImage) body.ele('p').ele('img', { src: stemImage, alt: question.image!.alt ?? '' });
  interaction(body, question, imageSrc);
  responseProcessing(item, question, hasFeedback);
  if (hasFeedback) {
    question.options.forEach((option, i) => {
      if (!option.feedback) return;
      item.ele('qti-modal-feedback', { 'outcome-identifier': 'FEEDBACK', identifier: choiceId(i), 'show-hide': 'show' }).ele('qti-content-body').ele('p').txt(option.feedback);
    });
  }
  // The general feedback, shown once the response is processed, whatever it was.
  if (question.explanation) item.ele('qti-modal-feedback', { 'outcome-identifier': EXPLANATION, identifier: EXPLANATION, 'show-hide': 'show' }).ele('qti-content-body').ele('p').txt(question.explanation);
  return item.end({ prettyPrint: true });
}

function declareResponse(item: XMLBuilder, question: Question): void {
  const attributes: Record<string, string> = { identifier: 'RESPONSE' };
  let correct: string[] = [];
  switch (question.type) {
    case 'single': Object.assign(attributes, { cardinality: 'single', 'base-type': 'identifier' }); correct = keys(question); break;
    case 'multiple': Object.assign(attributes, { cardinality: 'multiple', 'base-type': 'identifier' }); correct = keys(question); break;
    case 'ordering': Object.assign(attributes, { cardinality: 'ordered', 'base-type': 'identifier' }); correct = question.options.map((_, i) => choiceId(i)); break;
    case 'numeric': Object.assign(attributes, { cardinality: 'single', 'base-type': 'float' }); correct = [question.answers[0].value]; break;
    case 'short': Object.assign(attributes, { cardinality: 'single', 'base-type': 'string' }); correct = [question.answers[0].value]; break;
  }
  const declaration = item.ele('qti-response-declaration', attributes);
  const correctResponse = declaration.ele('qti-correct-response');
  for (const value of correct) correctResponse.ele('qti-value').txt(value);
  if (question.type === 'short') {
    // Every accepted answer, without regard to case.
    const mapping = declaration.ele('qti-mapping', { 'default-value': '0' });
    for (const a of question.answers) mapping.ele('qti-map-entry', { 'map-key': a.value, 'mapped-value': String(question.points), 'case-sensitive': 'false' });
  }
}

/** Every number a numeric question accepts (the checks have made sure each is a plain number). */
function numericKeys(question: Question): number[] {
  return question.answers.map((a) => Number(a.value)).filter((n) => Number.isFinite(n));
}

function keys(question: Question): string[] {
  return question.options.flatMap((o, i) => (o.correct ? [choiceId(i)] : []));
}

function interaction(body: XMLBuilder, question: Question, imageSrc: (image: CaseImage | undefined) => string | undefined): void {
  if (question.type === 'numeric' || question.type === 'short') {
    const p = body.ele('p');
    p.ele('qti-text-entry-interaction', { 'response-identifier': 'RESPONSE', 'expected-length': '15' });
    if (question.unit) p.txt(` ${question.unit}`);
    return;
  }
  const name = question.type === 'ordering' ? 'qti-order-interaction' : 'qti-choice-interaction';
  const attributes: Record<string, string> = { 'response-identifier': 'RESPONSE', shuffle: 'true' };
  if (question.type !== 'ordering') attributes['max-choices'] = question.type === 'single' ? '1' : '0';
  const node = body.ele(name, attributes);
  question.options.forEach((option, i) => {
    const choice = node.ele('qti-simple-choice', { identifier: choiceId(i) }).txt(option.text);
    const src = imageSrc(option.image);
    if (src) choice.ele('img', { src, alt: option.image!.alt ?? '' });
  });
}

/** SCORE = points when right (multiple: all keys and no distractor), else 0; FEEDBACK = the choice. */
function responseProcessing(item: XMLBuilder, question: Question, hasFeedback: boolean): void {
  const processing = item.ele('qti-response-processing');
  const condition = processing.ele('qti-response-condition');
  const ifRight = condition.ele('qti-response-if');
  if (question.type === 'numeric') {
    // Right when the response is within the tolerance of any accepted answer:
    // key − tolerance ≤ response ≤ key + tolerance for one of them, with plain comparisons:
    // players differ in how far they implement qti-equal's tolerance modes, and every one has
    // gte, lte, and and or.
    const tolerance = question.tolerance ?? 0;
    const anyAnswer = ifRight.ele('qti-or');
    for (const key of numericKeys(question)) {
      const within = anyAnswer.ele('qti-and');
      for (const [operator, bound] of [['qti-gte', key - tolerance], ['qti-lte', key + tolerance]] as const) {
        const comparison = within.ele(operator);
        comparison.ele('qti-variable', { identifier: 'RESPONSE' });
        comparison.ele('qti-base-value', { 'base-type': 'float' }).txt(String(Number(bound.toFixed(10))));
      }
    }
  } else if (question.type === 'short') {
    const gt = ifRight.ele('qti-gt');
    gt.ele('qti-map-response', { identifier: 'RESPONSE' });
    gt.ele('qti-base-value', { 'base-type': 'float' }).txt('0');
  } else {
    const match = ifRight.ele('qti-match');
    match.ele('qti-variable', { identifier: 'RESPONSE' });
    match.ele('qti-correct', { identifier: 'RESPONSE' });
  }
  ifRight.ele('qti-set-outcome-value', { identifier: 'SCORE' }).ele('qti-base-value', { 'base-type': 'float' }).txt(String(question.points));
  condition.ele('qti-response-else').ele('qti-set-outcome-value', { identifier: 'SCORE' }).ele('qti-base-value', { 'base-type': 'float' }).txt('0');
  if (hasFeedback) processing.ele('qti-set-outcome-value', { identifier: 'FEEDBACK' }).ele('qti-variable', { identifier: 'RESPONSE' });
  if (question.explanation) processing.ele('qti-set-outcome-value', { identifier: EXPLANATION }).ele('qti-base-value', { 'base-type': 'identifier' }).txt(EXPLANATION);
}

function testXml(id: string, title: string, items: { id: string; file: string }[], invalid: InvalidCharacters): string {
  const test = xmlbuilder2().create({ version: '1.0', encoding: 'UTF-8', ...invalid.options }).ele(QTI, 'qti-assessment-test', { identifier: id, title });
  test.ele('qti-outcome-declaration', { identifier: 'SCORE', cardinality: 'single', 'base-type': 'float' });
  const part = test.ele('qti-test-part', { identifier: `${id}-part`, 'navigation-mode': 'linear', 'submission-mode': 'individual' });
  const section = part.ele('qti-assessment-section', { identifier: `${id}-section`, title, visible: 'true' });
  for (const item of items) section.ele('qti-assessment-item-ref', { identifier: item.id, href: `../items/${item.file}` });
  const summing = test.ele('qti-outcome-processing').ele('qti-set-outcome-value', { identifier: 'SCORE' }).ele('qti-sum');
  summing.ele('qti-test-variables', { 'variable-identifier': 'SCORE' });
  return test.end({ prettyPrint: true });
}

function manifestXml(resources: Resource[], invalid: InvalidCharacters): string {
  const manifest = xmlbuilder2().create({ version: '1.0', encoding: 'UTF-8', ...invalid.options }).ele(CP, 'manifest', { identifier: 'casewright-export' });
  const metadata = manifest.ele('metadata');
  metadata.ele('schema').txt('QTI Package');
  metadata.ele('schemaversion').txt('3.0.0');
  manifest.ele('organizations');
  const list = manifest.ele('resources');
  for (const resource of resources) {
    const node = list.ele('resource', { identifier: resource.identifier, type: resource.type, href: resource.href });
    node.ele('file', { href: resource.href });
    for (const dependency of resource.dependencies) node.ele('dependency', { identifierref: dependency });
  }
  return manifest.end({ prettyPrint: true });
}
