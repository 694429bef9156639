// What an image in a case may be: a file type every export and browser shows, and a size an
// export can embed (Moodle XML carries images as base64 inside one file). Shared by the core's
// checks and the node layer that reads the files.

/** Extensions Casewright embeds, with the MIME type the exports declare. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp',
};

/** 10 MiB: a large photograph fits; a bank of such is still a file an LMS accepts. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export function imageExtension(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function mimeTypeOf(path: string): string {
  return IMAGE_TYPES[imageExtension(path)] ?? 'application/octet-stream';
}

/**
 * Why a path as written cannot be an image of the bank, or undefined: a URL, an absolute or
 * drive path, a `..` segment, a backslash (not portable), a control character, or another file type.
 */
export function imagePathProblem(path: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('\\')) {
    return 'must be a path inside the case bank, relative to the case file (no URL, no absolute path): every export embeds it';
  }
  if (path.includes('\\')) return 'uses `\\`; write paths with `/`, which every system reads';
  if (path.split('/').includes('..')) return 'leaves the case\'s folder with `..`; keep images in or below the folder of the case file';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'holds a control character';
  const types = Object.keys(IMAGE_TYPES).map((e) => `.${e}`).join(', ');
  // A folder (`images/`) or a name without an extension: say what is missing, not just "not an image".
  if (path.endsWith('/')) return `names a folder; write the path of the image file in it (${types})`;
  const extension = imageExtension(path);
  if (!extension) return `has no file extension; write the image file's whole name (${types})`;
  if (!IMAGE_TYPES[extension]) return `is not an image Casewright embeds: use ${types}`;
  return undefined;
}
