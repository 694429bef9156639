/** On a checking thread's command line (parallelCheck.ts): the bundle runs as a worker, and the launcher leaves V8's flags alone. */
export const WORKER_FLAG = '--casewright-check-worker';
