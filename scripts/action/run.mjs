#!/usr/bin/env node
// The GitHub Action's one step (action.yml): check the bank with annotations on the pull
// request, write SARIF for code scanning and name it in the step's outputs, and append the
// bank's statistics to the job summary. It reads what a runner gives a step:
//   INPUT_PATHS         paths or globs, separated by spaces or new lines (default: .)
//   INPUT_CONFIG        a casewright.json to use instead of searching upward (optional)
//   INPUT_MAX_WARNINGS  fail when there are more warnings than this (optional)
//   INPUT_SARIF_FILE    where to write the SARIF log (default: $RUNNER_TEMP/casewright.sarif)
//   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY  files the runner reads back (skipped when unset)
// Its exit code is the check's: 0 clean, 1 problems, 2 could not run.
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = process.env.CASEWRIGHT_CLI || path.join(here, '..', '..', 'dist', 'cli.js');

function input(name) {
  return (process.env[`INPUT_${name}`] ?? '').trim();
}

function fail(message) {
  process.stderr.write(`casewright action: ${message}\n`);
  process.exit(2);
}

function run(args, capture) {
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) fail(`could not run the casewright CLI (${result.error.message})`);
  return result;
}

const paths = input('PATHS').split(/\s+/).filter(Boolean);
if (paths.length === 0) paths.push('.');
const common = [];
if (input('CONFIG')) common.push('--config', input('CONFIG'));
const maxWarnings = input('MAX_WARNINGS');
if (maxWarnings && !/^\d+$/.test(maxWarnings)) fail(`max-warnings takes a whole number of 0 or more, not '${maxWarnings}'`);

// 1. Annotations: the runner turns `::error file=…::` lines on stdout into pull-request notes.
const check = run(['check', ...paths, ...common, '--format', 'github', ...(maxWarnings ? ['--max-warnings', maxWarnings] : [])], false);
const status = check.status ?? 2;
if (status === 2) process.exit(2);

// 2. SARIF for code scanning (upload it with github/codeql-action/upload-sarif).
const sarifFile = path.resolve(input('SARIF_FILE') || path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'casewright.sarif'));
const sarif = run(['check', ...paths, ...common, '--format', 'sarif'], true);
if (sarif.status === 2) process.exit(2);
writeFileSync(sarifFile, sarif.stdout);
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `sarif-file=${sarifFile}\n`);

// 3. What the bank teaches, in the job summary.
if (process.env.GITHUB_STEP_SUMMARY) {
  const stats = run(['stats', ...paths, ...common, '--format', 'markdown'], true);
  if (stats.status === 0) appendFileSync(process.env.GITHUB_STEP_SUMMARY, stats.stdout + '\n');
}
process.exit(status);
