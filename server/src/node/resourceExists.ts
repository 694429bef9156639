// Whether a path written in a case (an image, relative to the case file) exists on disk: the
// core asks this through an injected function, as it reads no files itself.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `document` is a file path or a `file:` URI; other documents (unsaved ones) are not checked. */
export function resourceExists(document: string, relative: string): boolean {
  let file: string;
  if (document.startsWith('file:')) {
    try {
      file = fileURLToPath(document);
    } catch {
      return true;
    }
  } else if (/^[a-z][a-z0-9+.-]+:/i.test(document) && !/^[a-z]:[\\/]/i.test(document)) {
    return true;
  } else {
    file = document;
  }
  try {
    return statSync(path.resolve(path.dirname(file), relative), { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
