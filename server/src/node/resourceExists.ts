// Whether a path written in a case (an image, relative to the case file) is a file the bank can
// use: the core asks this through an injected function, as it reads no files itself. The same
// rules decide what an export reads: a regular file below the case's folder, reached through
// no symbolic link, within the size every export can embed.
import { constants, lstatSync, promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { imagePathProblem, MAX_IMAGE_BYTES } from '../core';

/** `document` is a file path or a `file:` URI; other documents (unsaved ones) are not checked. */
export function resourceExists(document: string, relative: string): boolean | string {
  const file = documentPath(document);
  if (file === undefined) return true;
  try {
    return fileProblem(file, relative) ?? true;
  } catch {
    return false;
  }
}

function documentPath(document: string): string | undefined {
  if (document.startsWith('file:')) {
    try {
      return fileURLToPath(document);
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(document) && !/^[a-z]:[\\/]/i.test(document)) return undefined;
  return document;
}

/** undefined when usable, false when missing, else the reason (a sentence's predicate). */
function fileProblem(caseFile: string, relative: string): string | false | undefined {
  const written = imagePathProblem(relative);
  if (written) return written;
  const folder = path.dirname(path.resolve(caseFile));
  const full = path.resolve(folder, relative);
  const stats = lstatSync(full, { throwIfNoEntry: false });
  if (!stats) return false;
  if (stats.isSymbolicLink()) return 'is a symbolic link; Casewright does not follow links: put the image itself in the bank';
  if (!stats.isFile()) return 'is not a file';
  // A linked folder on the way would lead out of the bank: compare the real paths.
  const realFolder = realpathSync(folder);
  if (!isInside(realpathSync(full), realFolder)) return 'leads out of the case\'s folder through a linked folder; put the image itself in the bank';
  if (stats.size > MAX_IMAGE_BYTES) return `is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MiB (${stats.size} bytes); every export embeds its images: make it smaller`;
  return undefined;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export type ImageRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/**
 * Reads an image for an export under the same rules, opening it without following a link and
 * checking the size of what was opened (the file may change between the check and the read).
 */
export async function readCaseImage(caseFile: string, relative: string): Promise<ImageRead> {
  let problem: string | false | undefined;
  try {
    problem = fileProblem(caseFile, relative);
  } catch {
    problem = false;
  }
  if (problem === false) return { ok: false, problem: 'does not exist' };
  if (problem) return { ok: false, problem };
  const full = path.resolve(path.dirname(path.resolve(caseFile)), relative);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(full, constants.O_RDONLY | constants.O_NOFOLLOW);
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > MAX_IMAGE_BYTES) return { ok: false, problem: 'changed while it was read' };
    return { ok: true, bytes: new Uint8Array(await handle.readFile()) };
  } catch (error) {
    return { ok: false, problem: `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    await handle?.close();
  }
}
