// Every handler is wrapped: an exception is logged and becomes the fallback answer, and a
// cancelled request is answered as cancelled (STYLE.md rule 6; VS Code's runner.ts).
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

export function runSafe<T>(connection: Connection, what: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = work();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    // A deliberate refusal (an invalid rename) goes back to the client as the error it is.
    if (error instanceof ResponseError) return error;
    connection.console.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return fallback;
  }
}

export async function runSafeAsync<T>(connection: Connection, what: string, fallback: T, token: CancellationToken | undefined, work: () => Promise<T>): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await work();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    if (error instanceof ResponseError) return error;
    connection.console.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * A notification handler (didChangeWatchedFiles, didChangeConfiguration, …): nobody waits for an
 * answer, so a failure is logged and the server carries on; never an unhandled rejection.
 */
export function runSafeNotification(connection: Connection, what: string, work: () => void | Promise<void>): void {
  const report = (error: unknown) => connection.console.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  try {
    const pending = work();
    if (pending) pending.catch(report);
  } catch (error) {
    report(error);
  }
}

/**
 * Lets the event loop run (incoming messages, a `$/cancelRequest`) in the middle of long work.
 * setImmediate, not a resolved promise: the reader's data events are macrotasks.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
