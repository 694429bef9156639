// Every regular expression that can see user text stays linear: each literal in the product's
// source, each pattern in schemas/ (the case schema validates user text, the mechanism rules
// search prose), run on 100 KB adversarial inputs (long runs of blanks, digits, separators).
// A backtracking regex takes minutes on these; a linear one milliseconds. Then the entry points
// a user reaches with such text: analysis, completion, hover, formatting and the CLI's output.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { analyzeCase } from '../../server/src/core/analyzeCase';
import { CaseBank } from '../../server/src/core/bank';
import { complete } from '../../server/src/core/services/completion';
import { formatCase } from '../../server/src/core/services/formatting';
import { hover } from '../../server/src/core/services/hover';
import { inlayHints } from '../../server/src/core/services/inlayHints';
import { numberThenUnit } from '../../server/src/core/services/valueCompletion';
import { formatGithub } from '../../server/src/cli/formatters/github';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import { joinLines } from '../../server/src/cli/terminalText';
import fc from 'fast-check';

const REPO = path.resolve(__dirname, '..', '..');
const SOURCE_FOLDERS = ['server/src', 'client/src', 'media'];

/**
 * Files that build a RegExp from something other than a literal, and where that pattern
 * comes from. A new `new RegExp(…)` on anything else fails the test until it is listed here,
 * with its patterns covered below.
 */
const DYNAMIC_REGEXPS: Record<string, string> = {
  'server/src/core/services/caseIdReferences.ts': 'the case id pattern of schemas/case.schema.json',
  'server/src/core/clinical/findings.ts': 'the prose patterns of schemas/mechanisms.json',
  'server/src/core/checks/privacy/identifierPatterns.ts': 'its own literal alternatives joined into one scan (test/unit/privacy.test.ts runs them on 100 KB lines)',
  'server/src/core/checks/privacy/identifierPretests.ts': 'the scan\'s keywords and its own literals, as quick tests before the scan (test/unit/privacy.test.ts runs them on 100 KB lines)',
  'server/src/core/schema/schemaPrecheck.ts': 'the patterns of schemas/case.schema.json (covered as schema patterns below)',
};

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(folder: string): string[] {
  const full = path.join(REPO, folder);
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|js|mjs)$/.test(e.name) && !e.name.includes('.generated.') && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function regexesIn(file: string): { literals: FoundRegex[]; dynamic: boolean } {
  const text = readFileSync(path.join(REPO, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literals: FoundRegex[] = [];
  let dynamic = false;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const raw = node.text;
      const end = raw.lastIndexOf('/');
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      literals.push({ where: `${file}:${line}`, source: raw.slice(1, end), flags: raw.slice(end + 1) });
    }
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') dynamic = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, dynamic };
}

function schemaPatterns(): FoundRegex[] {
  const found: FoundRegex[] = [];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}/${i}`));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'pattern' && typeof child === 'string') found.push({ where, source: child, flags: 'giu' });
        else if (key === 'patternProperties' && child && typeof child === 'object') for (const p of Object.keys(child)) found.push({ where, source: p, flags: 'u' });
        walk(child, `${where}/${key}`);
      }
    }
  };
  for (const name of readdirSync(path.join(REPO, 'schemas')).filter((n) => n.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(path.join(REPO, 'schemas', name), 'utf8')), `schemas/${name}#`);
  }
  return found;
}

/** 100 KB of one shape, with a start that anchored patterns accept and an end that fails them. */
function adversarialInputs(): string[] {
  const size = 100_000;
  const units = [' ', '\t', '0', '9', 'a', 'Z', '-', ',', ':', '.', '%', '(', ')', '[', '<', '#', '\\', '$', '{', '~', '`', '\u00a0', '/',
    '0 ', 'a-', '1.', 'a ', ', ', ': ', '0,', '- ', 'no ', '$1', 'ab', 'a1', '~1', '\\.', '${1:', ' \n'];
  const inputs: string[] = [];
  for (const unit of units) {
    const body = unit.repeat(Math.ceil(size / unit.length));
    for (const start of ['', '1', '[', 'a']) inputs.push(`${start}${body}!`);
    inputs.push(`${body}\n!`);
  }
  return inputs;
}

// The check itself runs in a worker so that a backtracking pattern can be stopped.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
for (const { source, flags } of workerData.regexes) {
  const regex = new RegExp(source, flags);
  for (const input of workerData.inputs) {
    regex.lastIndex = 0;
    input.replace(regex, '');
  }
  parentPort.postMessage(source);
}
`;

/** Rejects with the pattern that did not finish within `perPatternMs`. */
function runAll(regexes: FoundRegex[], inputs: string[], perPatternMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { regexes: regexes.map(({ source, flags }) => ({ source, flags })), inputs } });
    let done = 0;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        const stuck = regexes[done];
        reject(new Error(`/${stuck.source}/${stuck.flags} (${stuck.where}) did not finish 100 KB inputs in ${perPatternMs / 1000} s: it backtracks`));
      }, perPatternMs);
    };
    arm();
    worker.on('message', () => {
      done++;
      if (done === regexes.length) {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve());
      } else arm();
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('regular expressions on user text are linear', function () {
  this.timeout(300_000);
  const files = SOURCE_FOLDERS.flatMap(sourceFiles);

  it('every file that builds a RegExp from a non-literal is listed, with where its patterns come from', () => {
    const dynamic = files.filter((f) => regexesIn(f).dynamic).sort();
    assert.deepEqual(dynamic, Object.keys(DYNAMIC_REGEXPS).sort());
  });

  it('every regex literal in the source and every pattern in schemas/ finishes 100 KB adversarial inputs', async () => {
    const regexes = [...files.flatMap((f) => regexesIn(f).literals), ...schemaPatterns()];
    assert.ok(regexes.length > 40, `found only ${regexes.length} patterns`);
    await runAll(regexes, adversarialInputs(), 20_000);
  });

  it('the audit catches a backtracking pattern (the old unit-completion regex)', async () => {
    const old = { where: 'old valueCompletion.ts', source: String.raw`^[ \t]*(?:<=|>=|<|>|≤|≥)?[ \t]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)([ \t]*)(\S*)$`, flags: '' };
    await assert.rejects(runAll([old], [' '.repeat(100_000) + '!'], 1_000), /backtracks/);
  });
});

describe('entry points on 100 KB adversarial lines', function () {
  this.timeout(120_000);
  const generous = 5_000; // ms; linear work on these inputs takes a few milliseconds

  const timed = (label: string, run: () => void) => {
    const started = Date.now();
    run();
    const took = Date.now() - started;
    assert.ok(took < generous, `${label} took ${took} ms`);
  };

  it('completion after `hemoglobin:` and 100,000 blanks or digits answers at once', () => {
    for (const tail of [' '.repeat(100_000), '\t '.repeat(50_000), '5'.repeat(100_000) + ' x y', '5' + ' '.repeat(100_000) + 'x y', '<'.repeat(100_000)]) {
      const text = `case: a-1\ntitle: T\n[labs]\nhemoglobin:${tail}\n`;
      const analysis = analyzeCase(text);
      timed('completion', () => complete(analysis, { line: 3, character: 11 + tail.length }, ['a-1']));
      timed('hover', () => hover(analysis, { line: 3, character: 5 }));
    }
  });

  it('analysis, hover, hints and formatting on long runs in every kind of line', () => {
    const runs = [' '.repeat(100_000), '0'.repeat(100_000), ', '.repeat(50_000), ': '.repeat(50_000), '- '.repeat(50_000), 'no '.repeat(33_000) + '.'];
    const lines = (run: string) => [`title: ${run}x`, `see-also: ${run}x`, `[labs${run}]`, `hemoglobin: 7${run}g/dL x`, `reticulocytes: ${run}`, `age: ${run}y`,
      `[history]\n${run}bleeding`, `[smear]\nschistocytes: ${run}`, `[answer]\nmechanism: ${run}`];
    for (const run of runs) {
      for (const line of lines(run)) {
        const text = `case: a-1\ntitle: T\n${line}\n[labs]\nhemoglobin: 7 g/dL\n`;
        timed(`analysis of ${JSON.stringify(line.slice(0, 20))}…`, () => {
          const bank = new CaseBank();
          const analysis = bank.set('file:///a.case', text);
          bank.diagnostics('file:///a.case');
          hover(analysis, { line: 2, character: 3 });
          inlayHints(analysis, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }, { rpi: true, conversions: true });
          formatCase(text, analysis.model.syntax, { tabSize: 2, insertSpaces: true });
          complete(analysis, { line: 2, character: line.indexOf('\n') < 0 ? line.length : 3 }, []);
        });
      }
    }
  });

  it('the stylish and github formats on messages with long runs of blanks', () => {
    const message = `a${' '.repeat(100_000)}\n${' '.repeat(100_000)}b`;
    const results = [{ file: '/x.case', displayPath: 'x.case', diagnostics: [{ severity: 'error' as const, code: 'x', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] }];
    timed('stylish', () => assert.match(formatStylish(results, { color: false, version: '0' }), /a b {2}x$/m));
    timed('github', () => formatGithub(results, { color: false, version: '0' }));
  });

  it('the scanners that replaced regexes agree with them on short text', () => {
    const unitRegex = /^[ \t]*(?:<=|>=|<|>|≤|≥)?[ \t]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)([ \t]*)(\S*)$/;
    const piece = fc.constantFrom(' ', '\t', '<', '<=', '≥', '+', '-', '1', '23', '.', 'g', 'dL', '/', '\u00a0', 'x');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (text) => {
      const old = unitRegex.exec(text);
      assert.deepEqual(numberThenUnit(text), old ? { gap: old[1], unit: old[2] } : undefined, JSON.stringify(text));
      assert.equal(joinLines(text.replace(/x/g, '\n')), text.replace(/x/g, '\n').replace(/\s*\n\s*/g, ' '));
    }), { seed: 3, numRuns: 2000 });
  });
});

describe('snippet text without a regex', () => {
  it('agrees with the pattern it replaced on short snippets', () => {
    const { snippetToPlainText } = require('../../server/src/core/services/completionItem') as typeof import('../../server/src/core/services/completionItem');
    const old = /\$(\d+)|\$\{\d+\}|\$\{\d+:((?:\\.|[^\\}])*)\}|\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)*\|\}|\\([\\$},|])/g;
    const unescape = (t: string) => t.replace(/\\([\\$},|])/g, '$1');
    const piece = fc.constantFrom('$', '{', '}', '1', '23', ':', '|', ',', '\\', 'a', ' ', '\n', '${1:', '${2|', '|}');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }).map((p) => p.join('')), (text) => {
      const expected = text.replace(old, (_w, _t, placeholder?: string, choice?: string, escaped?: string) => escaped ?? unescape(placeholder ?? choice ?? ''));
      assert.equal(snippetToPlainText(text), expected, JSON.stringify(text));
    }), { seed: 5, numRuns: 5000 });
  });
});

describe('evidence labels without a regex', () => {
  it('drop a trailing parenthesis as the pattern did', () => {
    const { evidenceSummary } = require('../../server/src/core/services/mechanismSuggestion') as typeof import('../../server/src/core/services/mechanismSuggestion');
    const piece = fc.constantFrom('(', ')', ' ', 'a', ':', '\t', 'b c');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (label) => {
      const expected = label.split(':')[0].replace(/\s*\([^)]*\)\s*$/, '').trim();
      const mechanism = { id: 'x', score: 1, evidence: [{ effect: 'supports', label }] } as unknown as Parameters<typeof evidenceSummary>[0];
      assert.equal(evidenceSummary(mechanism), expected, JSON.stringify(label));
    }), { seed: 7, numRuns: 3000 });
  });
});
