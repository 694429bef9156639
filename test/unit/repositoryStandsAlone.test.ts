// The repository stands alone: no committed file points at a file outside it (documents,
// scripts with or without an extension, package.json, action.yml, editor settings, ignore
// files), every relative link in the Markdown documentation leads to a file that exists, and
// every file package.json and action.yml name is in the repository.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
/** Build output, dependencies and test results: not committed. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', 'test-results', 'out', '.vscode-test', '.e2e']);
const SKIPPED_FILES = new Set(['package-lock.json', 'casewright.vsix', '.git']); // .git: a worktree's pointer file

/** Every text file of the working tree (a file holding a NUL byte is binary and skipped). */
function textFiles(folder = REPO, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) textFiles(path.join(folder, entry.name), found);
    } else if (entry.isFile() && !SKIPPED_FILES.has(entry.name) && !readFileSync(path.join(folder, entry.name)).includes(0)) {
      found.push(path.join(folder, entry.name));
    }
  }
  return found;
}

const inside = (resolved: string) => resolved === REPO || resolved.startsWith(REPO + path.sep);

describe('the repository stands alone', () => {
  const files = textFiles();

  it('finds the files it checks: documents, scripts with and without an extension, the manifests and ignore files', () => {
    const relative = new Set(files.map((f) => path.relative(REPO, f)));
    for (const expected of [path.join('docs', 'case-format.md'), 'README.md', 'package.json', 'action.yml', '.vscodeignore', '.gitignore', path.join('.ci', 'run'), path.join('scripts', 'e2e.mjs'), path.join('scripts', 'bench', 'peakMemory.cjs'), path.join('test', 'e2e', 'install-host.sh'), path.join('snippets', 'case.code-snippets')]) {
      assert.ok(relative.has(expected), `${expected} is not checked`);
    }
    // Editor settings, when the repository has any, are text files like the others.
    for (const file of relative) if (file.startsWith(`.vscode${path.sep}`)) assert.ok(files.includes(path.join(REPO, file)));
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
        if (!inside(resolved) || !existsSync(resolved) || !(statSync(resolved).isFile() || statSync(resolved).isDirectory())) {
          broken.push(`${path.relative(REPO, file)} → ${target}`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it('every file package.json names (main, bin, contributions, the scripts\' paths) is in the repository', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
    const named: string[] = [];
    // Paths in the manifest's values: relative, with a file extension or a folder (`./media/x.svg`, `dist/cli.js`).
    const walk = (value: unknown, key = ''): void => {
      if (typeof value === 'string') {
        if (key === 'scripts') return;
        if (/^\.{0,2}\/?[\w.-]+(\/[\w.-]+)+$/.test(value) || /^\.\/[\w.-]+$/.test(value)) named.push(value);
      } else if (Array.isArray(value)) {
        for (const item of value) walk(item, key);
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, k === 'scripts' ? 'scripts' : key);
      }
    };
    walk({ ...manifest, repository: undefined, sideEffects: undefined });
    for (const script of Object.values(manifest.scripts as Record<string, string>)) {
      for (const token of script.split(/\s+/)) {
        const bare = token.replace(/^['"]|['"]$/g, '');
        if (bare.includes('/') && !bare.startsWith('-') && !/^[a-z]+:/i.test(bare)) named.push(bare);
      }
    }
    assert.ok(named.includes('./syntaxes/case.tmLanguage.json') && named.includes('scripts/build.mjs'), named.join(', '));
    const missing = named.filter((p) => {
      const resolved = path.resolve(REPO, p.replace(/\*.*$/, ''));
      if (!inside(resolved)) return true;
      // Built by `npm run build` / written by the command itself.
      if (/^(\.\/)?(dist|out)\//.test(p) || /\*/.test(p)) return false;
      return !existsSync(resolved);
    });
    assert.deepEqual(missing, [], named.join(', '));
    // The sideEffects globs name folders of the repository.
    for (const glob of manifest.sideEffects as string[]) assert.ok(existsSync(path.resolve(REPO, glob.replace(/\*.*$/, ''))), glob);
  });

  it('every file action.yml runs is in the repository', () => {
    const action = readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    const named = [...action.matchAll(/\$\{\{ github\.action_path \}\}\/([\w./-]+)/g)].map((m) => m[1]);
    assert.ok(named.length > 0, 'action.yml runs a script of the repository');
    for (const file of named) assert.ok(inside(path.resolve(REPO, file)) && existsSync(path.join(REPO, file)), file);
    // Its steps run from the action's own folder, never from a path beside it.
    assert.doesNotMatch(action, /\.\.\//);
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
