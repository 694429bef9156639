// Images through the CLI, as a user meets them: `check` names what is wrong with each image
// file; every export embeds the good ones; hostile images (a link out of the bank, a huge file,
// a file that is not an image) get a clear message and exit code, never a crash or a copy.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { runCli, tempBank } from '../support/runCli';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function caseWith(image: string): string {
  return `case: pics-01
title: Pictures

[history]
Pale for a month.

[smear]
findings: target-cells
image: ${image}
alt: Target cells

[question: after smear]
id: cells
type: single
stem: Which cell is shown?
option: * A target cell
image: images/option.png
alt: A target cell up close
option: A spherocyte
`;
}

/** The one entry of the package whose name matches. */
function zipName(zip: Record<string, Uint8Array>, pattern: RegExp): string {
  const names = Object.keys(zip).filter((name) => pattern.test(name));
  assert.equal(names.length, 1, `${pattern}: ${Object.keys(zip).join(', ')}`);
  return names[0];
}

describe('images through the CLI', function () {
  this.timeout(60_000);
  let bank: ReturnType<typeof tempBank>;

  beforeEach(() => {
    bank = tempBank({ 'outside/secret.png': 'secret', 'cases/notes.txt': 'text' });
    mkdirSync(path.join(bank.dir, 'cases', 'images'));
    writeFileSync(path.join(bank.dir, 'cases', 'images', 'smear.png'), PNG);
    writeFileSync(path.join(bank.dir, 'cases', 'images', 'option.png'), Buffer.concat([PNG, Buffer.from([1])]));
  });
  afterEach(() => bank.cleanup());

  it('every question format embeds the section\'s and the option\'s image; GIFT says it left them out', () => {
    writeFileSync(path.join(bank.dir, 'cases', 'pics.case'), caseWith('images/smear.png'));
    const qti = runCli(['export', 'cases', '--format', 'qti', '-o', 'qti'], bank.dir);
    assert.equal(qti.status, 0, qti.stderr);
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(bank.dir, 'qti', 'questions.qti.zip'))));
    assert.deepEqual(Buffer.from(zip[zipName(zip, /^images\/pics-01-images-smear-[0-9a-f]{8}\.png$/)]), PNG);
    const optionImage = zipName(zip, /^images\/pics-01-images-option-[0-9a-f]{8}\.png$/);
    assert.ok(new TextDecoder().decode(zip['imsmanifest.xml']).includes(`href="${optionImage}"`));
    const anki = runCli(['export', 'cases', '--format', 'anki', '-o', 'anki'], bank.dir);
    assert.equal(anki.status, 0, anki.stderr);
    assert.deepEqual(readdirSync(path.join(bank.dir, 'anki', 'anki-media')), [optionImage.slice('images/'.length)]);
    assert.match(anki.stderr, /copy the files in anki-media\//);
    assert.match(anki.stderr, /section image is not on cards/);
    const gift = runCli(['export', 'cases', '--format', 'gift', '-o', 'gift'], bank.dir);
    assert.equal(gift.status, 0, gift.stderr);
    assert.match(gift.stderr, /GIFT is text only; pics-01: the image of \[smear\] left out/);
    assert.match(gift.stderr, /GIFT is text only; the image of pics-01-cells left out/);
  });

  it('two paths that flatten alike (images/smear.png, images-smear.png) stay two files in the export', () => {
    const other = Buffer.concat([PNG, Buffer.from([2])]);
    writeFileSync(path.join(bank.dir, 'cases', 'images-smear.png'), other);
    writeFileSync(path.join(bank.dir, 'cases', 'pics.case'), caseWith('images/smear.png').replace('image: images/option.png', 'image: images-smear.png'));
    const qti = runCli(['export', 'cases', '--format', 'qti', '-o', 'qti'], bank.dir);
    assert.equal(qti.status, 0, qti.stderr);
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(bank.dir, 'qti', 'questions.qti.zip'))));
    const images = Object.keys(zip).filter((name) => name.startsWith('images/')).sort();
    assert.equal(images.length, 2, images.join(', '));
    assert.deepEqual(images.map((name) => Buffer.from(zip[name])).sort(Buffer.compare), [PNG, other].sort(Buffer.compare));
  });

  const hostile: [string, () => void, RegExp][] = [
    ['a link out of the bank', () => symlinkSync(path.join(bank.dir, 'outside', 'secret.png'), path.join(bank.dir, 'cases', 'images', 'smear.png')), /symbolic link/],
    ['a file over 10 MiB', () => truncateSync(path.join(bank.dir, 'cases', 'images', 'smear.png'), 10 * 1024 * 1024 + 1), /is larger than 10 MiB \(10485761 bytes\)/],
  ];
  for (const [name, arrange, message] of hostile) {
    it(`${name}: check names it at the path; every export refuses the case; with the rule made a warning, the html export leaves the image out and says so`, () => {
      writeFileSync(path.join(bank.dir, 'cases', 'pics.case'), caseWith('images/smear.png'));
      rmSync(path.join(bank.dir, 'cases', 'images', 'smear.png'));
      if (name.startsWith('a file')) writeFileSync(path.join(bank.dir, 'cases', 'images', 'smear.png'), '');
      arrange();
      const check = runCli(['check', 'cases'], bank.dir);
      assert.equal(check.status, 1);
      assert.match(check.stdout, / 9:8 +error .*image-not-found/);
      assert.match(check.stdout, message);
      const moodle = runCli(['export', 'cases', '--format', 'moodle', '-o', 'moodle'], bank.dir);
      assert.equal(moodle.status, 1);
      assert.match(moodle.stderr, /not exported: this case has errors .*pics\.case/);
      assert.doesNotMatch(moodle.stderr, /\n\s+at /, 'no stack trace');
      assert.ok(!existsSync(path.join(bank.dir, 'moodle')), 'nothing written');
      const refused = runCli(['export', 'cases', '-o', 'site'], bank.dir);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /not exported: this case has errors .*pics\.case \(image-not-found\)/);
      assert.ok(!existsSync(path.join(bank.dir, 'site')), 'nothing written');
      // A bank that accepts missing images (the rule a warning) gets the page with the alt text.
      writeFileSync(path.join(bank.dir, 'casewright.json'), '{ "rules": { "image-not-found": "warning" } }');
      const site = runCli(['export', 'cases', '-o', 'site'], bank.dir);
      assert.equal(site.status, 0, site.stderr);
      assert.match(site.stderr, message);
      assert.match(site.stderr, /images\/smear\.png .*left out/);
      const page = readFileSync(path.join(bank.dir, 'site', 'cases', 'pics-01.html'), 'utf8');
      assert.ok(page.includes('Image: Target cells'), 'the alt text in the image\'s place');
      assert.ok(!readdirSync(path.join(bank.dir, 'site', 'media', 'pics-01', 'images')).includes('smear.png'), 'nothing copied');
    });
  }

  for (const [written, message] of [['../outside/secret.png', /leaves the case's folder/], ['/etc/hostname.png', /no absolute path/], ['notes.txt', /not an image Casewright embeds/]] as const) {
    it(`\`${written}\` is refused by check, and nothing outside the bank is read`, () => {
      writeFileSync(path.join(bank.dir, 'cases', 'pics.case'), caseWith(written));
      const check = runCli(['check', 'cases'], bank.dir);
      assert.equal(check.status, 1);
      assert.match(check.stdout, message);
      assert.equal(runCli(['export', 'cases', '-o', 'site'], bank.dir).status, 1, 'the case has an error: not exported');
      writeFileSync(path.join(bank.dir, 'casewright.json'), '{ "rules": { "image-not-found": "warning" } }');
      const site = runCli(['export', 'cases', '-o', 'site'], bank.dir);
      assert.equal(site.status, 0, site.stderr);
      assert.ok(!JSON.stringify(readdirSync(path.join(bank.dir, 'site'), { recursive: true })).includes('secret'));
    });
  }
});
