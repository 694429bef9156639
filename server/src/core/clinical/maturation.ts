// The RPI's maturation table (schemas/maturation.json), chosen and overridden by casewright.json.
import maturationJson from '../../../../schemas/maturation.json';
import type { CasewrightConfig } from '../config/config';

export interface MaturationBand {
  minHematocrit: number;
  days: number;
}

export interface MaturationTable {
  id: string;
  name: string;
  source: string;
  /** Highest hematocrit first. */
  bands: MaturationBand[];
}

export interface ChosenBand extends MaturationBand {
  /** Exclusive upper hematocrit of the band, when there is a band above it. */
  maxHematocrit?: number;
}

const file = maturationJson as { default: string; tables: MaturationTable[] };

export const MATURATION_TABLES: readonly MaturationTable[] = file.tables;

export function defaultMaturationTable(): MaturationTable {
  return file.tables.find((t) => t.id === file.default) ?? file.tables[0];
}

/** The table a bank uses: the configured one (or the default), with configured bands if any. */
export function maturationTableFor(config: CasewrightConfig): { table: MaturationTable; problem?: string } {
  const wanted = config.maturation?.table;
  const base = wanted ? file.tables.find((t) => t.id === wanted) : defaultMaturationTable();
  if (!base) {
    return { table: defaultMaturationTable(), problem: `unknown maturation table '${wanted}'; known: ${file.tables.map((t) => t.id).join(', ')}` };
  }
  const bands = config.maturation?.bands;
  if (!bands?.length) return { table: base };
  return {
    table: {
      id: `${base.id}+custom`,
      name: `${base.name}, with the bands set in casewright.json`,
      source: 'casewright.json (course setting)',
      bands: [...bands].sort((a, b) => b.minHematocrit - a.minHematocrit),
    },
  };
}

/** The band holding a hematocrit; below the lowest band's start the lowest band applies. */
export function bandFor(table: MaturationTable, hematocrit: number): ChosenBand {
  const bands = chosenBands(table);
  for (const band of bands) if (hematocrit >= band.minHematocrit) return band;
  return bands[bands.length - 1];
}

/**
 * The one way a band is worded, in hovers, hints, explain and the preview:
 * `2.0 days (hematocrit 16 to < 26 %)`; the top band is `≥ 36 %`, the lowest `< 16 %`.
 */
export function maturationText(band: ChosenBand): string {
  const hematocrit = band.maxHematocrit === undefined ? `≥ ${band.minHematocrit}`
    : band.minHematocrit <= 0 ? `< ${band.maxHematocrit}`
      : `${band.minHematocrit} to < ${band.maxHematocrit}`;
  return `${band.days.toFixed(1)} days (hematocrit ${hematocrit} %)`;
}

/** Each table's bands with their upper bounds, worked out once and shared (read-only). */
const bandsByTable = new WeakMap<MaturationTable, readonly ChosenBand[]>();

function chosenBands(table: MaturationTable): readonly ChosenBand[] {
  let bands = bandsByTable.get(table);
  if (!bands) {
    bands = table.bands.map((band, i) => Object.freeze(i === 0 ? { ...band } : { ...band, maxHematocrit: table.bands[i - 1].minHematocrit }));
    bandsByTable.set(table, bands);
  }
  return bands;
}
