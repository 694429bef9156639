// What keeps the server process alive and honest whatever happens around it: an exception no
// handler caught is logged and the server keeps serving; a stream that can no longer be framed
// (a bad or missing Content-Length) ends the process, so the editor restarts it, rather than
// leaving it deaf forever.
import type { Connection, MessageReader } from 'vscode-languageserver/node';

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
 * A read error that is not a single bad JSON body means the framing is lost: every later byte
 * would be read as garbage. Exit with 1 (not a clean shutdown) so the client restarts the server.
 * A body that is not JSON leaves the framing intact: the reader goes on with the next message.
 */
export function exitWhenFramingIsLost(reader: MessageReader, exit: (code: number) => void = (code) => process.exit(code)): void {
  reader.onError((error) => {
    if (error instanceof SyntaxError) return;
    process.stderr.write(`casewright: the editor sent a message that cannot be read (${firstLine(error.message)}); the server exits so that the editor can restart it.\n`);
    exit(1);
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
