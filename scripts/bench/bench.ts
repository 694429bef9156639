// `npm run bench`: Casewright's speed, each figure a ratio measured side by side in one run,
// written to docs/performance.md with the machine noted.
//  1. `casewright check` on 3,000 realistic cases against the floor (read, split, match, one ajv
//     per file), and how its time and peak memory grow at 1,000, 10,000 and 100,000 cases
//     (cliScenarios.ts; `--no-large` skips the 100,000), and where its time goes per case, stage by
//     stage, warm and in memory (stageCosts.ts).
//  2. Edit-to-diagnostics latency on a 5,000-line case over stdio, against yaml-language-server
//     validating the same content as YAML against an equivalent JSON schema.
//  3. Hover and completion latency on that document.
//  4. Server memory with a 10,000-case workspace, and the re-check after one file changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkScaling, checkVersusFloor, stageBreakdown } from './cliScenarios';
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
  stageBreakdown(quick ? 600 : 3000, out);
  await editLatency();
  await memoryAndRecheck();
  await serverScale({ repo: REPO, work, quick, out, sizes });
  if (!quick) {
    const history = keptHistory();
    writeFileSync(path.join(REPO, 'docs', 'performance.md'), `${lines.join('\n')}\n\n${history}`);
  }
}

/**
 * What profiling found and what each change bought is written by hand below the generated
 * tables, from the heading `## What was profiled and changed` on; a new run keeps it as it is.
 */
const HISTORY_HEADING = '## What was profiled and changed';

function keptHistory(): string {
  const file = path.join(REPO, 'docs', 'performance.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf(HISTORY_HEADING);
  return at >= 0 ? text.slice(at) : `${HISTORY_HEADING}\n\n(Nothing yet.)\n`;
}

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
