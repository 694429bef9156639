// `casewright help`, `casewright <command> --help`: what a user types first when unsure.
import { strict as assert } from 'node:assert';
import { runCli } from '../support/runCli';

const COMMANDS = ['check', 'explain', 'render', 'export', 'stats'];

describe('casewright help (the real process)', () => {
  it('lists every command and each command\'s options: exit 0', () => {
    const run = runCli(['help']);
    assert.equal(run.status, 0, run.stderr);
    for (const command of COMMANDS) {
      assert.match(run.stdout, new RegExp(`^  ${command}\\b`, 'm'), command);
      assert.match(run.stdout, new RegExp(`^Options for ${command}:$`, 'm'), command);
    }
    assert.match(run.stdout, /^Exit codes: 0 /m);
  });

  it('no command prints the help on stdout and exits 2', () => {
    const run = runCli([]);
    assert.equal(run.status, 2);
    assert.match(run.stdout, /^Usage: casewright <command>/);
  });

  for (const command of COMMANDS) {
    it(`${command} --help, ${command} -h and help ${command} print that command's usage and options: exit 0`, () => {
      for (const args of [[command, '--help'], [command, '-h'], ['help', command], [command, 'samples', '--format', 'json', '--help']]) {
        const run = runCli(args);
        assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
        assert.equal(run.stderr, '', args.join(' '));
        assert.match(run.stdout, new RegExp(`^Usage: casewright ${command} .*\\[options\\]$`, 'm'), args.join(' '));
        assert.match(run.stdout, /^Options:$/m);
        assert.match(run.stdout, /--config <file>/);
        // Only this command's share: no other command's options heading.
        assert.doesNotMatch(run.stdout, /^Options for /m, args.join(' '));
      }
    });
  }

  it('after --, "--help" is a path, not a request for help', () => {
    const run = runCli(['check', '--', '--help']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^casewright: --help: no such file or folder/);
  });

  it('an unknown option is still a one-line usage error that names it', () => {
    const run = runCli(['check', '--hepl']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^casewright: Unknown option '--hepl'/);
    assert.equal(run.stderr.trim().split('\n').length, 1);
  });
});
