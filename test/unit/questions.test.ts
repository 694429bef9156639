// Question items: how they are read, and the checks that need the whole item or the engine.
// (Each code's bad and fixed example runs in diagnosticCatalog.test.ts.)
import { strict as assert } from 'node:assert';
import { getCaseService } from '../../server/src/core';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { mechanismNamedBy } from '../../server/src/core/questions/questionKeyChecks';

const CASE = `case: demo-01
title: Demo

[history]
Pale.

[labs]
hemoglobin: 6.1 g/dL
hematocrit: 19 %
reticulocytes: 4.0 %

[labs: Day  3]
hematocrit: 30 %
reticulocytes: 9 %
`;

const codes = (text: string, options = {}) => analyzeCase(text, options).diagnostics.map((d) => d.code);

describe('questions', () => {
  it('reads options, their key markers and feedback, the stage and its panel, and default ids', () => {
    const { model } = analyzeCase(`${CASE}
[question: after labs day 3]
type: single
stem: Which?
option: * Right one
feedback: Yes.
option: Wrong one
# a comment between does not detach the feedback
feedback: No.

[question]
type: short
stem: Name it.
answer: a
answer: b
`);
    const [first, second] = model.questions;
    assert.deepEqual(first.options.map((o) => [o.text, o.correct, o.feedback]), [['Right one', true, 'Yes.'], ['Wrong one', false, 'No.']]);
    assert.equal(first.stage?.name, 'labs');
    assert.equal(first.stage?.panel?.qualifier, 'Day  3');
    assert.deepEqual([first.id, second.id], ['q1', 'q2']);
    assert.equal(second.stage, undefined);
    assert.deepEqual(second.answers.map((a) => a.value), ['a', 'b']);
  });

  it('a numeric key about the RPI is held to the labs revealed when it is asked', () => {
    const question = (stage: string, key: string) => `${CASE}
[question: ${stage}]
type: numeric
stem: What is the RPI?
asks: rpi
answer: ${key}
tolerance: 0.1
`;
    const wrong = analyzeCase(question('after labs', '2.0')).diagnostics.find((d) => d.code === 'question-key-disagrees');
    assert.ok(wrong);
    assert.match(wrong.message, /the key says 2\.0, .*RPI of 0\.84/i);
    assert.deepEqual(wrong.data?.replacements, ['0.84']);
    assert.deepEqual(codes(question('after labs', '0.84')).filter((c) => c.startsWith('question-')), []);
    // Day 3: hematocrit 30 → 1.5 days; 9 × 30 / 45 / 1.5 = 4.0.
    assert.ok(codes(question('after labs day 3', '0.84')).includes('question-key-disagrees'));
    assert.deepEqual(codes(question('after labs day 3', '4.0')).filter((c) => c.startsWith('question-')), []);
    // After the history no labs are out yet.
    assert.ok(codes(question('after history', '0.84')).includes('question-uses-later-labs'));
  });

  it('asks the caller whether an image exists, relative to the case', () => {
    const text = `${CASE}
[question: after history]
type: short
stem: What is shown?
answer: target cells
image: images/smear.png
alt: A smear
`;
    const asked: string[] = [];
    assert.ok(codes(text, { resourceExists: (p: string) => { asked.push(p); return false; } }).includes('image-not-found'));
    assert.deepEqual(asked, ['images/smear.png']);
    assert.ok(!codes(text, { resourceExists: () => true }).includes('image-not-found'));
  });

  it('names the mechanism an option means, by id or in words, the longest name first', () => {
    assert.equal(mechanismNamedBy('Pure red cell aplasia'), 'pure-red-cell-aplasia');
    assert.equal(mechanismNamedBy('Aplasia of the marrow'), 'aplasia');
    assert.equal(mechanismNamedBy('ineffective-hematopoiesis'), 'ineffective-hematopoiesis');
    assert.equal(mechanismNamedBy('Iron deficiency'), undefined);
  });

  it('reports unknown fields and types in a question at the field, with a suggestion', () => {
    const { diagnostics } = analyzeCase(`${CASE}
[question: after labs]
type: singel
stem: Which?
optoin: * A
`);
    const type = diagnostics.find((d) => d.code === 'unknown-value');
    assert.deepEqual(type?.data?.replacements, ['single']);
    const field = diagnostics.find((d) => d.code === 'unknown-field');
    assert.deepEqual(field?.data?.replacements, ['option']);
  });

  it('a marked negative stem is not flagged; several questions may follow one stage', () => {
    const text = `${CASE}
[question: after labs]
type: single
stem: All of these are low EXCEPT
negative: yes
option: * Reticulocyte percentage
option: Hemoglobin

[question: after labs]
type: single
stem: All of these are low EXCEPT
option: * Reticulocyte percentage
option: Hemoglobin
`;
    const found = analyzeCase(text).diagnostics.filter((d) => d.code === 'item-negative-stem');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, text.split('\n').lastIndexOf('stem: All of these are low EXCEPT'));
    assert.ok(!codes(text).includes('duplicate-labs-qualifier'));
  });

  it('finishes on long adversarial stems and options (quadratic work would outlast the test timeout)', () => {
    const long = `${' a'.repeat(50_000)}x`;
    const found = codes(`${CASE}\n[question: after labs]\ntype: single\nstem: ${long} an\noption: * ${long}\noption: ${'all of the abov'.repeat(500)}\n`);
    assert.ok(found.includes('item-long-key'));
    assert.ok(!found.includes('internal-error'));
  });
});

describe('question quick fixes', () => {
  it('writes the computed index into a disagreeing key, and offers the stages the case has', () => {
    const service = getCaseService();
    const text = `${CASE}\n[question: after labs day 9]\ntype: numeric\nstem: What is the RPI?\nasks: rpi\nanswer: 2.0\ntolerance: 0.1\n`;
    const analysis = service.analyze(text);
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    const titles = service.codeActions(analysis, whole, analysis.diagnostics, 'file:///demo.case').map((a) => a.title);
    assert.ok(titles.includes('Change to `after labs`'), titles.join(' | '));
    assert.ok(titles.includes('Change to `after labs Day  3`'), titles.join(' | '));
    const fixed = service.analyze(text.replace('after labs day 9', 'after labs'));
    const actions = service.codeActions(fixed, whole, fixed.diagnostics, 'file:///demo.case').filter((a) => a.title.startsWith('Change the key'));
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Change the key to 0.84 (from the case\'s labs)');
  });
});
