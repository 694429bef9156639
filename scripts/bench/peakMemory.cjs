// Preloaded into a benchmarked command (`node -r ./scripts/bench/peakMemory.cjs …`): when the
// process exits it writes its peak resident memory (worker threads included) to the file named
// by CASEWRIGHT_BENCH_PEAK_FILE, so the benchmark needs no platform tool to measure it.
const { writeFileSync } = require('node:fs');

const file = process.env.CASEWRIGHT_BENCH_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
