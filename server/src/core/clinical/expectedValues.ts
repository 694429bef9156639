// Values a rule compares a lab with that depend on the rest of the panel: what a healthy
// kidney's erythropoietin would be for this hemoglobin. Each carries its source.
import type { PanelReading } from './panelAnalysis';

export type ExpectedValueId = 'epo-for-hemoglobin';

export interface ExpectedValue {
  /** The expected value for this panel, or undefined when the panel lacks its inputs. */
  value(reading: PanelReading): number | undefined;
  /** The observed value as a share of the expected one, in words. */
  describe(observed: number, expected: number, reading: PanelReading): string;
  source: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Beguin's regression in anemic patients with a normal marrow response: log10 EPO ≈ 3.05 −
 * 0.131 × Hb (g/dL), so an anemic patient's EPO is judged against the hemoglobin, not the
 * adult reference range (which is for people without anemia).
 */
const EPO_FOR_HEMOGLOBIN: ExpectedValue = {
  value: (reading) => {
    const hemoglobin = reading.labs.get('hemoglobin')?.value;
    return hemoglobin === undefined ? undefined : 10 ** (3.05 - 0.131 * hemoglobin);
  },
  describe: (observed, expected, reading) =>
    `${round1(observed / expected)} × the ${Math.round(expected)} mIU/mL expected for hemoglobin ${round1(reading.labs.get('hemoglobin')!.value!)} g/dL`,
  source: 'Beguin Y, Clemons GK, Pootrakul P, Fillet G. Reassessment of the use of serum erythropoietin determinations in anemic patients. Blood 1993;81:1067-1076.',
};

export const EXPECTED_VALUES: Record<ExpectedValueId, ExpectedValue> = {
  'epo-for-hemoglobin': EPO_FOR_HEMOGLOBIN,
};
