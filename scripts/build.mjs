// Bundles each entry point into one file under dist/ (see STYLE.md: esbuild, one file each).
// Type-checking is separate (`npm run typecheck`), as in the esbuild extension sample.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// The export libraries (xmlbuilder2 with its DOM, fflate) are almost half of what the CLI and
// the server would otherwise compile at every start, yet only `export` uses them: each goes
// into its own file under dist/vendor/, which the bundles require the first time an export
// asks (server/src/core/export/lazyLibraries.ts), so `check` and the editor never parse them.
const VENDOR_LIBRARIES = ['xmlbuilder2', 'fflate'];
const vendorEntries = VENDOR_LIBRARIES.map((name) => ({ in: `./node_modules/${name}`, out: `dist/vendor/${name}.js`, vendor: true }));

/** Resolves an import of a vendor library to its file beside the bundle, loaded at run time. */
const vendorLibrariesOutside = {
  name: 'vendor-libraries-outside',
  setup(build) {
    const filter = new RegExp(`^(?:${VENDOR_LIBRARIES.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

const entries = [
  { in: 'server/src/cli/launch.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli-main.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
  ...vendorEntries,
].filter((entry) => existsSync(entry.in));

const contexts = await Promise.all(entries.map((entry) => esbuild.context({
  entryPoints: [entry.in],
  outfile: entry.out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: production ? false : 'linked',
  minify: production,
  banner: entry.banner ? { js: entry.banner } : undefined,
  define: { CASEWRIGHT_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
  plugins: entry.vendor ? [] : [vendorLibrariesOutside],
})));

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  writeCodeCache();
}

/**
 * V8's code cache of the CLI (dist/cli-main.js.cache, read by server/src/cli/launch.ts): the
 * bytecode of everything a check of the samples compiles, so each run of the command starts
 * without compiling the bundle. Not in watch mode: a stale cache is ignored, never used.
 */
function writeCodeCache() {
  rmSync('dist/cli-main.js.cache', { force: true });
  spawnSync(process.execPath, ['dist/cli.js', 'check', 'samples', '--format', 'json'], {
    stdio: 'ignore',
    env: { ...process.env, CASEWRIGHT_WRITE_CODE_CACHE: '1' },
  });
  if (!existsSync('dist/cli-main.js.cache')) console.warn('build: no code cache for the CLI (it starts slower, and works)');
}
