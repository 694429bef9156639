// The language server at scale (`npm run bench`, or only this part with `--only server`):
//  - loading a workspace of 1,000, 10,000 and 100,000 cases against `casewright check` on the same bank
//    (target: at most 1.5× the CLI), with the server's resident and peak memory (target: under
//    150 MiB for 10,000 cases);
//  - edit-to-diagnostics in a 1,000-case workspace where every case has broken see-also links
//    (every edit used to re-run the whole bank's "did you mean"), for an edit to a lab value and
//    an edit to a see-also link.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateBank } from './generateBank';
import { stats, TimingClient } from './lspClient';

type Out = (line?: string) => void;

export interface ServerScaleOptions {
  repo: string;
  work: string;
  quick: boolean;
  out: Out;
  /** Workspace sizes to load (default 1,000, 10,000 and 100,000; 1,000 when quick). */
  sizes?: number[];
  /** Edits of each kind in the broken-links workspace (default 15; 5 when quick). */
  edits?: number;
}

/** Resident and peak resident memory of a process, in MiB (Linux). */
function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

function cliCheckMs(repo: string, bank: string): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'check', bank, '--format', 'json'], { stdio: 'ignore' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`check exited ${run.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Starts the server on a folder; resolves with the time to its bank status and the client. */
async function loadServer(repo: string, bank: string): Promise<{ client: TimingClient; loadMs: number }> {
  const client = new TimingClient(process.execPath, [path.join(repo, 'dist', 'server.js'), '--stdio'], () => ({ validate: { enable: true, delay: 0 } }));
  const started = process.hrtime.bigint();
  await client.initialize(pathToFileURL(bank).href);
  await client.bankStatus();
  return { client, loadMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

export async function serverScale(options: ServerScaleOptions): Promise<void> {
  const { repo, work, quick, out } = options;
  const sizes = options.sizes ?? (quick ? [1000] : [1000, 10_000, 100_000]);
  const runs = quick ? 1 : 3;
  out('## 5. Loading a workspace in the language server, against `casewright check`');
  out();
  out(`| cases | check (ms) | server load (ms) | ratio (target ≤ 1.5) | server memory after load (MiB) | server peak memory (MiB) |`);
  out('|---|---|---|---|---|---|');
  for (const size of sizes) {
    const bank = path.join(work, `scale-${size}`);
    generateBank(bank, size, 13);
    const check: number[] = [];
    const load: number[] = [];
    let memory = { rss: 0, peak: 0 };
    // The largest bank once: how cost grows shows in one run, and three would take minutes.
    for (let i = 0; i < (size > 10_000 ? 1 : runs); i++) {
      check.push(cliCheckMs(repo, bank));
      const { client, loadMs } = await loadServer(repo, bank);
      load.push(loadMs);
      const now = memoryMiB(client.child.pid!);
      memory = { rss: Math.max(memory.rss, now.rss), peak: Math.max(memory.peak, now.peak) };
      await client.dispose();
    }
    const c = stats(check).median;
    const l = stats(load).median;
    out(`| ${size.toLocaleString('en-US')} | ${c.toFixed(0)} | ${l.toFixed(0)} | ${(l / c).toFixed(2)}× | ${memory.rss.toFixed(0)} | ${memory.peak.toFixed(0)} |`);
  }
  out();
  await brokenReferences(options);
}

/** Every case's see-also names two cases that do not exist (close to real ids, so "did you mean" works). */
function breakReferences(files: string[]): void {
  for (const [i, file] of files.entries()) {
    const text = readFileSync(file, 'utf8');
    const broken = `see-also: gen-${String(i).padStart(5, '0')}x, gen-${String(i + 1).padStart(5, '0')}-old`;
    writeFileSync(file, /^see-also: .*$/m.test(text) ? text.replace(/^see-also: .*$/m, broken) : text.replace(/^(title: .*)$/m, `$1\n${broken}`));
  }
}

async function brokenReferences({ repo, work, quick, out, edits: editCount }: ServerScaleOptions): Promise<void> {
  const count = 1000;
  const bank = path.join(work, 'broken-links');
  const files = generateBank(bank, count, 17);
  breakReferences(files);
  const { client } = await loadServer(repo, bank);
  const uri = pathToFileURL(files[0]).href;
  let text = readFileSync(files[0], 'utf8');
  const opened = client.diagnostics((p) => p.uri === uri);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'case', version: 1, text } });
  await opened;
  let version = 1;
  const edit = async (next: string) => {
    text = next;
    version++;
    const v = version;
    const published = client.diagnostics((p) => p.uri === uri && p.version === v);
    const started = process.hrtime.bigint();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    await published;
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const edits = editCount ?? (quick ? 5 : 15);
  const labEdits: number[] = [];
  const linkEdits: number[] = [];
  for (let i = 0; i < edits; i++) {
    labEdits.push(await edit(text.replace(/^(hemoglobin: )[\d.]+/m, `$1${(7 + (i % 30) / 10).toFixed(1)}`)));
    linkEdits.push(await edit(text.replace(/^see-also: .*$/m, `see-also: gen-${String(i + 2).padStart(5, '0')}y, gen-0000${i % 10}`)));
  }
  await client.dispose();
  const lab = stats(labEdits);
  const link = stats(linkEdits);
  out(`## 6. Edit-to-diagnostics in a ${count.toLocaleString('en-US')}-case workspace where every case has two broken see-also links (${edits} edits each)`);
  out();
  out('| edit | median (ms) | p95 (ms) |');
  out('|---|---|---|');
  out(`| a lab value (no id or link changes) | ${lab.median.toFixed(1)} | ${lab.p95.toFixed(1)} |`);
  out(`| the see-also links | ${link.median.toFixed(1)} | ${link.p95.toFixed(1)} |`);
  out();
}
