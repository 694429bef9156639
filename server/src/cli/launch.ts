// The `casewright` command (dist/cli.js): runs the CLI's bundle (dist/cli-main.js) from V8's
// code cache when the build made one. Compiling the ~0.8 MB bundle was the largest part of every
// start (~40 ms of a 0.18 s `check` on an empty folder), and a check compiles hundreds of its
// functions again on first call; the cache holds the bytecode of everything a check of the
// samples ran (scripts/build.mjs writes it, as Node 22's module compile cache would).
// The cache is used only for the very bundle it was made from (the file holds a copy of the
// bundle, compared byte for byte: cheaper than hashing, which would load node:crypto), and V8
// itself refuses one made by another Node version or with other flags: then the bundle is
// compiled as usual. Slower, never wrong.
import { readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { tuneForBatchRun } from './runtimeTuning';
import { WORKER_FLAG } from './workerFlag';

/** Set by the build: run once, then write the cache of what the run compiled. */
const WRITE_CACHE = process.env.CASEWRIGHT_WRITE_CODE_CACHE === '1';
/** The cache file: the bundle's length (4 bytes), the bundle, then V8's cached data. */
const LENGTH_BYTES = 4;

// Before anything is compiled: V8's flags are the whole process's, and a code cache is accepted
// only under the flags it was made with. A checking thread finds them set by the main thread
// (changing them while other threads run code is not safe).
if (!process.argv.includes(WORKER_FLAG)) tuneForBatchRun();
const bundle = path.join(__dirname, 'cli-main.js');
const cacheFile = `${bundle}.cache`;
const bytes = readFileSync(bundle);
const script = new Script(Module.wrap(bytes.toString('utf8')), { filename: bundle, cachedData: cacheFor(bytes) });
// The bundle runs as this module's body: `require.main === module` still says it is the command.
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, bundle, __dirname);
if (WRITE_CACHE) process.once('exit', () => writeCache(bytes, script.createCachedData()));

/** The cached code, when the cache file was made from this very bundle. */
function cacheFor(source: Buffer): Buffer | undefined {
  if (WRITE_CACHE) return undefined;
  try {
    const cache = readFileSync(cacheFile);
    const length = cache.length >= LENGTH_BYTES ? cache.readUInt32LE(0) : -1;
    const madeFrom = cache.subarray(LENGTH_BYTES, LENGTH_BYTES + length);
    return length === source.length && madeFrom.equals(source) ? cache.subarray(LENGTH_BYTES + length) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(source: Buffer, cachedData: Buffer): void {
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32LE(source.length, 0);
  writeFileSync(cacheFile, Buffer.concat([length, source, cachedData]));
}
