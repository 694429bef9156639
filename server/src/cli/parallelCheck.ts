// Checking a large bank on two or more cores. The main thread starts worker threads, then
// analyses files itself while they load; every thread takes the next few files from one shared
// counter, so a worker still loading (it compiles and warms the same code again) simply takes
// fewer. Workers hand back only what a lean bank keeps (diagnostics, id, links); the main thread
// adds every file to the bank in the files' order, then runs the bank-wide checks once. Same
// engine, same results as one thread.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { getCaseService, type CasewrightConfig, type CaseDiagnostic, type HeldDocument, type LeanCaseBank } from '../core';
import { readFile, readHeld } from './readIntoBank';
import { resourceExists } from '../node/resourceExists';
import { WORKER_FLAG } from './workerFlag';

/** Below this many files one thread is faster than starting workers. */
const PARALLEL_THRESHOLD = 400;
/** Files a thread takes from the shared counter at a time: few enough to end together. */
const CHUNK = 8;

interface WorkerInput {
  files: string[];
  config: CasewrightConfig;
  /** One Int32: the index of the next file no thread has taken. */
  next: SharedArrayBuffer;
}

/** A file a worker analysed: its index in the files, what the bank holds, its file problems. */
type WorkerResult = [index: number, held: HeldDocument | undefined, problems: CaseDiagnostic[]];

/**
 * The threads `check` uses: CASEWRIGHT_THREADS when set (1 = none), else one per core up to 4,
 * from 4 cores on. Two cores stay on one thread: measured on a 2-vCPU VM, a second thread
 * running beside the first made each analyse at well under full speed (two single-threaded
 * checks run side by side took 25-40 % more CPU each, plain arithmetic none: the analysis is
 * bound by memory traffic), so 3,000 cases cost ~40 % more CPU for no stable gain in wall time
 * (docs/performance.md).
 */
export function checkThreads(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const requested = Number(env.CASEWRIGHT_THREADS);
  if (Number.isInteger(requested) && requested > 0) return requested;
  return cores >= 4 ? Math.min(cores, 4) : 1;
}

/** Reads and analyses files into `bank`, with worker threads when that pays. */
export async function analyzeFiles(files: string[], bank: LeanCaseBank, config: CasewrightConfig, progress: (done: number) => void): Promise<Map<string, CaseDiagnostic[]>> {
  const problems = new Map<string, CaseDiagnostic[]>();
  const threads = checkThreads();
  // Workers run the built command (dist/cli.js); from the TypeScript sources (tests) one thread does it all.
  if (files.length < PARALLEL_THRESHOLD || threads < 2 || !__filename.endsWith('.js')) {
    files.forEach((file, i) => {
      const outcome = readFile(file, bank);
      if (outcome.problems.length) problems.set(file, outcome.problems);
      progress(i + 1);
    });
    return problems;
  }
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const workers = Array.from({ length: threads - 1 }, () => runWorker({ files, config, next }));
  // The main thread's share, held back until every file is analysed: the bank takes them in order.
  const held: (HeldDocument | undefined)[] = new Array(files.length);
  takeAndAnalyse(files, counter, bank, (i, outcome) => {
    held[i] = outcome.held;
    if (outcome.problems.length) problems.set(files[i], outcome.problems);
  }, () => progress(Math.min(Atomics.load(counter, 0), files.length)));
  for (const results of await Promise.all(workers)) {
    for (const [index, document, fileProblems] of results) {
      held[index] = document;
      if (fileProblems.length) problems.set(files[index], fileProblems);
    }
  }
  files.forEach((file, i) => {
    const document = held[i];
    if (document) bank.adopt(file, document);
  });
  return problems;
}

/**
 * Takes CHUNK files at a time from the shared counter until none are left, and analyses each
 * (the main thread and every worker run this same loop).
 */
function takeAndAnalyse(files: readonly string[], counter: Int32Array, bank: LeanCaseBank,
  record: (index: number, outcome: ReturnType<typeof readHeld>) => void, afterChunk?: () => void): void {
  for (let start = Atomics.add(counter, 0, CHUNK); start < files.length; start = Atomics.add(counter, 0, CHUNK)) {
    for (let i = start; i < Math.min(start + CHUNK, files.length); i++) record(i, readHeld(files[i], bank));
    afterChunk?.();
  }
}

function runWorker(input: WorkerInput): Promise<WorkerResult[]> {
  const { Worker } = require('node:worker_threads') as typeof WorkerThreads;
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'cli.js'), { workerData: input, argv: [WORKER_FLAG] });
    worker.once('message', resolve);
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`a checking thread stopped (exit ${code})`)); });
  });
}

/**
 * In a worker: analyse files from the shared counter until none are left, and post the results
 * back at once. The flag on the command line spares every other run of the CLI from loading
 * node:worker_threads (~5 ms at start) just to learn that it is the main thread.
 */
export function runAsWorkerIfAsked(): boolean {
  if (!process.argv.includes(WORKER_FLAG)) return false;
  const { isMainThread, parentPort, workerData } = require('node:worker_threads') as typeof WorkerThreads;
  const input = workerData as WorkerInput | undefined;
  if (isMainThread || !input?.next) return false;
  const bank = getCaseService().createLeanBank(input.config, resourceExists);
  const counter = new Int32Array(input.next);
  const results: WorkerResult[] = [];
  takeAndAnalyse(input.files, counter, bank, (i, outcome) => results.push([i, outcome.held, outcome.problems]));
  parentPort!.postMessage(results);
  return true;
}
