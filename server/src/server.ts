// The bundle's entry (dist/server.js): makes the connection from the command line (--stdio or
// node IPC, as vscode-languageserver reads it) and starts the server on it. Everything the
// server does lives in lsp/startServer.ts, so tests can also run it in-process.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { tuneForBatchRun } from './cli/runtimeTuning';
import { exitWhenFramingIsLost, keepServingOnUncaughtErrors, routeConsoleToClient } from './lsp/processGuards';
import { startServer } from './lsp/startServer';

// Loading a workspace is the CLI's batch run again (every case once, before the optimizing
// compiler has caught up): the same smaller inlining budget cut the server's CPU time for a
// 3,000-case load from about 2.2 s to 1.8 s, what `casewright check` takes on that bank.
tuneForBatchRun();

function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function connectFromCommandLine(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  // Over stdio the reader is ours, so that a lost framing ends the process (see processGuards).
  const reader = new StreamMessageReader(process.stdin);
  exitWhenFramingIsLost(reader, positiveNumber(process.env.CASEWRIGHT_PARTIAL_MESSAGE_TIMEOUT_MS));
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  let shutdownReceived = false;
  connection.onShutdown(() => { shutdownReceived = true; });
  const exit = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  routeConsoleToClient(connection);
  return connection;
}

const connection = connectFromCommandLine();
keepServingOnUncaughtErrors((message) => connection.console.error(message));
// Both waits can be shortened for tests.
startServer(connection, { configurationTimeoutMs: positiveNumber(process.env.CASEWRIGHT_CONFIGURATION_TIMEOUT_MS) });
