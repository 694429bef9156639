// What keeps the server process alive and honest whatever happens around it: an exception no
// handler caught is logged and the server keeps serving; a stream that can no longer be framed
// (a bad or missing Content-Length, a body that is not JSON) ends the process, so the editor
// restarts it, rather than leaving it deaf forever.
import type { Connection, StreamMessageReader } from 'vscode-languageserver/node';

/** Logs what escaped every handler (a timer, a stray promise) instead of crashing or hiding it. */
export function keepServingOnUncaughtErrors(log: (message: string) => void): void {
  const report = (kind: string, error: unknown) => {
    const text = `${kind}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    try {
      log(text);
    } catch {
      process.stderr.write(`casewright: ${text}\n`);
    }
  };
  process.on('uncaughtException', (error) => report('uncaught exception', error));
  process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));
}

/**
 * Any read error means the framing can no longer be trusted: a bad or missing Content-Length
 * leaves the rest of the stream unreadable, and even a body that is not JSON may be the first
 * symptom of a wrong length (a negative one corrupts the reader's buffer). Every later byte
 * would be read as garbage and the server would fall silent, so it exits with 1 (not a clean
 * shutdown) and the client restarts it.
 */
export function exitWhenFramingIsLost(reader: StreamMessageReader, partialMessageTimeoutMs = 10_000, exit: (code: number) => void = (code) => process.exit(code)): void {
  const lost = (why: string) => {
    process.stderr.write(`casewright: the editor sent a message that cannot be read (${why}); the server exits so that the editor can restart it.\n`);
    exit(1);
  };
  reader.onError((error) => lost(firstLine(error.message)));
  // A Content-Length larger than the body that follows swallows every later message into that
  // body: the reader waits for the rest forever. Over a local pipe no real message takes long to
  // arrive, so the same message still incomplete after three timeouts means the framing is
  // lost (three, not one: a timer can fire before input that arrived during a long task is read).
  reader.partialMessageTimeout = partialMessageTimeoutMs;
  let waiting: { token: number; times: number } | undefined;
  reader.onPartialMessage(({ messageToken }) => {
    waiting = waiting?.token === messageToken ? { token: messageToken, times: waiting.times + 1 } : { token: messageToken, times: 1 };
    if (waiting.times >= 3) lost(`a message still incomplete after ${(3 * partialMessageTimeoutMs) / 1000} s`);
  });
}

/** Over stdio, stdout carries the protocol: console output goes to the editor's log instead. */
export function routeConsoleToClient(connection: Connection): void {
  const join = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(join(args));
  console.info = (...args: unknown[]) => connection.console.info(join(args));
  console.warn = (...args: unknown[]) => connection.console.warn(join(args));
  console.error = (...args: unknown[]) => connection.console.error(join(args));
  console.debug = (...args: unknown[]) => connection.console.log(join(args));
}

function safeJson(value: unknown): string {
  try {
    return value instanceof Error ? value.stack ?? value.message : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0];
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
