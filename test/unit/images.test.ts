// Images in a case: where each belongs (stem, option, section), the checks every image gets
// (alt text, a path inside the bank, an image type, and on disk: exists, no link, not too
// large), and how the renderer and the preview's stand-in sources show them.
import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { withImageSources } from '../../server/src/core';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { renderCaseBody } from '../../server/src/core/render/renderCase';
import { previewImageSources } from '../../server/src/core/render/images';
import { readCaseImage, resourceExists } from '../../server/src/node/resourceExists';
import { tempBank } from '../support/runCli';

const CASE = `case: pics-01
title: Pictures

[history]
Pale for a month.
![The child's pale palms beside her mother's](images/palms.png)
Tired.

[smear]
findings: target-cells
image: images/smear.png
alt: Target cells
image: images/smear-2.png
alt: Nucleated red cells

[marrow]
cellularity: 90 %
image: images/marrow.jpg
alt: A packed marrow

[question: after smear]
id: cells
type: single
stem: Which cell is this?
image: images/cell.png
alt: One red cell with a dark centre
option: * A target cell
image: images/target.png
alt: A target cell
feedback: Yes.
option: A spherocyte
feedback: No: it has a pale centre.
image: images/sphero.png
alt: A spherocyte
option: A schistocyte
`;

const where = (text: string) => analyzeCase(text).model.images.map((i) => `${i.where}: ${i.path} (${i.alt})`);
const problems = (text: string, check?: (p: string) => boolean | string) =>
  analyzeCase(text, { resourceExists: check }).diagnostics.filter((d) => d.code.startsWith('image-') || d.code === 'duplicate-field').map((d) => `${d.code} ${d.range.start.line}: ${d.message}`);

describe('images', () => {
  it('belong to the stem, the option above them (past its feedback), a smear or marrow section, or a prose line', () => {
    assert.deepEqual(where(CASE), [
      "[history]: images/palms.png (The child's pale palms beside her mother's)",
      '[smear]: images/smear.png (Target cells)',
      '[smear]: images/smear-2.png (Nucleated red cells)',
      '[marrow]: images/marrow.jpg (A packed marrow)',
      'question cells: images/cell.png (One red cell with a dark centre)',
      'option 1 of question cells: images/target.png (A target cell)',
      'option 2 of question cells: images/sphero.png (A spherocyte)',
    ]);
    const question = analyzeCase(CASE).model.questions[0];
    assert.deepEqual(question.options.map((o) => o.feedback), ['Yes.', 'No: it has a pale centre.', undefined]);
    assert.deepEqual(problems(CASE, () => true), [], 'repeated image and alt lines are no duplicate fields');
  });

  it('a stem image written after the other fields keeps its alt wherever that stands (as before options had images)', () => {
    const text = 'case: a-01\ntitle: A\n\n[history]\nPale.\n\n[question: after history]\ntype: short\nalt: A smear\nstem: What is shown?\nanswer: target cells\nimage: images/smear.png\n';
    assert.deepEqual(where(text), ['question q1: images/smear.png (A smear)']);
  });

  it('every image needs alt text, in each form', () => {
    const text = 'case: a-01\ntitle: A\n\n[history]\n![](images/a.png)\n\n[marrow]\nimage: images/b.png\n\n[question]\ntype: single\nstem: Which?\noption: * One\nimage: images/c.png\noption: Two\n';
    const found = problems(text, () => true);
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(found[0], /^image-without-alt 4: The image of \[history\].*!\[what it shows\]\(path\)/);
    assert.match(found[1], /^image-without-alt 7: The image of \[marrow\].*`alt:` on the line below/);
    assert.match(found[2], /^image-without-alt 13: The image of option 1 of question q1/);
  });

  it('refuses URLs, absolute paths, `..`, backslashes, folders and files that are not images, at the path', () => {
    const cases: [string, RegExp][] = [
      ['https://example.org/a.png', /no URL/],
      ['/etc/a.png', /no absolute path/],
      ['C:/images/a.png', /no URL, no absolute path/],
      ['../other/a.png', /leaves the case's folder/],
      ['images\\a.png', /uses `\\`/],
      ['images/notes.pdf', /not an image Casewright embeds: use \.png, \.jpg/],
      ['images/run.sh', /not an image/],
      // A folder, or a file named without its extension: said as such.
      ['images/', /`images\/` names a folder; write the path of the image file in it \(\.png/],
      ['images/marrow-smear', /`images\/marrow-smear` has no file extension; write the image file's whole name/],
    ];
    for (const [written, expected] of cases) {
      const text = `case: a-01\ntitle: A\n\n[smear]\nimage: ${written}\nalt: A smear\n`;
      let asked = false;
      const found = problems(text, () => { asked = true; return true; });
      assert.equal(found.length, 1, `${written}: ${found.join('; ')}`);
      assert.match(found[0], expected, written);
      assert.match(found[0], /^image-not-found 4:/);
      assert.equal(asked, false, `${written}: not looked up on disk`);
    }
  });

  it('an image line with no path, and a third image in one question, are said, not dropped', () => {
    assert.match(problems('case: a-01\ntitle: A\n\n[marrow]\nimage:\nalt: x\n').join(), /image-not-found 4: This image has no path/);
    const extra = problems('case: a-01\ntitle: A\n\n[question]\ntype: short\nstem: S?\nanswer: a\nimage: images/a.png\nalt: A\nimage: images/b.png\nalt: B\n', () => true);
    assert.deepEqual(extra.map((p) => p.split(':')[0]), ['duplicate-field 9']);
  });

  describe('on disk (the rules the editor, check and every export apply)', () => {
    let bank: ReturnType<typeof tempBank>;
    let caseFile: string;
    before(() => {
      bank = tempBank({ 'cases/a.case': 'case: a-01\ntitle: A\n', 'outside/secret.png': 'not for export' });
      caseFile = path.join(bank.dir, 'cases', 'a.case');
      mkdirSync(path.join(bank.dir, 'cases', 'images'));
      writeFileSync(path.join(bank.dir, 'cases', 'images', 'ok.png'), 'png bytes');
      symlinkSync(path.join(bank.dir, 'outside', 'secret.png'), path.join(bank.dir, 'cases', 'images', 'link.png'));
      symlinkSync(path.join(bank.dir, 'outside'), path.join(bank.dir, 'cases', 'linked'));
      writeFileSync(path.join(bank.dir, 'cases', 'images', 'huge.png'), '');
      truncateSync(path.join(bank.dir, 'cases', 'images', 'huge.png'), 11 * 1024 * 1024);
      mkdirSync(path.join(bank.dir, 'cases', 'images', 'folder.png'));
    });
    after(() => bank.cleanup());

    it('says what is wrong with each file, and reads only the good one', async () => {
      assert.equal(resourceExists(caseFile, 'images/ok.png'), true);
      assert.equal(resourceExists(caseFile, 'images/missing.png'), false);
      assert.match(String(resourceExists(caseFile, 'images/link.png')), /symbolic link/);
      assert.match(String(resourceExists(caseFile, 'linked/secret.png')), /leads out of the case's folder/);
      assert.match(String(resourceExists(caseFile, 'images/huge.png')), /is larger than 10 MiB \(11534336 bytes\); .*make it smaller/);
      assert.match(String(resourceExists(caseFile, 'images/folder.png')), /not a file/);
      assert.match(String(resourceExists(caseFile, '../outside/secret.png')), /leaves the case's folder/);
      const good = await readCaseImage(caseFile, 'images/ok.png');
      assert.ok(good.ok && Buffer.from(good.bytes).toString() === 'png bytes');
      for (const bad of ['images/link.png', 'linked/secret.png', 'images/huge.png', 'images/missing.png', '../outside/secret.png', '/etc/passwd']) {
        const read = await readCaseImage(caseFile, bad);
        assert.equal(read.ok, false, bad);
      }
    });

    it('the diagnostic names the problem at the path', () => {
      const text = 'case: a-01\ntitle: A\n\n[smear]\nimage: images/huge.png\nalt: A smear\n';
      const found = problems(text, (p) => resourceExists(caseFile, p));
      assert.equal(found.length, 1);
      assert.match(found[0], /^image-not-found 4: `images\/huge\.png` is larger than 10 MiB/);
    });
  });

  describe('in the rendered case', () => {
    it('shows an image the caller gives a source for, and the alt text in place of one it does not', () => {
      const analysis = analyzeCase(CASE, { resourceExists: (p) => p !== 'images/marrow.jpg' });
      const html = renderCaseBody(analysis, 'answer', {}, (image) => (image.path === 'images/smear.png' ? 'media/smear.png' : undefined));
      assert.ok(html.includes('<figure class="case-image" data-line="10"><img src="media/smear.png" alt="Target cells"></figure>'));
      assert.ok(html.includes('<p class="case-image image-missing" data-line="17">Image: A packed marrow</p>'));
      assert.ok(!html.includes('![The child'), 'the prose image line is not shown as text');
      assert.ok(html.includes('<p data-line="4">Pale for a month.</p><p class="case-image image-missing" data-line="5">Image: The child&#39;s pale palms beside her mother&#39;s</p><p data-line="6">Tired.</p>'), 'the image where it is written');
      assert.ok(!html.includes('images/'), 'no path of an image without a source reaches the page');
    });

    it('the preview gives usable images stand-in sources, which the extension maps or drops', () => {
      const analysis = analyzeCase(CASE, { resourceExists: (p) => p !== 'images/marrow.jpg' });
      const { sources, paths } = previewImageSources(analysis);
      const html = renderCaseBody(analysis, 'learner', {}, sources);
      assert.equal(paths.includes('images/marrow.jpg'), false, 'a missing image gets no source');
      assert.equal(paths.length, 6);
      const mapped = withImageSources(html, (i) => (paths[i] === 'images/smear.png' ? 'https://file+.vscode-resource.vscode-cdn.net/bank/images/smear.png?a="b"' : undefined));
      assert.ok(mapped.includes('<img src="https://file+.vscode-resource.vscode-cdn.net/bank/images/smear.png?a=&quot;b&quot;" alt="Target cells">'));
      assert.ok(!mapped.includes('casewright-image:'), 'no stand-in is left for the browser to request');
      assert.equal((mapped.match(/<img alt=/g) ?? []).length, 5, 'the others show their alt text');
    });

    it('a stand-in typed in the case text is text, never a source', () => {
      const text = 'case: a-01\ntitle: A\n\n[history]\n<img src="casewright-image:0"> here\n';
      const html = renderCaseBody(analyzeCase(text), 'learner');
      assert.equal(withImageSources(html, () => 'https://evil.example/'), html);
    });
  });
});
