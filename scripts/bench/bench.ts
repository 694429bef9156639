// `npm run bench`: Casewright's speed, each figure a ratio measured side by side in one run,
// written to docs/performance.md with the machine noted.
//  1. `casewright check` on 3,000 realistic cases against the floor (read, split, match, one ajv
//     per file), and how its time and peak memory grow at 1,000, 10,000 and 100,000 cases
//     (cliScenarios.ts; `--no-large` skips the 100,000).
//  2. Edit-to-diagnostics latency on a 5,000-line case over stdio, against yaml-language-server
//     validating the same content as YAML against an equivalent JSON schema.
//  3. Hover and completion latency on that document.
//  4. Server memory with a 10,000-case workspace, and the re-check after one file changes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkScaling, checkVersusFloor } from './cliScenarios';
import { generateBank, longCase } from './generateBank';
import { serverScale } from './serverScale';
import { stats, TimingClient } from './lspClient';
import { caseToYaml, YAML_SCHEMA } from './yamlEquivalent';

const REPO = path.resolve(__dirname, '..', '..');
const SERVER = path.join(REPO, 'dist', 'server.js');
const quick = process.argv.includes('--quick');
/** `--only server`: run one part while working on it (nothing is written to docs/). */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const work = mkdtempSync(path.join(tmpdir(), 'casewright-bench-'));
const lines: string[] = [];
const out = (s = '') => { console.log(s); lines.push(s); };

async function editLatency(): Promise<void> {
  const caseText = longCase(5000);
  const caseFile = path.join(work, 'long.case');
  writeFileSync(caseFile, caseText);
  const yamlText = caseToYaml(caseText);
  const yamlFile = path.join(work, 'long.yaml');
  const schemaFile = path.join(work, 'long.schema.json');
  writeFileSync(yamlFile, yamlText);
  writeFileSync(schemaFile, JSON.stringify(YAML_SCHEMA));
  const edits = quick ? 15 : 50;

  const casewright = new TimingClient(process.execPath, [SERVER, '--stdio'], () => ({ validate: { enable: true, delay: 0 } }));
  await casewright.initialize(null);
  const ours = await measureEdits(casewright, pathToFileURL(caseFile).href, 'case', caseText, edits, (text, i) => text.replace(/hemoglobin: [\d.]+ g\/dL/, `hemoglobin: ${(7 + (i % 30) / 10).toFixed(1)} g/dL`));
  const hoverLine = caseText.split('\n').findIndex((l) => l.startsWith('reticulocytes:'));
  const hover = await measureRequests(casewright, 'textDocument/hover', () => ({ textDocument: { uri: pathToFileURL(caseFile).href }, position: { line: hoverLine, character: 3 } }), edits);
  const completionLine = caseText.split('\n').findIndex((l) => l.startsWith('ldh:'));
  const completion = await measureRequests(casewright, 'textDocument/completion', () => ({ textDocument: { uri: pathToFileURL(caseFile).href }, position: { line: completionLine, character: 2 } }), edits);
  await casewright.dispose();

  const yamlServer = path.join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const yamlSettings = { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: { [pathToFileURL(schemaFile).href]: ['*.yaml'] } };
  const yaml = new TimingClient(process.execPath, [yamlServer, '--stdio'], (section) => (section === 'yaml' ? yamlSettings : null));
  await yaml.initialize(null);
  await yaml.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  const theirs = await measureEdits(yaml, pathToFileURL(yamlFile).href, 'yaml', yamlText, edits, (text, i) => text.replace(/value: [\d.]+\n(\s+)unit: g\/dL/, (_m, indent: string) => `value: ${(7 + (i % 30) / 10).toFixed(1)}\n${indent}unit: g/dL`));
  await yaml.dispose();

  out(`## 2. Edit-to-diagnostics latency, ${caseText.split('\n').length}-line case, ${edits} edits over stdio`);
  out();
  out('| server | median (ms) | p95 (ms) |');
  out('|---|---|---|');
  out(`| Casewright (validation delay 0) | ${ours.median.toFixed(1)} | ${ours.p95.toFixed(1)} |`);
  out(`| yaml-language-server ${yamlServerVersion()}, same content as YAML with a JSON schema | ${theirs.median.toFixed(1)} | ${theirs.p95.toFixed(1)} |`);
  out(`| **ratio** (target < 1) | **${(ours.median / theirs.median).toFixed(2)}×** | ${(ours.p95 / theirs.p95).toFixed(2)}× |`);
  out();
  out(`## 3. Hover and completion latency on the same document (${edits} requests each)`);
  out();
  out('| request | median (ms) | p95 (ms) |');
  out('|---|---|---|');
  out(`| hover on reticulocytes | ${hover.median.toFixed(2)} | ${hover.p95.toFixed(2)} |`);
  out(`| completion of a lab name | ${completion.median.toFixed(2)} | ${completion.p95.toFixed(2)} |`);
  out();
}

async function measureEdits(client: TimingClient, uri: string, languageId: string, text: string, edits: number, edit: (text: string, i: number) => string) {
  const opened = client.diagnostics((p) => p.uri === uri);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  await opened;
  const samples: number[] = [];
  let current = text;
  for (let i = 0; i < edits; i++) {
    current = edit(current, i);
    const version = i + 2;
    const published = client.diagnostics((p) => p.uri === uri && (p.version === undefined || p.version === version));
    const started = process.hrtime.bigint();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: current }] });
    await published;
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return stats(samples);
}

async function measureRequests(client: TimingClient, method: string, params: () => unknown, count: number) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await client.connection.sendRequest(method, params());
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return stats(samples);
}

async function memoryAndRecheck(): Promise<void> {
  const count = quick ? 2000 : 10_000;
  const bank = path.join(work, 'big-bank');
  const files = generateBank(bank, count, 11);
  const client = new TimingClient(process.execPath, [SERVER, '--stdio'], () => ({ validate: { enable: true, delay: 0 } }));
  const started = Date.now();
  await client.initialize(pathToFileURL(bank).href);
  await client.bankStatus();
  const scan = Date.now() - started;
  const rss = client.rssMiB();
  // An open case links to another; renaming the other's id on disk must re-check the link.
  const open = files[0];
  const target = files[1];
  const targetId = path.basename(target, '.case');
  const openText = `case: bench-open-01\ntitle: Open\nsee-also: ${targetId}\n`;
  const openUri = pathToFileURL(open.replace(/\.case$/, '-open.case')).href;
  const first = client.diagnostics((p) => p.uri === openUri);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'case', version: 1, text: openText } });
  await first;
  const samples: number[] = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const renamed = i % 2 === 0;
    writeFileSync(target, `case: ${renamed ? `${targetId}-moved` : targetId}\ntitle: Target\n`);
    const published = client.diagnostics((p) => p.uri === openUri && p.diagnostics.some((d) => d.code === 'unknown-see-also') === renamed);
    const t0 = process.hrtime.bigint();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(target).href, type: 2 }] });
    await published;
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  await client.dispose();
  const recheck = stats(samples);
  out(`## 4. A ${count}-case workspace in the language server`);
  out();
  out('| | value |');
  out('|---|---|');
  out(`| initial scan (read and check every case) | ${scan} ms |`);
  out(`| server resident memory after the scan | ${rss.toFixed(0)} MiB |`);
  out(`| re-check after one file changes on disk (median of ${samples.length}) | ${recheck.median.toFixed(1)} ms |`);
  out(`| ratio re-check / full scan (target: far below 1, no whole-bank re-check) | ${(recheck.median / scan).toFixed(4)} |`);
  out();
}

async function main(): Promise<void> {
  mkdirSync(path.join(REPO, 'docs'), { recursive: true });
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  out('# Performance');
  out();
  out('<!-- Written by `npm run bench`; the figures below are from its last run. -->');
  out();
  out(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${quick ? ' (quick run)' : ''}.`);
  out();
  const sizes = quick ? [500, 2000] : process.argv.includes('--no-large') ? [1000, 10_000] : [1000, 10_000, 100_000];
  if (only === 'server') {
    await serverScale({ repo: REPO, work, quick, out, sizes });
    return;
  }
  checkVersusFloor(work, quick ? 600 : 3000, quick ? 3 : 7, out);
  checkScaling(work, sizes, out);
  await editLatency();
  await memoryAndRecheck();
  await serverScale({ repo: REPO, work, quick, out, sizes });
  if (!quick) writeFileSync(path.join(REPO, 'docs', 'performance.md'), `${lines.join('\n')}\n\n${HISTORY}`);
}

/** What profiling found and what each change bought (kept by hand; the tables above are generated). */
const HISTORY = `## What was profiled and changed

- \`casewright check\` on 3,000 cases first took 2.7 s against a 0.3 s floor (9×). A CPU profile
  (\`node --cpu-prof dist/cli.js check …\`) showed three costs: awaiting one async file read at a
  time (0.6 s of idle time plus 0.5 s in promise and handle overhead), garbage collection from
  keeping every full analysis alive (0.6 s), and the mechanism engine rebuilding the same lab
  samples for each rule.
- Synchronous reads in the CLI (the server keeps async reads): 2.7 → 2.0 s.
- A lean bank for the CLI that keeps only each file's diagnostics, id and links, not the whole
  analysis: 2.0 → 1.1 s, and flat memory.
- Cached lab and index samples per case in the finding evaluator and precompiled text patterns:
  a further 0.1–0.2 s.
- Reading each file into one buffer of its size (readFileSync on a descriptor grows 64 KiB
  buffers): about 0.1 s of \`read\` time in the profile.
- Worker threads: tried and kept behind \`CASEWRIGHT_THREADS\` (on by default only with 4 or more
  cores). On this 2-vCPU machine two workers each ran at half speed (cache contention; pure
  arithmetic does scale), so the default here stays on one thread.

### Second round (2026-11-23): from 4× to under 2×

Measured on the same 3,000-case bank with the same floor, one change at a time, each checked to
leave the report byte-for-byte the same (\`check --format json\` on the bank, \`explain --format
json\` on 160 cases). Seconds are medians of 5–9 runs on a 2-vCPU VM.

| change | check (s) |
|---|---|
| start of the round | 0.92 |
| mechanism findings compiled into closures once; each finding's truth worked out first, what was observed put into words only for findings that count as evidence | 0.76 |
| evidence described only when something reads it (explain, preview, hover, a conflict's message) | 0.72 |
| the case and casewright.json schemas as ajv standalone code generated at build time (no schema or meta-schema compiled per run; ajv no longer loaded) | 0.65 |
| CLI discovery on synchronous file-system calls (a thread-pool round trip per folder was idle time) | 0.60 |
| V8's inlining budget lowered for the CLI's one pass (\`--max-inlined-bytecode-size=100\`, set by the CLI itself) | 0.52 |
| one native read-and-decode per file after a stat; parser fields scanned by hand; lines split natively; one object shape for lab readings and numbers | 0.49 |
| each mechanism's evidence and missing findings listed on first read; units, reference ranges and maturation bands looked up in tables built once | 0.45 |

What the profile showed along the way: the first few hundred cases of a run cost three to
five times the later ones, because the optimizing compiler is still catching up (on one CPU
the first 300 cases take 160 ms against 65 ms on two), so the CLI's time is set as much by how
much code is optimized as by how fast it runs once optimized. Allocation was not the lever:
removing every field range from the parser bought 10 ms of 280; a larger young generation made
runs slower. Tried and not kept: Maglev, lower tier-up budgets, disabling TurboFan passes,
indexed loops in place of for-of in the hot loops (no gain, or worse); \`--single-threaded-gc\`
set at run time crashes Node 20's V8, so the CLI sets only the inlining budget, which only
steers the optimizing compiler. The language server shares every change to the core: its
10,000-case scan went from 7.6 s and 590 MiB to about 5.3 s and 495 MiB.

### Third round (2026-11-29): realistic banks

The rounds above were measured on a bank of the thirteen samples with new ids. On a bank built
from the samples and the vignettes, written in several authors' styles (the generator now in
\`scripts/bench/generateBank.ts\`), \`check\` measured 3.1× the floor: 4.75 s against 1.52 s on
3,000 cases, on this 2-vCPU machine shared with other heavy jobs (load average above 10; the
ratios, measured side by side, hold better than the absolute times).

- A CPU profile put 25 % of the samples in the edit distance behind "did you mean": the
  vignettes use words the catalog does not know yet (new labs, smear findings, marrow fields),
  and each unknown word was compared in full with every catalog name. The distance is now
  bounded (candidates too long or too short are skipped, a row past the bound ends the
  comparison) and each candidate list remembers its suggestions for a word (a bounded cache);
  the long lists that end those messages are formatted once. CPU time for the 3,000 cases:
  2.75 s → 2.2 s (medians of 3, interleaved); the report is byte-for-byte the same. The
  wall-clock ratio in the table above (3.15×) was measured after the change with the machine
  as busy: while other jobs hold the cores, a run waits for one as long as it computes, and
  the longer run (check) waits longer, so CPU time is the fairer measure of this change.
- Growth: time per case falls from 1,000 to 100,000 cases (start-up and the optimizing
  compiler's warm-up are paid once), so the cost grows less than linearly; peak memory grows
  with the report (every file's diagnostics are kept until the report is written), about
  8 KiB per case.
- What the profile shows now, inclusive: building the model 10 %, schema validation with its
  messages 9 %, the mechanism engine 13 %, reading the panels 9 %, parsing 7 %, garbage
  collection 11 %, reading files 7 %. No single cost is left that a local change halves; the
  1.5× goal needs less work per line (the model, the projection for the schema and the
  panels each walk every field) rather than faster parts.
`;

main().then(
  () => rmSync(work, { recursive: true, force: true }),
  (error) => {
    console.error(error);
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  },
);

/** The installed yaml-language-server's version, so the table names what was measured. */
function yamlServerVersion(): string {
  return (JSON.parse(readFileSync(path.join(REPO, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }).version;
}
