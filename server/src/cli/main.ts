// The `casewright` command line: a thin shell over the core. Exit codes: 0 clean, 1 problems
// found, 2 the command could not run (message on stderr, never a stack trace).
import { parseArgs } from 'node:util';
import { runCheck } from './checkCommand';
import { runExplain } from './explainCommand';
import type { Formatter } from './formatters/fileResult';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';

declare const CASEWRIGHT_VERSION: string | undefined;
const VERSION = typeof CASEWRIGHT_VERSION === 'string' ? CASEWRIGHT_VERSION : '0.0.0-dev';

const FORMATTERS: Record<string, Formatter> = { stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub };

const USAGE = `Usage: casewright <command> [options]

Commands:
  check [PATH|GLOB …]    Check every .case file under the paths (default: .) as one case bank
  explain FILE           Show a case's derived indices and the mechanism its evidence points to
  help                   Show this help

Options for check:
  --format <name>        stylish (default), json, sarif or github
  --max-warnings <n>     Exit 1 when there are more than n warnings
  --config <file>        Use this casewright.json instead of searching upward
  --no-color             Plain output

Options for explain:
  --format <name>        text (default) or json
  --config <file>        Use this casewright.json instead of searching upward

Exit codes: 0 no errors, 1 errors found, 2 the command could not run.`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (command === 'check') return check(rest);
  if (command === 'explain') return explain(rest);
  throw new UsageError(`unknown command '${command}'. Run 'casewright help' for the list.`);
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'stylish' },
    'max-warnings': { type: 'string' },
    config: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  const formatter = FORMATTERS[String(values.format)];
  if (!formatter) throw new UsageError(`unknown format '${values.format}'. Use stylish, json, sarif or github.`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${values['max-warnings']}'.`);
  }
  const outcome = await runCheck({ paths: positionals, cwd: process.cwd(), configFile: values.config as string | undefined });
  if (!outcome.ok) {
    process.stderr.write(`casewright: ${outcome.message}\n`);
    return 2;
  }
  const color = values['no-color'] ? false : values.color ? true : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(formatter(outcome.results, { color, version: VERSION }));
  const all = outcome.results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`casewright: too many warnings (${warnings}); at most ${maxWarnings} allowed.\n`);
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
  if (!outcome.ok) {
    process.stderr.write(`casewright: ${outcome.message}\n`);
    return 2;
  }
  process.stdout.write(outcome.output);
  return 0;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string }>;

function parseOptions(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      const usage = error instanceof UsageError;
      process.stderr.write(`casewright: ${usage ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`}\n`);
      process.exitCode = 2;
    },
  );
}
