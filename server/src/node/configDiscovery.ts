// Finds casewright.json by walking up from a folder, as ESLint and markdownlint-cli2 do, and
// reads it the way case files are read: without waiting on a FIFO, regular files only, and
// never more than MAX_CONFIG_FILE_BYTES. The CLI and the language server both load it here.
import { constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, getCaseService, type CasewrightConfig } from '../core';
import { closeQuietly, describeFsError } from './fileDiscovery';

/** No course's settings come near this; a bigger file is a mistake or an attack. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

export interface LoadedConfig {
  config: CasewrightConfig;
  /** The file, or undefined when there is none. */
  file?: string;
  /** The bank root: the config file's folder, or the folder the search started from. */
  root: string;
  /** Why the file could not be used; a command should stop with this message. */
  problem?: string;
}

// Both functions below make synchronous calls behind their promise: a few lstat calls and one
// read of a small file. For the CLI, loading fs.promises and a thread-pool round trip per folder
// cost more than the calls themselves (~8 ms of every start); for the server they are too short
// to be worth yielding for.

export async function findConfigFile(startFolder: string): Promise<string | undefined> {
  let folder = path.resolve(startFolder);
  for (;;) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    // lstat: whatever sits there under that name (a FIFO, a folder) is found and then refused
    // with a message by the reader, rather than skipped without a word.
    if (exists(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Whether anything at all sits at `file`; a folder that cannot be read is walked past. */
function exists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** The text of a casewright.json, or why it cannot be read (one line). */
export async function readConfigFile(file: string): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO in the file's place must not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, problem: 'is a folder, not a file' };
    if (!stats.isFile()) return { ok: false, problem: 'not a regular file' };
    if (stats.size > MAX_CONFIG_FILE_BYTES) return { ok: false, problem: `the file is ${stats.size.toLocaleString('en-US')} bytes; casewright.json may be at most ${MAX_CONFIG_FILE_BYTES.toLocaleString('en-US')}` };
    // Read at most one byte past the cap: a file that grows meanwhile is still refused.
    const buffer = Buffer.alloc(MAX_CONFIG_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (!bytesRead) break;
      length += bytesRead;
      if (length > MAX_CONFIG_FILE_BYTES) return { ok: false, problem: `casewright.json may be at most ${MAX_CONFIG_FILE_BYTES.toLocaleString('en-US')} bytes` };
    }
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, problem: describeFsError(error) };
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

export async function loadConfig(startFolder: string, explicitFile?: string): Promise<LoadedConfig> {
  const file = explicitFile ? path.resolve(explicitFile) : await findConfigFile(startFolder);
  if (!file) return { config: {}, root: path.resolve(startFolder) };
  const root = path.dirname(file);
  const read = await readConfigFile(file);
  if (!read.ok) return { config: {}, file, root, problem: `${file}: ${read.problem}` };
  const { config, errors } = getCaseService().readConfig(read.text);
  if (errors.length) {
    // A hostile file can have thousands of errors: name a few, count the rest.
    const shown = errors.slice(0, 5).join('; ');
    return { config: {}, file, root, problem: `${file}: ${errors.length > 5 ? `${shown}; and ${errors.length - 5} more problems` : shown}` };
  }
  return { config, file, root };
}
