// Question items: how they are read, and the checks that need the whole item or the engine.
// (Each code's bad and fixed example runs in diagnosticCatalog.test.ts.)
import { strict as assert } from 'node:assert';
import { getCaseService } from '../../server/src/core';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { applyRules, type CasewrightConfig } from '../../server/src/core/config/config';
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

describe('question checks a teacher meets', () => {
  const WITH_RBC = CASE.replace('reticulocytes: 4.0 %\n', 'reticulocytes: 4.0 %\nrbc: 3.3 10^12/L\n');
  const found = (text: string, code: string) => analyzeCase(text).diagnostics.filter((d) => d.code === code);
  const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);
  const single = (count: number) => `${CASE}\n[question: after labs]\ntype: single\nstem: Which?\n${Array.from({ length: count }, (_, i) => `option: ${i ? '' : '* '}Choice number ${i + 1}`).join('\n')}\n`;

  it('a single-best-answer question with two options, or more than five, is flagged; three to five are not', () => {
    const two = found(single(2), 'item-option-count');
    assert.equal(two.length, 1);
    assert.match(two[0].message, /has 2, so a guess is right half of the time/);
    assert.equal(two[0].range.start.line, lineOf(single(2), 'type: single'));
    for (const count of [3, 4, 5]) assert.deepEqual(found(single(count), 'item-option-count'), [], `${count} options`);
    const seven = found(single(7), 'item-option-count');
    assert.equal(seven.length, 1);
    assert.match(seven[0].message, /this one has 7/);
    assert.equal(seven[0].range.start.line, lineOf(single(7), 'option: Choice number 6'), 'at the first option past the fifth');
    assert.deepEqual(found(single(1), 'item-option-count'), [], 'one option is too-few-options alone');
    assert.equal(found(single(1), 'too-few-options').length, 1);
  });

  it('a numeric key is checked in the unit it is written in, and says so when Casewright cannot convert it', () => {
    const question = (key: string, unit: string) => `${WITH_RBC}\n[question: after labs]\ntype: numeric\nstem: What is the absolute reticulocyte count?\nasks: absolute-reticulocytes\nanswer: ${key}\n${unit ? `unit: ${unit}\n` : ''}tolerance: 2\n`;
    // 4.0 % of 3.3 × 10^12/L = 132 × 10^9/L = 132,000 /uL.
    assert.deepEqual(found(question('132', ''), 'question-key-disagrees'), []);
    assert.deepEqual(found(question('132', '10^9/L'), 'question-key-disagrees'), []);
    assert.deepEqual(found(question('132', 'x10^3/µL'), 'question-key-disagrees'), []);
    const perMicrolitre = `${WITH_RBC}\n[question: after labs]\ntype: numeric\nstem: Per microlitre?\nasks: absolute-reticulocytes\nanswer: 132000\nunit: /uL\ntolerance: 2000\n`;
    assert.deepEqual(found(perMicrolitre, 'question-key-disagrees'), []);
    const wrong = found(question('150', '10^9/L'), 'question-key-disagrees');
    assert.equal(wrong.length, 1);
    assert.equal(wrong[0].message, 'The key says 150 10^9/L, but the case\'s labs give an absolute reticulocyte count of 132 10^9/L (tolerance 2).');
    assert.deepEqual(wrong[0].data?.replacements, ['132']);
    // 10^12/L is not a unit of the absolute reticulocyte count in the catalog: said at `unit`.
    const text = question('0.132', '10^12/L');
    assert.deepEqual(found(text, 'question-key-disagrees'), []);
    const unchecked = found(text, 'question-key-unchecked');
    assert.equal(unchecked.length, 1);
    assert.equal(unchecked[0].message, 'Casewright cannot convert the absolute reticulocyte count into `10^12/L`, so this key cannot be checked. Write the key and `unit:` in `10^9/L`, `10^3/uL` or `/uL`.');
    assert.equal(unchecked[0].range.start.line, lineOf(text, 'unit: 10^12/L'));
  });

  it('an index the case states is checked against the stated value, and the one calculated from the other labs is right too', () => {
    // Stated MCV 58 fL; hematocrit 19 % and rbc 3.3 give 57.6 fL.
    const question = (key: string) => `${WITH_RBC.replace('hemoglobin', 'mcv: 58 fL\nhemoglobin')}\n[question: after labs]\ntype: numeric\nstem: What is the MCV?\nasks: mcv\nanswer: ${key}\nunit: fL\ntolerance: 0\n`;
    assert.deepEqual(found(question('58'), 'question-key-disagrees'), []);
    assert.deepEqual(found(question('57.6'), 'question-key-disagrees'), []);
    const wrong = found(question('60'), 'question-key-disagrees');
    assert.equal(wrong[0]?.message, 'The key says 60 fL, but the case\'s labs give an MCV of 58 fL (tolerance 0).');
  });

  it('names the index in words, and the panel when it is not the first', () => {
    const mentzer = `${WITH_RBC.replace('hemoglobin', 'mcv: 58 fL\nhemoglobin')}\n[question: after labs]\ntype: numeric\nstem: Mentzer?\nasks: mentzer\nanswer: 12\ntolerance: 0.5\n`;
    assert.match(found(mentzer, 'question-key-disagrees')[0].message, /give a Mentzer index of 17\.6 \(tolerance 0\.5\)/);
    const day3 = `${CASE}\n[question: after labs day 3]\ntype: numeric\nstem: RPI?\nasks: rpi\nanswer: 0.84\ntolerance: 0.1\n`;
    assert.equal(found(day3, 'question-key-disagrees')[0].message, 'The key says 0.84, but the case\'s labs give an RPI of 4.00 in [labs: Day  3] (tolerance 0.1).');
    const early = `${CASE}\n[question: after history]\ntype: numeric\nstem: RPI?\nasks: rpi\nanswer: 0.84\ntolerance: 0.1\n`;
    assert.match(found(early, 'question-uses-later-labs')[0].message, /after history, but the labs that give the RPI are revealed later, in \[labs\]/);
    // The first panel lacks the reticulocytes: a later panel has them (move the question), or none does.
    const question = '\n[question: after labs]\ntype: numeric\nstem: RPI?\nasks: rpi\nanswer: 0.84\ntolerance: 0.1\n';
    const withoutFirst = CASE.replace('reticulocytes: 4.0 %\n', '') + question;
    assert.match(found(withoutFirst, 'question-uses-later-labs')[0].message, /revealed later, in \[labs: Day {2}3\]\. Move the question after that panel/);
    const withoutAny = CASE.replace('reticulocytes: 4.0 %\n', '').replace('reticulocytes: 9 %\n', '') + question;
    assert.match(found(withoutAny, 'question-key-unchecked')[0].message, /^\[labs\] does not give the RPI \(it needs `\w+` and `\w+`\), so its key cannot be checked/);
  });

  it('a mechanism question is held to [answer], else to the engine\'s clear choice', () => {
    const question = (key: string) => `\n[question: after labs]\ntype: single\nstem: Which mechanism?\nasks: mechanism\noption: ${key === 'aplasia' ? '* ' : ''}Aplasia\noption: ${key === 'destruction' ? '* ' : ''}Peripheral destruction\noption: Blood loss\n`;
    const stated = `${CASE}\n[answer]\nmechanism: peripheral-destruction\n`;
    const flagged = found(stated + question('aplasia'), 'question-mechanism-disagrees');
    assert.equal(flagged.length, 1);
    assert.equal(flagged[0].message, 'The key says `aplasia`, but the case\'s [answer] is `peripheral-destruction`.');
    assert.equal(flagged[0].range.start.line, lineOf(stated + question('aplasia'), 'option: * Aplasia'));
    assert.deepEqual(found(stated + question('destruction'), 'question-mechanism-disagrees'), []);
    // No [answer]: the engine's clear choice, when it has one, decides.
    const hemolysis = 'case: demo-02\ntitle: Demo\n\n[labs]\nhemoglobin: 7.4 g/dL\nhematocrit: 22 %\nreticulocytes: 14 %\nhaptoglobin: <10 mg/dL\nldh: 900 U/L\nbilirubin-indirect: 3 mg/dL\ndat: positive\n\n[smear]\nfindings: spherocytes\n';
    const engine = analyzeCase(hemolysis).clinical.mechanisms.clearChoice;
    assert.equal(engine, 'peripheral-destruction');
    assert.match(found(hemolysis + question('aplasia'), 'question-mechanism-disagrees')[0].message, /the engine's clear choice is `peripheral-destruction`/);
  });

  it('`asks` on a type of question whose key it cannot check says so, at the `asks` value', () => {
    const ask = (type: string, asks: string, body: string) => `${CASE}\n[question: after labs]\ntype: ${type}\nstem: Which?\nasks: ${asks}\n${body}`;
    const numericMechanism = ask('numeric', 'mechanism', 'answer: 2\ntolerance: 0\n');
    const [d] = found(numericMechanism, 'question-key-unchecked');
    assert.equal(d?.message, 'A numeric question\'s key is not a mechanism\'s name, so `asks: mechanism` checks nothing here. Ask it as a `single`, `multiple` or `short` question, or drop `asks`.');
    assert.equal(d.range.start.line, lineOf(numericMechanism, 'asks: mechanism'));
    assert.equal(d.range.start.character, 'asks: '.length);
    const singleRpi = ask('single', 'rpi', 'option: * 0.84\noption: 2.5\noption: 3.1\n');
    const [e] = found(singleRpi, 'question-key-unchecked');
    assert.equal(e?.message, 'Only a numeric key is held to the case\'s labs; this single question\'s is not, so `asks: rpi` checks nothing here. Make it `type: numeric`, or drop `asks`.');
    // Still held to the labs revealed in time, whatever its type.
    const tooEarly = `${CASE}\n[question: after history]\ntype: single\nstem: Which?\nasks: rpi\noption: * 0.84\noption: 2.5\noption: 3.1\n`;
    assert.equal(found(tooEarly, 'question-uses-later-labs').length, 1);
    assert.deepEqual(found(tooEarly, 'question-key-unchecked'), []);
    // The types it can check say nothing of the kind.
    assert.deepEqual(found(ask('numeric', 'rpi', 'answer: 0.84\ntolerance: 0.1\n'), 'question-key-unchecked'), []);
  });

  it('a short-answer mechanism question: one accepted answer must name [answer]\'s mechanism', () => {
    const stated = `${CASE}\n[answer]\nmechanism: peripheral-destruction\n`;
    const short = (answers: string[]) => `${stated}\n[question: after labs]\ntype: short\nstem: Which mechanism?\nasks: mechanism\n${answers.map((a) => `answer: ${a}`).join('\n')}\n`;
    assert.deepEqual(found(short(['hemolysis', 'peripheral destruction']), 'question-mechanism-disagrees'), []);
    const wrong = short(['aplasia', 'marrow failure']);
    const [d] = found(wrong, 'question-mechanism-disagrees');
    assert.equal(d?.message, 'The accepted answers name `aplasia`, but the case\'s [answer] is `peripheral-destruction`.');
    assert.equal(d.range.start.line, lineOf(wrong, 'answer: aplasia'));
    assert.match(found(short(['hemolysis']), 'question-mechanism-disagrees')[0]?.message ?? '', /^No accepted answer names a mechanism Casewright knows/);
  });

  it('a `* ` on an ordering option marks nothing: a warning on the marker, and a fix that removes only it', () => {
    const text = `${CASE}\n[question: after labs]\ntype: ordering\nstem: Order the steps.\noption: * Blood count\noption: Reticulocytes\noption: Marrow\n`;
    const [d] = found(text, 'ordering-key-marker');
    assert.ok(d);
    const line = lineOf(text, 'option: * Blood count');
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [line, 'option: '.length, line, 'option: * '.length]);
    assert.deepEqual(found(text.replace('* Blood', 'Blood'), 'ordering-key-marker'), []);
    const service = getCaseService();
    const analysis = service.analyze(text);
    const [action] = service.codeActions(analysis, d.range, [d], 'file:///demo.case');
    assert.equal(action?.title, 'Remove the `* ` (the order written is the key)');
    assert.deepEqual(action.edit?.changes?.['file:///demo.case'], [{ range: d.range, newText: '' }]);
  });

  it('a question after a stage the case does not have is an error at the stage, with the stages it has', () => {
    for (const stage of ['after marrow', 'after smear', 'after labs day 9', 'after lunch', 'after']) {
      const text = `${CASE}\n[question: ${stage}]\ntype: short\nstem: Why?\nanswer: because\n`;
      const [d] = found(text, 'unknown-question-stage');
      assert.ok(d, stage);
      const line = lineOf(text, `[question: ${stage}]`);
      assert.deepEqual([d.range.start.line, d.range.start.character], [line, '[question: '.length], stage);
      // A missing panel is offered the panels; any other stage, every stage the case has.
      assert.deepEqual(d.data?.replacements, stage.includes('labs') ? ['after labs', 'after labs Day  3'] : ['after history', 'after labs', 'after labs Day  3'], stage);
    }
  });

  it('words after a stage other than labs are not a stage (`after history and exam` is not after the exam)', () => {
    const text = `${CASE}\n[question: after history and exam]\ntype: short\nstem: Why?\nanswer: because\n`;
    const [d] = found(text, 'unknown-question-stage');
    assert.equal(d?.message, '`after history and exam` is not a stage: only `after labs` takes a qualifier (a panel\'s, `after labs day 3`). Write `after history`.');
    assert.deepEqual(d.data?.replacements, ['after history']);
  });

  it('every question rule can be turned off or re-levelled in casewright.json, alone or as item-*', () => {
    const text = `${CASE}\n[question: after labs]\ntype: single\nstem: All of these are low EXCEPT\noption: * Always the reticulocytes\noption: None of the above\n`;
    const codes = (rules: CasewrightConfig['rules']) => applyRules(analyzeCase(text).diagnostics, { rules }).filter((d) => /^item-/.test(d.code)).map((d) => `${d.code}:${d.severity}`).sort();
    assert.deepEqual(codes({}), ['item-absolute-words:warning', 'item-negative-stem:warning', 'item-of-the-above:warning', 'item-option-count:warning']);
    assert.deepEqual(codes({ 'item-*': 'off' }), []);
    assert.deepEqual(codes({ 'item-*': 'off', 'item-negative-stem': 'error' }), ['item-negative-stem:error']);
    assert.deepEqual(codes({ 'item-option-count': 'off' }), ['item-absolute-words:warning', 'item-negative-stem:warning', 'item-of-the-above:warning']);
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
