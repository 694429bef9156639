// The cases the question-export tests read back: every sample and a tricky case full of the
// characters each format must escape, with images whose paths flatten alike. Built once (a
// module is loaded once), shared by the tests of each format.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CaseBank } from '../../server/src/core/bank';
import { exportImageName } from '../../server/src/core/export/caseText';
import type { ExportCase } from '../../server/src/core/export/exportTypes';
import type { CaseAnalysis } from '../../server/src/core/analyzeCase';
import type { CaseImage } from '../../server/src/core/images/imageModel';
import type { Question } from '../../server/src/core/questions/questionModel';

export const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
/** Distinct bytes per image, so that each can be told from the others when decoded back. */
export const TRICKY_IMAGES = new Map(['images/pale.png', 'images/smear/target.png', 'images/smear.png', 'images/equals.png'].map((p, i) => [p, new Uint8Array([...PNG, i + 1])]));

/** The name the exporters give an image of a case (flattened, with a checksum when flattening changed the path). */
export const media = (caseId: string, imagePath: string) => exportImageName({ model: { id: caseId } } as unknown as CaseAnalysis, { path: imagePath } as CaseImage);

export const TRICKY = `case: tricky-01
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

export const CASES = exportCases();
export const QUESTIONS: { key: string; question: Question }[] = CASES.flatMap(({ analysis }) => analysis.model.questions.map((question) => ({ key: `${analysis.model.id}-${question.id}`, question })));

/** Text as the exporters escape it into HTML (written here, not imported, so the tests check them). */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/`/g, '&#96;');
}
