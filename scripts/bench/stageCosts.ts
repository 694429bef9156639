// Where `casewright check` spends its time on each case, beside what the floor does per case:
// the bank's texts, made in memory as generateBank.ts makes them (no file is written or read),
// are analysed a few times so that the code is warm, and the last pass is timed stage by stage
// through analyzeCase's `stageEnded`.
// Run by bench.ts in its own process: `node --import tsx scripts/bench/stageCosts.ts COUNT`.
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { realisticCases } from './generateBank';

/** The floor's own work on a text once read (floor.mjs): split it, match each line, keep the header. */
const FIELD = /^([A-Za-z0-9][A-Za-z0-9.\-]*)[ \t]*:(.*)$/;

export interface StageCosts {
  cases: number;
  /** Microseconds per case for the floor's split and match of the text (its ajv call excluded). */
  floorSplitMatch: number;
  /** Microseconds per case for each stage of the analysis, in their order. */
  stages: { name: string; micros: number }[];
}

function measure(count: number, passes = 4): StageCosts {
  const texts = [...realisticCases(count)].map((generated) => generated.text);
  const totals = new Map<string, number>();
  let floorMs = 0;
  let last = 0;
  const stageEnded = (stage: string) => {
    const now = performance.now();
    totals.set(stage, (totals.get(stage) ?? 0) + now - last);
    last = now;
  };
  for (let pass = 0; pass < passes; pass++) {
    totals.clear();
    floorMs = 0;
    let fields = 0;
    for (const text of texts) {
      const started = performance.now();
      const header: Record<string, string> = {};
      for (const line of text.split(/\r?\n/)) {
        const match = FIELD.exec(line);
        if (!match) continue;
        fields++;
        if (!(match[1] in header)) header[match[1].toLowerCase()] = match[2].trim();
      }
      last = performance.now();
      floorMs += last - started;
      analyzeCase(text, { stageEnded });
    }
    if (fields === 0) throw new Error('the generated cases have no fields');
  }
  const perCase = (ms: number) => (1000 * ms) / texts.length;
  return {
    cases: texts.length,
    floorSplitMatch: perCase(floorMs),
    stages: [...totals].map(([name, ms]) => ({ name, micros: perCase(ms) })),
  };
}

if (require.main === module) console.log(JSON.stringify(measure(Number(process.argv[2]))));
