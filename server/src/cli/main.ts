// The `casewright` command line: a thin shell over the core. Exit codes: 0 clean, 1 problems
// found, 2 the command could not run (message on stderr, never a stack trace).
import { parseArgs } from 'node:util';
import { QUESTION_FORMATS, type QuestionExportName } from '../core';
import { runCheck } from './checkCommand';
import { runExplain } from './explainCommand';
import { runExport } from './exportCommand';
import { parseStatusFilter } from './exportStatusFilter';
import { runStats, STATS_FORMATS, type StatsFormat } from './stats/statsCommand';
import { fixFiles } from './fixFiles';
import { runAsWorkerIfAsked } from './parallelCheck';
import { runRender, type RenderView } from './renderCommand';
import { terminalSafe, terminalSafeLine } from './terminalText';
import { describeFsError } from '../node/fileDiscovery';
import type { Formatter } from './formatters/fileResult';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';

declare const CASEWRIGHT_VERSION: string | undefined;
const VERSION = typeof CASEWRIGHT_VERSION === 'string' ? CASEWRIGHT_VERSION : '0.0.0-dev';

const FORMATTERS: Record<string, Formatter> = { stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub };

// Each command's line in the list and its options: the whole help joins them, and
// `casewright <command> --help` prints one command's share.
const COMMANDS = {
  check: {
    synopsis: 'check [PATH|GLOB …]',
    summary: 'Check every .case file under the paths (default: .) as one case bank',
    options: `  --format <name>        stylish (default), json, sarif or github
  --max-warnings <n>     Exit 1 when there are more than n warnings
  --config <file>        Use this casewright.json instead of searching upward
  --follow-symlinks      Follow symbolic links that lead out of the bank's folder
  --no-color             Plain output
  --fix                  Apply every safe fix (the editor's quick fixes) and report what is left
  --fix-dry-run          Print the safe fixes as a unified diff; write nothing`,
  },
  explain: {
    synopsis: 'explain FILE',
    summary: "Show a case's derived indices and the mechanism its evidence points to",
    options: `  --format <name>        text (default) or json
  --config <file>        Use this casewright.json instead of searching upward`,
  },
  render: {
    synopsis: 'render FILE',
    summary: 'Render a case as a standalone HTML page (stdout, or -o FILE)',
    options: `  --view <name>          learner (default: the answer hidden), answer, or both (with a toggle)
  -o, --output <file>    Write the page to a file
  --config <file>        Use this casewright.json instead of searching upward`,
  },
  export: {
    synopsis: 'export [PATH …] -o DIR',
    summary: 'Export the bank: a static site (default), or its questions for Moodle, QTI, GIFT or Anki',
    options: `  -o, --output <dir>     The folder to write the site to (required): a new or empty folder,
                         or one a previous export wrote, which is replaced as a whole
  --format <name>        html (default: a page per case and an index), moodle (Moodle XML),
                         qti (QTI 3.0 package), gift, or anki (notes file with stable GUIDs)
  --tag <tag>            Only cases with this tag
  --answers              Also write a teacher's page per case under answers/ (html)
  --config <file>        Use this casewright.json instead of searching upward
  --follow-symlinks      Follow symbolic links that lead out of the bank's folder
  --status <list>        Only cases with these statuses (draft,review,ready); retired cases
                         are never exported`,
  },
  stats: {
    synopsis: 'stats [PATH …]',
    summary: 'What the bank teaches: cases by mechanism, tag, level, status, author;\n' +
      'objectives covered; cases whose engine choice is weak or conflicts',
    options: `  --format <name>        text (default), json, markdown (for a CI job summary) or html
  --config <file>        Use this casewright.json instead of searching upward`,
  },
} as const;
type CommandName = keyof typeof COMMANDS;
const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

const EXIT_CODES = 'Exit codes: 0 no errors, 1 errors found, 2 the command could not run.';

const USAGE = [
  'Usage: casewright <command> [options]',
  '',
  'Commands:',
  ...COMMAND_NAMES.map((name) => commandLine(COMMANDS[name].synopsis, COMMANDS[name].summary)),
  commandLine('help [COMMAND]', "Show this help, or one command's"),
  ...COMMAND_NAMES.flatMap((name) => ['', `Options for ${name}:`, COMMANDS[name].options]),
  '',
  EXIT_CODES,
].join('\n');

/** A line of the command list: the synopsis, then its summary in a column (continued lines too). */
function commandLine(synopsis: string, summary: string): string {
  return `  ${synopsis.padEnd(22)} ${summary.split('\n').join('\n' + ' '.repeat(25))}`;
}

function commandUsage(name: CommandName): string {
  const { synopsis, summary, options } = COMMANDS[name];
  return [`Usage: casewright ${synopsis} [options]`, '', summary.replace(/\n/g, ' '), '', 'Options:', options, '', EXIT_CODES].join('\n');
}

function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/** `--help` or `-h` among a command's arguments, before any `--` that ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' && isCommandName(rest[0])) {
    process.stdout.write(commandUsage(rest[0]) + '\n');
    return 0;
  }
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (isCommandName(command) && asksForHelp(rest)) {
    process.stdout.write(commandUsage(command) + '\n');
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (command === 'check') return check(rest);
  if (command === 'explain') return explain(rest);
  if (command === 'render') return render(rest);
  if (command === 'export') return exportSite(rest);
  if (command === 'stats') return stats(rest);
  throw new UsageError(`unknown command '${command}'. Run 'casewright help' for the list.`);
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'stylish' },
    'max-warnings': { type: 'string' },
    config: { type: 'string' },
    'follow-symlinks': { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    fix: { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
  });
  const formatter = FORMATTERS[String(values.format)];
  if (values.fix && values['fix-dry-run']) throw new UsageError('use --fix or --fix-dry-run, not both.');
  if (!formatter) throw new UsageError(`unknown format '${values.format}'. Use stylish, json, sarif or github.`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${values['max-warnings']}'.`);
  }
  const checkOptions = { paths: positionals, cwd: process.cwd(), configFile: values.config as string | undefined, followSymlinks: Boolean(values['follow-symlinks']) };
  let outcome = await runCheck(checkOptions);
  if (!outcome.ok) return cannotRun(outcome.message);
  if (values['fix-dry-run']) {
    const fixes = fixFiles(outcome.results, outcome.config, false);
    process.stdout.write(fixes.diff);
    say(fixes.fixed
      ? `--fix would make ${plural(fixes.fixed, 'fix', 'fixes')} in ${plural(fixes.files, 'file')}; nothing was written.`
      : 'no safe fixes to make.');
    return fixes.fixed ? 1 : 0;
  }
  if (values.fix) {
    const fixes = fixFiles(outcome.results, outcome.config, true);
    for (const problem of fixes.problems) say(problem);
    if (fixes.fixed) say(`made ${plural(fixes.fixed, 'fix', 'fixes')} in ${plural(fixes.files, 'file')}.`);
    // What is left after the fixes, checked as written.
    if (fixes.files) outcome = await runCheck(checkOptions);
    if (!outcome.ok) return cannotRun(outcome.message);
    if (fixes.problems.length) return 2;
  }
  const color = values['no-color'] ? false : values.color ? true : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(formatter(outcome.results, { color, version: VERSION }));
  if (formatter === formatStylish && outcome.results.every((r) => r.diagnostics.length === 0)) {
    // ESLint says nothing when all is well; a teacher running the quick start wants a word.
    say(`${outcome.results.length} case${outcome.results.length === 1 ? '' : 's'} checked, no problems.`);
  }
  const all = outcome.results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    say(`too many warnings (${warnings}); at most ${maxWarnings} allowed.`);
    return 1;
  }
  return errors ? 1 : 0;
}

async function explain(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'text' },
    config: { type: 'string' },
  });
  const format = String(values.format);
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' for explain. Use text or json.`);
  if (positionals.length !== 1) throw new UsageError('explain takes exactly one .case file.');
  const outcome = await runExplain(positionals[0], format, process.cwd(), values.config as string | undefined);
  if (!outcome.ok) return cannotRun(outcome.message);
  // The text quotes the case: made safe for a terminal. JSON escapes control characters itself.
  process.stdout.write(format === 'text' ? terminalSafe(outcome.output) : outcome.output);
  return 0;
}

async function render(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    view: { type: 'string', default: 'learner' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string' },
  });
  const view = String(values.view);
  if (view !== 'learner' && view !== 'answer' && view !== 'both') throw new UsageError(`unknown view '${view}'. Use learner, answer or both.`);
  if (positionals.length !== 1) throw new UsageError('render takes exactly one .case file.');
  const outcome = await runRender(positionals[0], view as RenderView, values.output as string | undefined, process.cwd(), values.config as string | undefined);
  if (!outcome.ok) return cannotRun(outcome.message);
  if (!values.output) process.stdout.write(outcome.html);
  // Like export, say what was written where: a page written silently looks like nothing happened.
  else process.stderr.write(`casewright: wrote the ${view} view of ${positionals[0]} to ${values.output}\n`);
  return 0;
}

async function stats(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'text' },
    config: { type: 'string' },
  });
  const format = String(values.format);
  if (!Object.hasOwn(STATS_FORMATS, format)) throw new UsageError(`unknown format '${format}'. Use text, json, markdown or html.`);
  const outcome = await runStats({ paths: positionals, cwd: process.cwd(), format: format as StatsFormat, configFile: values.config === undefined ? undefined : String(values.config) });
  if (!outcome.ok) return cannotRun(outcome.message);
  process.stdout.write(outcome.output);
  return 0;
}

async function exportSite(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    output: { type: 'string', short: 'o' },
    answers: { type: 'boolean' },
    config: { type: 'string' },
    'follow-symlinks': { type: 'boolean' },
    status: { type: 'string' },
    format: { type: 'string', default: 'html' },
    tag: { type: 'string' },
  });
  if (!values.output) throw new UsageError('export needs -o DIR, the folder to write the site to.');
  const statusFilter = values.status === undefined ? undefined : parseStatusFilter(String(values.status));
  if (statusFilter && !statusFilter.ok) throw new UsageError(statusFilter.message);
  const format = String(values.format);
  if (format !== 'html' && !(QUESTION_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown export format "${format}"; use html, ${QUESTION_FORMATS.join(', ')}.`);
  // The question formats carry the keys for the platform; a teacher's copy is the html one.
  if (values.answers && format !== 'html') throw new UsageError(`--answers writes the teacher's pages of the html export; the ${format} export already holds the keys.`);
  const outcome = await runExport({
    paths: positionals, output: String(values.output), answers: Boolean(values.answers), cwd: process.cwd(),
    configFile: values.config as string | undefined, followSymlinks: Boolean(values['follow-symlinks']),
    statuses: statusFilter?.ok ? statusFilter.statuses : undefined,
    format: format as 'html' | QuestionExportName, tag: values.tag === undefined ? undefined : String(values.tag),
  });
  if (!outcome.ok) {
    if (outcome.exitCode === 1) {
      say(outcome.message);
      return 1;
    }
    return cannotRun(outcome.message);
  }
  for (const { file, problem } of outcome.skipped) say(`${file}: ${problem.message} (not exported)`);
  if (outcome.files) {
    for (const warning of outcome.warnings ?? []) say(warning);
    say(`wrote ${outcome.files.join(', ')} (${outcome.pages} case${outcome.pages === 1 ? '' : 's'}) to ${values.output}`);
  } else {
    for (const warning of outcome.warnings ?? []) say(warning);
    say(`wrote ${outcome.pages} case page${outcome.pages === 1 ? '' : 's'} and index.html to ${values.output}`);
  }
  return outcome.skipped.length ? 1 : 0;
}

/** One line on stderr, made safe for a terminal (paths and settings come from the user's files). */
function say(message: string): void {
  process.stderr.write(`casewright: ${terminalSafeLine(message)}\n`);
}

/** The command could not run: its message (a line per problem) and exit code 2. */
function cannotRun(message: string): number {
  process.stderr.write(`casewright: ${terminalSafe(message)}\n`);
  return 2;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string; short?: string }>;

function parseOptions(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

// dist/cli.js (launch.ts) tunes V8 for the batch run, then runs this bundle as its own body.
if (require.main === module && !runAsWorkerIfAsked()) {
  // `casewright check | head` closes the pipe early: that is not an error worth a stack trace.
  // Any other output error (a full disk, `> /dev/full`) is a command that could not run.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    outputFailed(error);
  });
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      if (isOutputError(error)) return outputFailed(error);
      const usage = error instanceof UsageError;
      say(usage ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}

/** A write to stdout failed (synchronously, for a file; as an event, for a pipe). */
function isOutputError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && (error as NodeJS.ErrnoException).syscall === 'write';
}

function outputFailed(error: NodeJS.ErrnoException): void {
  const reason = error.code === 'ENOSPC' ? 'no space left on the device' : describeFsError(error);
  try {
    say(`could not write the output: ${reason}`);
  } catch {
    // stderr is gone too: the exit code is all that is left to say it.
  }
  process.exit(2);
}
