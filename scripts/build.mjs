// Bundles each entry point into one file under dist/ (see STYLE.md: esbuild, one file each).
// Type-checking is separate (`npm run typecheck`), as in the esbuild extension sample.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
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
})));

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
