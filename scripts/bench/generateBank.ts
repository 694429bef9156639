// A realistic bank of N cases for the benchmarks, several folders deep. Each case starts from a
// seed (the samples and the tuning vignettes: cases written by people, with long prose, serial
// panels, smear and marrow, SI units, aliases), gets a new id, perturbed numbers and a see-also
// link, and is then written the way one of several authors would write it: some add serial
// panels or long histories, some use aliases and SI units, align their values, comment their
// panels, or save with Windows line ends. Deterministic for a given N and seed.
//
// Exported for every benchmark (the CLI's here, the language server's in their own files):
// `generateBank(folder, count, seed)` writes the bank, `realisticCases(count, seed)` yields the
// texts without touching the disk.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
/**
 * Where the seeds come from. The held-out vignettes are left out on purpose: they judge the
 * mechanism rules, and nothing else should be shaped on them.
 */
export const SEED_FOLDERS = [path.join(REPO, 'samples'), path.join(REPO, 'test', 'fixtures', 'vignettes', 'tuning')];

/** Values that other values recalculate (MCV from Hct and RBC, …): not perturbed, so the bank stays consistent. */
const KEEP = new Set(['hemoglobin', 'hb', 'hgb', 'hematocrit', 'hct', 'rbc', 'mcv', 'mch', 'mchc', 'iron', 'tibc', 'transferrin-saturation', 'tsat',
  'wbc', 'neutrophils', 'anc', 'bilirubin-total', 'bilirubin-direct', 'bilirubin-indirect', 'tbili', 'dbili', 'ibili', 'cellularity']);

/** Short names some authors prefer (all aliases of schemas/labs.json). */
const ALIASES: Record<string, string> = {
  hemoglobin: 'hb', hematocrit: 'hct', platelets: 'plt', reticulocytes: 'retic', haptoglobin: 'hapto',
  'bilirubin-total': 'tbili', 'bilirubin-direct': 'dbili', 'bilirubin-indirect': 'ibili', 'transferrin-saturation': 'tsat', wbc: 'leukocytes',
};

/** Labs that drift from panel to panel in a serial case, with how far they move per step. */
const SERIAL_DRIFT: Record<string, number> = { hemoglobin: 0.06, hb: 0.06, reticulocytes: 0.25, retic: 0.25, platelets: 0.15, plt: 0.15, ldh: 0.12, wbc: 0.08 };

export type Random = () => number;

export function rng(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function readSeeds(): string[] {
  const seeds: string[] = [];
  for (const folder of SEED_FOLDERS) {
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.case')).sort()) seeds.push(readFileSync(path.join(folder, name), 'utf8').replace(/\r\n?/g, '\n'));
  }
  return seeds;
}

/** Sentences from every seed's prose sections, for authors who write long histories. */
function prosePool(seeds: string[]): string[] {
  const pool: string[] = [];
  for (const seed of seeds) {
    for (const [, body] of seed.matchAll(/^\[(?:history|exam|course)\]\n([\s\S]*?)(?=\n\[|(?![\s\S]))/gm)) {
      for (const sentence of body.replace(/\n(?!\n)/g, ' ').split(/(?<=\.)\s+/)) if (sentence.length > 30 && !sentence.startsWith('#')) pool.push(sentence.trim());
    }
  }
  return pool;
}

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];
const decimalsOf = (n: string) => (n.includes('.') ? n.split('.')[1].length : 0);

function perturb(text: string, random: Random): string {
  // Up to ±3 %, so no two cases are the same.
  return text.replace(/^([a-z][a-z0-9-]*:[ \t]*)(\d+(?:\.\d+)?)( .*)$/gm, (line: string, key: string, n: string, rest: string) => {
    if (KEEP.has(key.replace(/:[ \t]*$/, ''))) return line;
    return `${key}${(Number(n) * (0.97 + random() * 0.06)).toFixed(decimalsOf(n))}${rest}`;
  });
}

/** Long prose: a few to a dozen more sentences in the history and the course. */
function lengthenProse(text: string, pool: string[], random: Random): string {
  return text.replace(/^\[(history|course)\]\n/gm, (header) => {
    const sentences = Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(pool, random));
    // Wrapped at about 90 characters, as an editor would.
    const lines: string[] = [];
    let line = '';
    for (const word of sentences.join(' ').split(' ')) {
      if (line && line.length + word.length > 90) { lines.push(line); line = ''; }
      line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return `${header}${lines.join('\n')}\n`;
  });
}

/** Serial panels: the first labs panel again on later days, the drifting labs moved. */
function addSerialPanels(text: string, random: Random): string {
  const first = /^\[labs\]\n([\s\S]*?)(?=\n\[|(?![\s\S]))/m.exec(text);
  if (!first) return text;
  const lines = first[1].split('\n').filter((l) => /^[a-z][a-z0-9-]*:/.test(l));
  const panels: string[] = [];
  let day = 0;
  for (let p = 0; p < 1 + Math.floor(random() * 4); p++) {
    day += 1 + Math.floor(random() * 10);
    const body = lines
      .filter((l) => SERIAL_DRIFT[l.slice(0, l.indexOf(':'))] !== undefined)
      .map((l) => l.replace(/^([a-z0-9-]+:\s*)(\d+(?:\.\d+)?)/, (_m, key: string, n: string) => {
        const drift = SERIAL_DRIFT[key.replace(/:\s*$/, '')] ?? 0;
        return `${key}${(Number(n) * (1 + (random() - 0.3) * drift * (p + 1))).toFixed(decimalsOf(n))}`;
      }));
    if (body.length) panels.push(`[labs: week ${day}]\n${body.join('\n')}\n`);
  }
  const end = first.index + first[0].length;
  return `${text.slice(0, end)}\n\n${panels.join('\n')}${text.slice(end).replace(/^\n+/, '\n')}`;
}

/** The ways authors write the same case. */
const STYLES: Record<string, (text: string, random: Random) => string> = {
  plain: (text) => text,
  // Short lab names, and SI units for hemoglobin and hematocrit (exact conversions).
  terse: (text) => text
    .replace(/^hemoglobin:(\s*)(\d+(?:\.\d+)?) g\/dL/gm, (_m, space: string, n: string) => `hemoglobin:${space}${(Number(n) * 10).toFixed(Math.max(0, decimalsOf(n) - 1))} g/L`)
    .replace(/^hematocrit:(\s*)(\d+(?:\.\d+)?) %/gm, (_m, space: string, n: string) => `hematocrit:${space}${(Number(n) / 100).toFixed(decimalsOf(n) + 2)} L/L`)
    .replace(/^([a-z][a-z0-9-]*):/gm, (line, key: string) => (ALIASES[key] ? `${ALIASES[key]}:` : line)),
  // Values lined up in one column, section names capitalised.
  aligned: (text) => text
    .replace(/^([a-z][a-z0-9-]*):[ \t]*/gm, (_m, key: string) => `${key}:${' '.repeat(Math.max(1, 24 - key.length))}`)
    .replace(/^\[([a-z])/gm, (_m, c: string) => `[${c.toUpperCase()}`),
  // A comment before each labs panel and after some values.
  commented: (text, random) => text
    .replace(/^\[labs([^\]]*)\]\n/gm, (header) => `# Drawn in the morning, before any treatment change.\n${header}`)
    .replace(/^([a-z][a-z0-9-]*: \d[^\n#]*)$/gm, (line) => (random() < 0.15 ? `${line}\n# repeated: same result` : line)),
  // Windows line ends and tab-indented continuation lines.
  windows: (text) => text.replace(/\n {2,}(?=\S)/g, '\n\t').replace(/\n/g, '\r\n'),
};
const STYLE_NAMES = Object.keys(STYLES);

/** The case texts of a bank, with the id each file gets; nothing is written. */
export function* realisticCases(count: number, seed = 7): Generator<{ id: string; text: string; style: string }> {
  const seeds = readSeeds();
  const pool = prosePool(seeds);
  const random = rng(seed);
  for (let i = 0; i < count; i++) {
    const id = `gen-${String(i).padStart(5, '0')}`;
    const link = `gen-${String(Math.floor(random() * count)).padStart(5, '0')}`;
    let text = seeds[i % seeds.length]
      .replace(/^case: .*$/m, `case: ${id}`)
      .replace(/^see-also: .*$/m, `see-also: ${link}`);
    if (!/^see-also:/m.test(text)) text = text.replace(/^(title: .*)$/m, `$1\nsee-also: ${link}`);
    text = perturb(text, random);
    if (random() < 0.35) text = lengthenProse(text, pool, random);
    if (random() < 0.3) text = addSerialPanels(text, random);
    const style = STYLE_NAMES[Math.floor(random() * STYLE_NAMES.length)];
    yield { id, text: STYLES[style](text, random), style };
  }
}

/** Writes a bank of `count` cases under `folder` (emptied first); returns the files, in order. */
export function generateBank(folder: string, count: number, seed = 7): string[] {
  rmSync(folder, { recursive: true, force: true });
  const files: string[] = [];
  let i = 0;
  for (const { id, text } of realisticCases(count, seed)) {
    const sub = path.join(folder, `course-${i % 5}`, `unit-${i % 7}`, `week-${i % 3}`);
    if (i < 5 * 7 * 3) mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `${id}.case`);
    writeFileSync(file, text);
    files.push(file);
    i++;
  }
  return files;
}

/** One long case (about `lines` lines) for editor latency: many serial panels. */
export function longCase(lines: number): string {
  const head = 'case: long-01\ntitle: A very long serial case\n\n[patient]\nage: 40 y\nsex: female\n\n[history]\nFollowed for years.\n';
  const out = [head];
  let count = head.split('\n').length;
  for (let day = 1; count < lines; day++) {
    const panel = `\n[labs: day ${day}]\nhemoglobin: ${(8 + (day % 40) / 10).toFixed(1)} g/dL\nhematocrit: ${24 + (day % 12)} %\nreticulocytes: ${(1 + (day % 9) / 2).toFixed(1)} %\nldh: ${200 + (day % 300)} U/L\nhaptoglobin: ${60 + (day % 90)} mg/dL\nplatelets: ${150 + (day % 200)} 10^9/L\n`;
    out.push(panel);
    count += panel.split('\n').length - 1;
  }
  out.push('\n[answer]\nmechanism: ineffective-hematopoiesis\n');
  return out.join('');
}
