// Checking a large bank on every core: worker threads read and analyse slices of the files
// with the same core and configuration, and hand back what a lean bank keeps (diagnostics,
// id, links); the main thread then runs the bank-wide checks once. Same engine, same results.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { getCaseService, type CasewrightConfig, type CaseDiagnostic, type HeldDocument, type LeanCaseBank } from '../core';
import { readFile, type FileOutcome } from './readIntoBank';
import { resourceExists } from '../node/resourceExists';

/** Below this many files one thread is faster than starting workers. */
const PARALLEL_THRESHOLD = 400;

interface WorkerInput {
  casewrightWorker: true;
  files: string[];
  config: CasewrightConfig;
}

export interface HeldResult {
  file: string;
  held?: HeldDocument;
  problems: CaseDiagnostic[];
}

/** Reads and analyses files into `bank`, on worker threads when that pays. */
export async function analyzeFiles(files: string[], bank: LeanCaseBank, config: CasewrightConfig, progress: (done: number) => void): Promise<Map<string, CaseDiagnostic[]>> {
  const problems = new Map<string, CaseDiagnostic[]>();
  // CASEWRIGHT_THREADS sets the threads (1 = none). By default threads are used only on
  // machines with four or more cores: measured on a 2-vCPU VM, two workers contend for the
  // same core's caches and check a 3,000-case bank slower than one thread (docs/performance.md).
  const requested = Number(process.env.CASEWRIGHT_THREADS);
  const cores = availableParallelism();
  const threads = Number.isInteger(requested) && requested > 0 ? requested : cores >= 4 ? Math.min(cores, 4) : 1;
  if (files.length < PARALLEL_THRESHOLD || threads < 2 || !__filename.endsWith('cli.js')) {
    files.forEach((file, i) => {
      const outcome = readFile(file, bank);
      if (outcome.problems.length) problems.set(file, outcome.problems);
      progress(i + 1);
    });
    return problems;
  }
  const slices: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((file, i) => slices[i % threads].push(file));
  let done = 0;
  const results = await Promise.all(slices.map((slice) => runWorker({ casewrightWorker: true, files: slice, config }, (n) => progress((done += n)))));
  for (const result of results.flat()) {
    if (result.held) bank.adopt(result.file, result.held);
    if (result.problems.length) problems.set(result.file, result.problems);
  }
  return problems;
}

function runWorker(input: WorkerInput, onProgress: (n: number) => void): Promise<HeldResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: input });
    worker.on('message', (message: { progress?: number; results?: HeldResult[] }) => {
      if (message.progress) onProgress(message.progress);
      if (message.results) resolve(message.results);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`a checking thread stopped (exit ${code})`)); });
  });
}

/** In a worker: analyse the slice and post the results back. */
export function runAsWorkerIfAsked(): boolean {
  const input = workerData as WorkerInput | undefined;
  if (isMainThread || !input?.casewrightWorker) return false;
  const bank = getCaseService().createLeanBank(input.config, resourceExists);
  const results: HeldResult[] = [];
  let sinceReport = 0;
  for (const file of input.files) {
    const outcome: FileOutcome = readFile(file, bank);
    results.push({ file, held: bank.held(file), problems: outcome.problems });
    if (++sinceReport === 50) {
      parentPort!.postMessage({ progress: sinceReport });
      sinceReport = 0;
    }
  }
  parentPort!.postMessage({ progress: sinceReport, results });
  return true;
}
