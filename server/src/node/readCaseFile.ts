// Reads a case file as text the way an editor would show it, without ever throwing.
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import { describeFsError } from './fileDiscovery';

/** Larger files are not parsed: no teaching case is this big, and it would stall CI. */
export const MAX_CASE_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; invalidUtf8: boolean }
  | { ok: false; problem: string; tooLarge?: boolean };

export async function readCaseFile(file: string): Promise<ReadResult> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, problem: 'not a regular file' };
    if (stats.size > MAX_CASE_FILE_BYTES) {
      return { ok: false, tooLarge: true, problem: `the file is ${(stats.size / 1024 / 1024).toFixed(0)} MB; cases over ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB are not checked` };
    }
    const bytes = await handle.readFile();
    return decode(bytes);
  } catch (error) {
    return { ok: false, problem: describeFsError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

function decode(bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: strictDecoder.decode(bytes), invalidUtf8: false };
  } catch {
    return { ok: true, text: lenientDecoder.decode(bytes), invalidUtf8: true };
  }
}

/**
 * The same, synchronously: for the CLI, which reads thousands of files one after another and
 * gains nothing from yielding between them (the promise round trips cost more than the reads).
 */
export function readCaseFileSync(file: string): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: 'not a regular file' };
    if (stats.size > MAX_CASE_FILE_BYTES) {
      return { ok: false, tooLarge: true, problem: `the file is ${(stats.size / 1024 / 1024).toFixed(0)} MB; cases over ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB are not checked` };
    }
    return decode(readExactly(fd, stats.size));
  } catch (error) {
    return { ok: false, problem: describeFsError(error) };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // nothing to do
      }
    }
  }
}

/**
 * Reads a regular file whose size is known into one buffer of that size: readFileSync on a
 * descriptor grows its buffer in 64 KiB steps, which costs more than the read itself on a bank
 * of small files. A file that grows meanwhile is read to its new end.
 */
function readExactly(fd: number, size: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.max(size, 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}
