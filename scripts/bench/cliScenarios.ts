// The CLI's benchmarks: `casewright check` against the floor on a realistic bank, and how its
// time and peak memory grow from 1,000 to 100,000 cases. Used by bench.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import { generateBank } from './generateBank';
import { stats } from './lspClient';
import type { StageCosts } from './stageCosts';

const REPO = path.resolve(__dirname, '..', '..');
const PEAK_PRELOAD = path.join(__dirname, 'peakMemory.cjs');

export interface Run {
  ms: number;
  /** CPU time (user + system, all threads) in milliseconds: what a busy machine does not inflate. */
  cpuMs: number;
  /** Peak resident memory in bytes. */
  peak: number;
}

/** Runs a node script to the end and measures wall time and peak memory. */
export function run(args: string[], work: string, env: NodeJS.ProcessEnv = {}): Run {
  const peakFile = path.join(work, 'peak.txt');
  rmSync(peakFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', PEAK_PRELOAD, ...args], { cwd: REPO, stdio: 'ignore', env: { ...process.env, ...env, CASEWRIGHT_BENCH_PEAK_FILE: peakFile } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  const [peak, cpuMicros] = readFileSync(peakFile, 'utf8').split(' ').map(Number);
  return { ms, cpuMs: cpuMicros / 1000, peak };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** `check` against the floor on one realistic bank, several runs each, interleaved. */
export function checkVersusFloor(work: string, count: number, runs: number, out: (line?: string) => void): void {
  const bank = path.join(work, 'bank');
  generateBank(bank, count);
  const floor: Run[] = [];
  const check: Run[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(run(['scripts/bench/floor.mjs', bank], work));
    check.push(run(['dist/cli.js', 'check', bank, '--format', 'json'], work));
  }
  const f = stats(floor.map((r) => r.ms)).median;
  const c = stats(check.map((r) => r.ms)).median;
  const fCpu = stats(floor.map((r) => r.cpuMs)).median;
  const cCpu = stats(check.map((r) => r.cpuMs)).median;
  out(`## 1. casewright check on ${count.toLocaleString('en')} realistic cases`);
  out();
  out('The bank is built by `scripts/bench/generateBank.ts` from the samples and the tuning vignettes,');
  out('written in several authors\' styles (aliases and SI units, aligned values, comments, Windows line');
  out('ends), a third with longer histories and a third with more serial panels.');
  out();
  out(`| | wall-clock, median of ${runs} runs (ms) | CPU time, median (ms) |`);
  out('|---|---|---|');
  out(`| floor (read, split, match, one ajv validation per file) | ${f.toFixed(0)} | ${fCpu.toFixed(0)} |`);
  out(`| casewright check --format json | ${c.toFixed(0)} | ${cCpu.toFixed(0)} |`);
  out(`| **ratio** (target ≤ 1.5) | **${(c / f).toFixed(2)}×** | **${(cCpu / fCpu).toFixed(2)}×** |`);
  out();
  out(`Load average when the runs ended: ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores (CPU time holds on a busy machine; wall-clock does not).`);
  out();
  rmSync(bank, { recursive: true, force: true });
}

/** How `check` grows: one run per size (the largest is slow on a small machine). */
export function checkScaling(work: string, sizes: number[], out: (line?: string) => void): void {
  const rows: string[] = [];
  let first: { count: number; run: Run } | undefined;
  for (const count of sizes) {
    const bank = path.join(work, `scale-${count}`);
    generateBank(bank, count, 13);
    const floor = run(['scripts/bench/floor.mjs', bank], work);
    const check = run(['dist/cli.js', 'check', bank, '--format', 'json'], work);
    first ??= { count, run: check };
    const perCase = check.ms / count;
    const growth = (check.ms / first.run.ms) / (count / first.count);
    rows.push(`| ${count.toLocaleString('en')} | ${(check.ms / 1000).toFixed(2)} s | ${(check.cpuMs / 1000).toFixed(2)} s | ${(perCase * 1000).toFixed(0)} µs | ${growth.toFixed(2)} | ${mib(check.peak)} | ${(floor.ms / 1000).toFixed(2)} s | ${(floor.cpuMs / 1000).toFixed(2)} s | ${(check.ms / floor.ms).toFixed(2)}× | ${(check.cpuMs / floor.cpuMs).toFixed(2)}× |`);
    rmSync(bank, { recursive: true, force: true });
  }
  const cores = availableParallelism();
  out('## 1b. How check grows with the bank');
  out();
  out('One run per size, `check --format json` (the JSON report of the whole bank is written too).');
  out('Time per case should stay flat (growth 1.00 = linear); memory grows with the report, not with');
  out('the analyses, which a lean bank does not keep.');
  out();
  out('| cases | check | check CPU | per case | growth vs linear | peak memory | floor | floor CPU | ratio | CPU ratio |');
  out('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) out(row);
  out();
  out(`This machine has ${cores} core${cores === 1 ? '' : 's'}: check ran on ${cores >= 4 ? `${Math.min(cores, 4)} threads` : 'one thread'}. Threads`);
  out('(`CASEWRIGHT_THREADS`) are used by default only with 4 or more cores: on 2 vCPUs a second thread');
  out('does not shorten a 3,000-case check (each thread warms up its own compiled code), shortens a');
  out('10,000-case one by up to ~18 % on a quiet machine, and costs 25–40 % more CPU (measured in the history).');
  out();
}

/**
 * Where check's time goes per case (stageCosts.ts, in its own process): each stage of the
 * analysis in microseconds, warm and in memory, beside the floor's split and match.
 */
export function stageBreakdown(count: number, out: (line?: string) => void): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/stageCosts.ts', String(count)], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`stageCosts.ts exited ${result.status}: ${result.stderr}`);
  const costs = JSON.parse(result.stdout) as StageCosts;
  const total = costs.stages.reduce((sum, stage) => sum + stage.micros, 0);
  out(`## 1c. Where check's time goes on each case (${costs.cases.toLocaleString('en')} cases, warm, in memory)`);
  out();
  out('The bank\'s texts are held in memory and analysed four times; the last pass is timed stage by');
  out('stage (file reading, the bank\'s link checks and the report are not in it). The floor\'s split and');
  out('match of the same texts is timed in the same loop.');
  out();
  out('| stage | µs per case | share of the analysis |');
  out('|---|---|---|');
  for (const stage of costs.stages) out(`| ${stage.name} | ${stage.micros.toFixed(1)} | ${((100 * stage.micros) / total).toFixed(0)} % |`);
  out(`| **the analysis in all** | **${total.toFixed(1)}** | 100 % |`);
  out(`| floor: split, match and keep the header (ajv excluded) | ${costs.floorSplitMatch.toFixed(1)} | |`);
  out();
}
