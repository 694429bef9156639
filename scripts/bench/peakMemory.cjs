// Preloaded into a benchmarked command (`node -r ./scripts/bench/peakMemory.cjs …`): when the
// process exits it writes its peak resident memory (worker threads included) and the CPU time
// it used (user + system, all threads) to the file named by CASEWRIGHT_BENCH_PEAK_FILE, so the
// benchmark needs no platform tool to measure them. CPU time is the figure that holds on a busy
// machine: wall-clock there includes the time a run waits for a core.
const { writeFileSync } = require('node:fs');

const file = process.env.CASEWRIGHT_BENCH_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes; the CPU times are in microseconds.
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS * 1024} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}
