// Bundles the extension-host test suite (and mocha with it) into out/e2e/suite.js, the module
// that VS Code loads through `extensionTestsPath`.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['test/e2e/vscode/suite.ts'],
  outfile: 'out/e2e/suite.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
});
