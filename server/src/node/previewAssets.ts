// The preview's stylesheet and script (media/), read for pages that must stand alone.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** media/ beside dist/ when bundled, or at the repo root when run from source (tests). */
export function mediaFolder(): string {
  const candidates = [path.join(__dirname, '..', 'media'), path.join(__dirname, '..', '..', '..', 'media')];
  return candidates.find((c) => existsSync(path.join(c, 'preview.css'))) ?? candidates[0];
}

export function readPreviewAssets(): { css: string; js: string } {
  const folder = mediaFolder();
  return {
    css: readFileSync(path.join(folder, 'preview.css'), 'utf8'),
    js: readFileSync(path.join(folder, 'preview.js'), 'utf8'),
  };
}
