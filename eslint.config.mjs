// Lint rules that guard the architecture: the core imports nothing of the editor, the language
// server or the file system, so the CLI, the server and the preview can all run it (STYLE.md
// rule 1); and everything outside the core goes through its one front door,
// server/src/core/index.ts (rule 13), so the core's internals can change freely.
import tseslint from 'typescript-eslint';

const editorAndFileSystem = [
  { name: 'vscode', message: 'The core must not depend on the editor.' },
  { name: 'fs', message: 'The core reads no files: pass text in.' },
  { name: 'node:fs', message: 'The core reads no files: pass text in.' },
  { name: 'fs/promises', message: 'The core reads no files: pass text in.' },
  { name: 'node:fs/promises', message: 'The core reads no files: pass text in.' },
  { name: 'child_process', message: 'The core starts no processes.' },
  { name: 'node:child_process', message: 'The core starts no processes.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'media/**', 'out/**', 'test-results/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: editorAndFileSystem,
        patterns: [
          { group: ['vscode-languageserver*', 'vscode-languageclient*'], message: 'The core knows nothing of LSP; the server adapts it.' },
          { group: ['**/lsp/**', '**/node/**', '**/cli/**', '**/client/**'], message: 'The core does not import the layers above it.' },
        ],
      }],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['server/src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/core/**'], message: "Import the core through its front door (server/src/core/index.ts: `from '…/core'`), not its internals." },
        ],
      }],
    },
  },
);
