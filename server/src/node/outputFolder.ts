// Writes a generated folder (an exported site, a question bank for an LMS) so that it holds
// exactly this output: built in a temporary folder beside the target, then swapped in by
// rename. Nothing is written through a symbolic link, and a folder that was not written by
// Casewright (no marker file) is never replaced or emptied.
import { nodeCrypto } from './lazyCrypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './fileDiscovery';

/** The file that marks a folder as Casewright's output, safe to replace on the next run. */
export const OUTPUT_MARKER = '.casewright-output';

const MARKER_TEXT = 'This folder was written by Casewright. The next export replaces all of it.\n';

export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

export type WriteOutcome = { ok: true; files: number } | { ok: false; message: string };

/**
 * Replaces `outDir` with exactly `files` (relative paths with `/`, e.g. `cases/a.html`).
 * Returns a one-line message instead of throwing.
 */
export async function writeOutputFolder(outDir: string, files: OutputFiles): Promise<WriteOutcome> {
  const target = path.resolve(outDir);
  for (const relative of files.keys()) {
    const problem = badRelativePath(relative);
    if (problem) return { ok: false, message: `cannot write '${relative}': ${problem}` };
  }
  const existing = await inspectTarget(target);
  if (!existing.ok) return existing;
  const parent = path.dirname(target);
  let staging: string | undefined;
  try {
    await fs.mkdir(parent, { recursive: true });
    staging = await fs.mkdtemp(path.join(parent, `.${path.basename(target)}.casewright-`));
    await writeAll(staging, files);
    await fs.writeFile(path.join(staging, OUTPUT_MARKER), MARKER_TEXT, { flag: 'wx' });
    // mkdtemp makes a private folder; the output is read by others (a web server).
    await fs.chmod(staging, 0o777 & ~process.umask());
    await swapIn(staging, target, existing.exists);
    staging = undefined;
    return { ok: true, files: files.size };
  } catch (error) {
    return { ok: false, message: `${outDir}: ${describeFsError(error)}` };
  } finally {
    if (staging) await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Why a relative output path is refused, or undefined when it is fine. */
function badRelativePath(relative: string): string | undefined {
  if (!relative || relative.startsWith('/') || relative.includes('\\') || relative.includes('\0')) return 'not a relative path';
  for (const segment of relative.split('/')) {
    if (!segment || segment === '.' || segment === '..') return 'not a plain relative path';
    if (Buffer.byteLength(segment) > 255) return 'a name longer than 255 bytes';
  }
  if (relative === OUTPUT_MARKER) return 'the name of the output marker';
  return undefined;
}

/** The target must be absent, an empty folder, or a folder Casewright wrote before. */
async function inspectTarget(target: string): Promise<{ ok: true; exists: boolean } | { ok: false; message: string }> {
  let stats;
  try {
    stats = await fs.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, exists: false };
    return { ok: false, message: `${target}: ${describeFsError(error)}` };
  }
  if (stats.isSymbolicLink()) return { ok: false, message: `${target} is a symbolic link; name the real folder to write to` };
  if (!stats.isDirectory()) return { ok: false, message: `${target} exists and is not a folder` };
  try {
    const entries = await fs.readdir(target);
    if (!entries.length) return { ok: true, exists: true };
    const marker = await fs.lstat(path.join(target, OUTPUT_MARKER)).catch(() => undefined);
    if (marker?.isFile()) return { ok: true, exists: true };
  } catch (error) {
    return { ok: false, message: `${target}: ${describeFsError(error)}` };
  }
  return { ok: false, message: `${target} is not empty and was not written by Casewright; name a new or empty folder` };
}

async function writeAll(staging: string, files: OutputFiles): Promise<void> {
  const made = new Set<string>();
  for (const [relative, content] of files) {
    const full = path.join(staging, relative); // checked: plain segments, no '..'
    const folder = path.dirname(full);
    if (!made.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      made.add(folder);
    }
    // O_EXCL | O_NOFOLLOW: a fresh file, never through a link (the folder is ours, but be sure).
    const handle = await fs.open(full, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  }
}

/** Puts the staging folder in the target's place; the previous output is removed after. */
async function swapIn(staging: string, target: string, exists: boolean): Promise<void> {
  if (!exists) {
    await fs.rename(staging, target);
    return;
  }
  const retired = path.join(path.dirname(target), `.${path.basename(target)}.casewright-old-${nodeCrypto().randomBytes(6).toString('hex')}`);
  await fs.rename(target, retired);
  try {
    await fs.rename(staging, target);
  } catch (error) {
    await fs.rename(retired, target).catch(() => undefined);
    throw error;
  }
  await fs.rm(retired, { recursive: true, force: true });
}
