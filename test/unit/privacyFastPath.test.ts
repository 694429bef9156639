// The privacy rules' fast path finds exactly what testing and scanning each line on its own
// finds. The check searches a case's lines joined (identifierPretests.ts,
// linesThatMayHoldIdentifiers) and scans in full only the lines the search points to; the
// reference tests each line alone and scans the lines that pass (findIdentifiers). Both must
// agree on which lines may hold an identifier and on every identifier: on snippets of every kind,
// clinical prose, whole case files, and generated lines mixing identifier pieces with prose,
// digits and punctuation. And the quick tests never skip a line the full scan would flag.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { scanLine } from '../../server/src/core/checks/privacy/identifierPatterns';
import { findIdentifiers, linesThatMayHoldIdentifiers, mayHoldIdentifier } from '../../server/src/core/checks/privacy/identifierPretests';

const fixtures = path.join(__dirname, '..', 'fixtures', 'privacy');
const identified = (JSON.parse(readFileSync(path.join(fixtures, 'identified.json'), 'utf8')) as { snippets: { text: string }[] }).snippets.map((s) => s.text);
const clinicalProse = readFileSync(path.join(fixtures, 'clinical-prose.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

/** Which lines each way picks, and the identifiers each way finds (line, kind, offset, text, replacements). */
function bothWays(lines: string[]): { fast: number[]; eachLine: number[]; foundFast: unknown[]; foundEachLine: unknown[] } {
  const fast = linesThatMayHoldIdentifiers(lines);
  const eachLine = lines.flatMap((line, i) => (mayHoldIdentifier(line) ? [i] : []));
  const foundFast = fast.flatMap((i) => scanLine(lines[i]).map((m) => [i, m.kind, m.start, m.text, m.replacements]));
  const foundEachLine = lines.flatMap((line, i) => findIdentifiers(line).map((m) => [i, m.kind, m.start, m.text, m.replacements]));
  return { fast, eachLine, foundFast, foundEachLine };
}

function assertSame(lines: string[]): void {
  const { fast, eachLine, foundFast, foundEachLine } = bothWays(lines);
  assert.deepEqual(fast, eachLine, `lines picked differ for ${JSON.stringify(lines)}`);
  assert.deepEqual(foundFast, foundEachLine, `identifiers differ for ${JSON.stringify(lines)}`);
}

/** Pieces of every identifier kind, keywords and near misses, to mix with prose. */
const PIECES = [
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Dr.', 'Prof', 'Professor', 'Doctor', 'Rev', 'Smith', "O'Brien", 'Jones',
  '@', 'a.b@example.org', '://', 'http://x.org/a', 'www', 'WWW', 'www.example.com', '.com', '.org', '.nhs.uk', '.io', '.info',
  'nonagenarian', 'centenarian', 'nineties', 'Nineties', 'in her nineties',
  '12/03/2024', '2024-11-05', '05.06.2022', '3 March 2024', 'March 12, 2024', '5th of June', 'Sept 9', 'May', 'may', 'Dec',
  '93-year-old', '91 years old', 'aged 96', 'Aged 96', '92 yo', '89 y', '90s',
  'MRN 12345678', 'NHS number 943 476 5919', '123-45-6789', '#12345678', '2024031512345',
  '(555) 123-4567', '+44 20 7946 0958', 'Tel: 020 7946 0958', 'phone', 'fax', 'bleep 1234', 'pager',
  '192.168.1.20', '10.0.0.256', '12 Station Road', 'SW1A 1AA', 'CA 94110', 'AB12 CDE',
  'serial number SN-4471-88', 's/n', 'licence plate AB12 CDE', 'VIN 1HGCM82633A004352', 'device ID 77-5531', 'implant no. 4411',
  'Hb 7.2 g/dL', 'MCV 101 fL', 'platelets 9', '1200 U/L', 'stage 4 CKD', '46,XY', 'B19', 'G6PD', 'day 3', '10^9/L',
  // Keywords, leads and codes whose digits come after letters; addresses, ages and dates in pieces.
  'MRN', 'mrn:', 'acct', 'account no.', 'policy', 'insurance', 'SSN', 'social security number', 'medical record number', 'patient id',
  'health plan #', 'case no', 'device id', 'implant #', 'certificate no.', 'registration', 'licence', 'number plate', 'vin', 'vinblastine',
  'hospital number', 'record no.', 'chart #', 'member id', 'subscriber no', 'beneficiary id', 'NHS number', 'CHI no', 'medicare #',
  'medicaid number', 'insurance id', 'policy no.', 'acct #', 'license plate', 'registration plate', 'serial no.', 'licence number',
  'tel.', 'telephone number', 'mobile no.', 'pager number', 'fax no.', 'bleep', 'a1b2c3d4', '1a2b3c4d', 'AB1C2', 'abcdefghij', '12', '34', '4471',
  "O'Brien", 'Station', 'Road', 'ROAD', 'Way', 'St.', '12b,', 'aged', 'age', '93', '96', '100', '190', 'y', 'yo', 'years', 'year-old',
  'in his', 'in their', '90s', '3rd', 'of', '1AA', 'SW1A', 'NY', '10001', '(020)', '7946', '0958', '+1', '(555) 123.4567',
  ...['Jan', 'January', 'Feb', 'February', 'Mar', 'March', 'Apr', 'April', 'May', 'Jun', 'June', 'Jul', 'July', 'Aug', 'August',
    'Sep', 'Sept', 'September', 'Oct', 'October', 'Nov', 'November', 'Dec', 'December'].flatMap((month) => [month, `${month}.`]),
];
const PROSE = ['The', 'patient', 'was', 'seen', 'with', 'pallor', 'and', 'fatigue', 'on', 'day', 'of', 'the', 'ward', 'no', 'blood', 'loss'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', ': ', '; ', '-', '/', '(', ')', '.', ''];

const generatedLine = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...PROSE), fc.integer({ min: 0, max: 99999 }).map(String), fc.string({ maxLength: 6 })),
    fc.constantFrom(...SEPARATORS)).map(([word, sep]) => word + sep),
  { maxLength: 12 },
).map((parts) => parts.join(''));

describe('privacy: the fast path finds what the full scan of every line finds', function () {
  // Thousands of generated cases: seconds on a busy machine.
  this.timeout(60_000);

  it(`agrees on the ${identified.length} identifier snippets (every kind), one case of them all`, () => {
    assert.ok(bothWays(identified).foundFast.length >= identified.length - 5, 'the snippets should hold identifiers');
    assertSame(identified);
  });

  it('agrees on each snippet alone, and on snippets between lines of prose', () => {
    for (const snippet of identified) assertSame([snippet]);
    for (let i = 0; i < identified.length; i++) assertSame([clinicalProse[i % clinicalProse.length], identified[i], '', clinicalProse[(i + 1) % clinicalProse.length]]);
  });

  it(`agrees on ${clinicalProse.length} lines of clinical prose, where both find nothing`, () => {
    assertSame(clinicalProse);
    assert.deepEqual(bothWays(clinicalProse).foundFast, []);
  });

  it('agrees on every line of the shipped samples and test case files', () => {
    const root = path.join(__dirname, '..', '..');
    const files = ['samples', 'test'].flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.case')).map((f) => path.join(root, dir, f)));
    assert.ok(files.length >= 60);
    for (const file of files) assertSame(readFileSync(file, 'utf8').split(/\r?\n/));
  });

  it('agrees on generated lines mixing identifier pieces, keywords, digits and prose', () => {
    fc.assert(fc.property(fc.array(generatedLine, { maxLength: 8 }), (lines) => { assertSame(lines); }), { numRuns: 3000, seed: 20261129 });
  });

  it('agrees on arbitrary text, line breaks kept out of lines as the parser keeps them', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')), { maxLength: 6 }),
      (lines) => { assertSame(lines); }), { numRuns: 1000, seed: 1164 });
  });

  it('reports in a case exactly the identifiers the full scan finds on its free-text lines', () => {
    const text = 'case: demo-01\ntitle: Mr. Smith\'s anemia\n\n[history]\nSeen on 12/03/2024 by Dr Jones.\nNo identifiers here.\nTel: 020 7946 0958 and 93-year-old.\n\n[labs: 14/03/2024]\nhemoglobin: 6.1 g/dL\n\n[smear]\nnote: see www.example.org and a.b@example.org\n';
    const lines = text.split('\n');
    const reported = analyzeCase(text).diagnostics.filter((d) => d.code.startsWith('privacy-'))
      .map((d) => [d.code.slice('privacy-'.length), lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)]);
    assert.deepEqual(reported, [['name', 'Mr. Smith'], ['date', '12/03/2024'], ['name', 'Dr Jones'], ['phone', '020 7946 0958'], ['age', '93-year-old'],
      ['date', '14/03/2024'], ['url', 'www.example.org'], ['email', 'a.b@example.org']]);
  });
});

describe('privacy: the quick tests never skip a line the full scan would flag', function () {
  this.timeout(60_000);
  /** The line in the spellings authors use: as written, all lower case, all capitals, each word capitalised. */
  const spellings = (line: string): string[] => [line, line.toLowerCase(), line.toUpperCase(), line.replace(/\b[a-z]/g, (c) => c.toUpperCase())];
  function assertNotSkipped(line: string): void {
    for (const spelled of spellings(line)) {
      if (scanLine(spelled).length) assert.ok(mayHoldIdentifier(spelled), `the quick tests skip ${JSON.stringify(spelled)}, where the full scan finds ${JSON.stringify(scanLine(spelled).map((m) => m.text))}`);
    }
  }

  it('on every identifier snippet and every piece of one, in each spelling', () => {
    for (const line of [...identified, ...PIECES]) assertNotSkipped(line);
  });

  it('on generated lines mixing identifier pieces, keywords, digits and prose, in each spelling', () => {
    fc.assert(fc.property(generatedLine, (line) => { assertNotSkipped(line); }), { numRuns: 3000, seed: 20261130 });
  });

  it('on generated lines of pieces joined by single spaces, as identifiers are written, in each spelling', () => {
    const spaced = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...PROSE), fc.integer({ min: 1, max: 31 }).map(String), fc.integer({ min: 0, max: 9999 }).map(String)), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(fc.property(spaced, (line) => { assertNotSkipped(line); }), { numRuns: 5000, seed: 20261207 });
  });

  it('on the lines earlier quick tests skipped (codes with letters before digits, names with an apostrophe, ages in capitals)', () => {
    const lines = ['MRN 1a2b3c4d', 'MRN: a1b2c3d4', 'acct 123 45', 'policy 12a34', 'serial abcdefghij 12', "12 O'Brien Road", "seen at 1 O'Neil Way",
      'IN HIS 90S', 'in her 90s', 'AGED 96', '12 STATION ROAD', 'see Example.Com', 'vinblastine 12 mg', 'number plate ABC DE12'];
    for (const line of lines) {
      assert.ok(scanLine(line).length, `the full scan should flag ${JSON.stringify(line)}`);
      assertNotSkipped(line);
    }
  });

  it('and pass on to the full scan hardly any clinical prose: only near misses the validators reject', () => {
    assert.deepEqual(linesThatMayHoldIdentifiers(clinicalProse).map((i) => clinicalProse[i]),
      ['A woman over 90 years of age with a fall at home.', "Dr. Young's criteria for severe aplastic anemia are met."]);
  });
});
