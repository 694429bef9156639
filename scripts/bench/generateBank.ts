// A realistic bank of N cases, several folders deep, made from the samples with new ids,
// perturbed numbers and see-also links between them. Deterministic for a given N and seed.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');

const KEEP = new Set(['hemoglobin', 'hematocrit', 'rbc', 'mcv', 'mch', 'mchc', 'iron', 'tibc', 'transferrin-saturation', 'wbc', 'neutrophils', 'anc',
  'bilirubin-total', 'bilirubin-direct', 'bilirubin-indirect', 'cellularity']);

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generateBank(folder: string, count: number, seed = 7): string[] {
  rmSync(folder, { recursive: true, force: true });
  const templates = readdirSync(SAMPLES).filter((f) => f.endsWith('.case')).map((f) => readFileSync(path.join(SAMPLES, f), 'utf8'));
  const random = rng(seed);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length];
    const id = `gen-${String(i).padStart(5, '0')}`;
    const link = `gen-${String(Math.floor(random() * count)).padStart(5, '0')}`;
    const text = template
      .replace(/^case: .*$/m, `case: ${id}`)
      .replace(/^see-also: .*$/m, `see-also: ${link}`)
      // Perturb lab numbers by up to ±3 % so no two cases are identical; values that other
      // values recalculate (MCV from Hct/RBC, …) stay as they are, so the bank stays consistent.
      .replace(/^([a-z][a-z0-9-]*: )(\d+(?:\.\d+)?)( .*)$/gm, (line: string, key: string, n: string, rest: string) => {
        if (KEEP.has(key.slice(0, -2))) return line;
        const value = Number(n) * (0.97 + random() * 0.06);
        const decimals = n.includes('.') ? n.split('.')[1].length : 0;
        return `${key}${value.toFixed(decimals)}${rest}`;
      });
    const sub = path.join(folder, `course-${i % 5}`, `unit-${i % 7}`, `week-${i % 3}`);
    mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `${id}.case`);
    writeFileSync(file, text);
    files.push(file);
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
