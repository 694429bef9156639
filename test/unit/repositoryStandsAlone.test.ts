// The repository stands alone: no committed file points at a file outside it, and every
// relative link in the Markdown documentation leads to a file that exists.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', 'test-results', 'out', '.vscode-test']);
const TEXT_FILE = /\.(md|ts|mts|mjs|js|json|sh|lua|yml|yaml|case|css|html)$/;

function trackedTextFiles(folder = REPO, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) trackedTextFiles(path.join(folder, entry.name), found);
    } else if (entry.isFile() && TEXT_FILE.test(entry.name) && entry.name !== 'package-lock.json') {
      found.push(path.join(folder, entry.name));
    }
  }
  return found;
}

describe('the repository stands alone', () => {
  const files = trackedTextFiles();

  it('finds the files it checks', () => {
    assert.ok(files.some((f) => f.endsWith(path.join('docs', 'case-format.md'))));
    assert.ok(files.length > 50, `only ${files.length} files`);
  });

  it('no file points into a folder beside the repository or at this machine', () => {
    // Built from pieces so this file does not match itself.
    const outside = new RegExp(['\\.\\./shared', '/w' + 'ork/', '/r' + 'oot/', '/t' + 'mp/e2e'].join('|'));
    const offenders = files
      .filter((file) => !file.endsWith('CHANGELOG.md'))
      .filter((file) => outside.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(REPO, file));
    assert.deepEqual(offenders, []);
  });

  it('every relative link in the Markdown documentation leads to a file in the repository', () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      const text = withoutCode(readFileSync(file, 'utf8'));
      for (const match of text.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
        const target = match[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // a URL, not a file
        const resolved = path.resolve(path.dirname(file), decodeURIComponent(target));
        const inside = resolved === REPO || resolved.startsWith(REPO + path.sep);
        if (!inside || !existsSync(resolved) || !(statSync(resolved).isFile() || statSync(resolved).isDirectory())) {
          broken.push(`${path.relative(REPO, file)} → ${target}`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });
});

/** Markdown without its code (fenced blocks and inline spans): a link written in code is an example, not a link. */
function withoutCode(markdown: string): string {
  let fence: string | undefined;
  const kept: string[] = [];
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    kept.push(line.replace(/`[^`]*`/g, ''));
  }
  return kept.join('\n');
}
