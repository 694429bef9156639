// The lab catalog's data holds together: it validates against its schema, every source it names
// exists, every LOINC code has a valid check digit, every unit is valid UCUM (as written or by
// its `ucum` spelling), and every conversion factor is the one the UCUM library computes
// (through the lab's molar mass where mass and substance units meet).
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import labsJson from '../../schemas/labs.json';
import labsSchema from '../../schemas/labs.schema.json';
import vocabularyJson from '../../schemas/vocabulary.json';
import vocabularySchema from '../../schemas/vocabulary.schema.json';
import { LAB_SOURCES, LABS, normalizeUnit, type LabDefinition, type UnitDefinition } from '../../server/src/core/catalog/labCatalog';

interface UcumResult {
  status: string;
  toVal?: number;
  msg: string[];
}
interface UcumUtils {
  validateUnitString(unit: string, suggest?: boolean): { status: string; msg: string[] };
  convertUnitTo(from: string, value: number, to: string, options?: { molecularWeight?: number }): UcumResult;
}
const ucum = (require('@lhncbc/ucum-lhc') as { UcumLhcUtils: { getInstance(): UcumUtils } }).UcumLhcUtils.getInstance();

const ucumOf = (unit: UnitDefinition) => unit.ucum ?? unit.unit;
const quantitative = LABS.filter((lab) => lab.kind === 'quantitative');

/** LOINC's check digit is the mod-10 (Luhn) digit of the number part. */
function loincCheckDigitOk(code: string): boolean {
  const [number, check] = code.split('-');
  let sum = 0;
  [...number].reverse().forEach((char, i) => {
    let digit = Number(char);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  });
  return (10 - (sum % 10)) % 10 === Number(check);
}

/**
 * The library will not convert an arbitrary unit (`[IU]`) even into itself; between two spellings
 * of the same arbitrary unit only prefixes and denominators differ, so any one plain unit stands
 * in for it (`m[IU]/mL` → `mU/mL`).
 */
const withoutArbitrary = (unit: string) => unit.replace(/\[IU\]/g, 'U');

/** What the library says one of `unit` is in the lab's canonical unit, or why it cannot say. */
function libraryFactor(lab: LabDefinition, unit: UnitDefinition): number | string {
  const canonical = lab.units!.find((u) => u.unit === lab.canonicalUnit)!;
  const [from, to] = [ucumOf(unit), ucumOf(canonical)];
  const bothArbitrary = from.includes('[IU]') && to.includes('[IU]');
  const direct = bothArbitrary ? ucum.convertUnitTo(withoutArbitrary(from), 1, withoutArbitrary(to)) : ucum.convertUnitTo(from, 1, to);
  if (direct.status === 'succeeded' && direct.toVal !== undefined) return direct.toVal;
  if (!lab.molarMass) return direct.msg.join(' ');
  const molar = ucum.convertUnitTo(ucumOf(unit), 1, ucumOf(canonical), { molecularWeight: lab.molarMass });
  return molar.status === 'succeeded' && molar.toVal !== undefined ? molar.toVal : molar.msg.join(' ');
}

describe('lab catalog data (schemas/labs.json)', () => {
  it('validates against schemas/labs.schema.json, and the vocabulary against its schema', () => {
    const validateLabs = new Ajv({ allErrors: true }).compile(labsSchema);
    assert.ok(validateLabs(labsJson), JSON.stringify(validateLabs.errors));
    const validateVocabulary = new Ajv({ allErrors: true }).compile(vocabularySchema);
    assert.ok(validateVocabulary(vocabularyJson), JSON.stringify(validateVocabulary.errors));
  });

  it('the schema refuses a malformed LOINC code and a range without a source', () => {
    const validate = new Ajv({ allErrors: true }).compile(labsSchema);
    const broken = structuredClone(labsJson) as { labs: Record<string, unknown>[] };
    broken.labs[0].loinc = '718/7';
    assert.equal(validate(broken), false);
    const unsourced = structuredClone(labsJson) as { labs: { referenceRanges: Record<string, unknown>[] }[] };
    delete unsourced.labs[0].referenceRanges[0].source;
    assert.equal(validate(unsourced), false);
  });

  it('every range names a source the catalog cites', () => {
    for (const lab of LABS) for (const range of lab.referenceRanges ?? []) assert.ok(LAB_SOURCES[range.source], `${lab.key}: ${range.source}`);
  });

  it('every LOINC code has a valid check digit, and no two labs share one', () => {
    const codes = LABS.flatMap((lab) => (lab.loinc ? [lab.loinc] : []));
    assert.ok(codes.length >= 45, `only ${codes.length} labs have a LOINC code`);
    for (const code of codes) assert.ok(loincCheckDigitOk(code), code);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(loincCheckDigitOk('718-6'), false);
  });

  it('every unit is valid UCUM as written or by its `ucum` spelling; display-only spellings have one', () => {
    for (const lab of quantitative) {
      assert.ok(lab.units?.some((u) => u.unit === lab.canonicalUnit), `${lab.key}: the canonical unit is not among its units`);
      for (const unit of lab.units ?? []) {
        const verdict = ucum.validateUnitString(ucumOf(unit));
        assert.equal(verdict.status, 'valid', `${lab.key} ${unit.unit} → ${ucumOf(unit)}: ${verdict.msg.join(' ')}`);
      }
    }
    // The three the issue named, and the library really refuses the display spellings.
    for (const display of ['fraction', 'mIU/mL', 'mL/min/1.73m2']) assert.notEqual(ucum.validateUnitString(display).status, 'valid', display);
  });

  it('every conversion factor is what UCUM computes (mass ↔ substance through the molar mass)', () => {
    let checked = 0;
    for (const lab of quantitative) {
      for (const unit of lab.units ?? []) {
        const expected = libraryFactor(lab, unit);
        assert.equal(typeof expected, 'number', `${lab.key} ${unit.unit}: ${expected}`);
        const relative = Math.abs(unit.factor - (expected as number)) / (expected as number);
        assert.ok(relative < 0.002, `${lab.key} ${unit.unit}: factor ${unit.factor}, UCUM says ${expected}`);
        checked++;
      }
    }
    assert.ok(checked >= 90, `only ${checked} units checked`);
  });

  it('no two units of a lab share a spelling once normalized', () => {
    for (const lab of quantitative) {
      const seen = new Map<string, string>();
      for (const unit of lab.units ?? []) {
        for (const spelling of [unit.unit, ...(unit.aliases ?? [])]) {
          const key = normalizeUnit(spelling);
          const other = seen.get(key);
          assert.ok(other === undefined || other === unit.unit, `${lab.key}: ${spelling} is both ${other} and ${unit.unit}`);
          seen.set(key, unit.unit);
        }
      }
    }
  });

  it('reference and critical limits lie inside the plausible range', () => {
    for (const lab of quantitative) {
      const { low, high } = lab.plausible!;
      const limits = [...(lab.referenceRanges ?? []).flatMap((r) => [r.low, r.high]), lab.critical?.low, lab.critical?.high];
      for (const limit of limits) if (limit !== undefined) assert.ok(limit >= low && limit <= high, `${lab.key}: ${limit} outside ${low}–${high}`);
    }
  });
});
