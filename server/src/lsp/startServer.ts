// The Casewright language server on a given connection: a thin adapter over the core. The
// bundle's entry (server.ts) makes the connection from the command line; tests can hand in a
// connection over a pair of in-memory streams and run the very same server in-process.
import type { ClientCapabilities, Connection, InitializeResult, ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { wildcardRuleProblems } from '../core';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type CasewrightSettings } from '../protocol/customMessages';
import type { FeatureContext } from './featureContext';
import { DiagnosticsPublisher } from './features/diagnostics';
import { FEATURES } from './features';
import { sendBankStatus } from './features/workspaceSync';
import { runSafeNotification } from './runner';
import { readSettings } from './settings';
import { WorkspaceBank } from './workspaceBank';

declare const CASEWRIGHT_VERSION: string | undefined;

export interface ServerOptions {
  /**
   * How long to wait for the client's answer to `workspace/configuration` before going on with
   * the settings already held (the defaults at first). A client that never answers must not
   * leave files without diagnostics.
   */
  configurationTimeoutMs?: number;
}

/** What a started server exposes to whoever started it (the entry, in-process tests). */
export interface ServerHandle {
  readonly workspace: WorkspaceBank;
  readonly diagnostics: DiagnosticsPublisher;
}

export const DEFAULT_CONFIGURATION_TIMEOUT_MS = 2000;

export function startServer(connection: Connection, options: ServerOptions = {}): ServerHandle {
  const configurationTimeoutMs = options.configurationTimeoutMs ?? DEFAULT_CONFIGURATION_TIMEOUT_MS;
  const documents = new TextDocuments(TextDocument);
  const workspace = new WorkspaceBank();
  let settings: CasewrightSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let folderUris: string[] = [];
  let clientCapabilities: ClientCapabilities = {};

  const publisher = new DiagnosticsPublisher({ connection, documents, workspace, settings: () => settings });
  const context: FeatureContext = { connection, documents, workspace, settings: () => settings, diagnostics: publisher, client: () => clientCapabilities };

  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const initOptions = params.initializationOptions as { settings?: unknown; trusted?: boolean } | undefined;
    if (initOptions?.settings) settings = readSettings(initOptions.settings);
    workspace.setTrusted(initOptions?.trusted !== false);
    const capabilities: ServerCapabilities = {};
    for (const feature of FEATURES) mergeInto(capabilities as Record<string, unknown>, feature.capabilities as Record<string, unknown>);
    return { capabilities, serverInfo: { name: 'casewright', version: typeof CASEWRIGHT_VERSION === 'string' ? CASEWRIGHT_VERSION : undefined } };
  });

  connection.onInitialized(() => runSafeNotification(connection, 'initialized', async () => {
    await pullSettings();
    applyEditorRules();
    await workspace.initialize(folderUris);
    sendBankStatus(context);
    publisher.republishAll();
  }));

  connection.onDidChangeConfiguration((change) => runSafeNotification(connection, 'configuration change', async () => {
    if (canPullConfiguration) await pullSettings();
    else settings = readSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    applyEditorRules();
    publisher.republishAll();
    void connection.languages.inlayHint.refresh().catch(() => undefined);
  }));

  /** The editor's `casewright.rules` on top of casewright.json; a wildcard that matches no code is said in the log. */
  function applyEditorRules(): void {
    for (const problem of wildcardRuleProblems(settings.rules)) connection.console.warn(`The setting casewright.rules: ${problem}.`);
    workspace.setEditorRules(settings.rules);
  }

  /** Asks the client for the settings; keeps the ones held when it fails or does not answer in time. */
  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), configurationTimeoutMs); });
    try {
      const answer = await Promise.race([connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]), timedOut]);
      if (answer === 'timeout') {
        connection.console.warn(`The editor did not answer workspace/configuration within ${configurationTimeoutMs} ms; using the settings held so far.`);
        return;
      }
      settings = readSettings((answer as unknown[])[0]);
    } catch {
      // The client could not answer; keep the settings we have.
    } finally {
      clearTimeout(timer);
    }
  }

  for (const feature of FEATURES) feature.register(context);
  documents.listen(connection);
  connection.listen();
  return { workspace, diagnostics: publisher };
}

/** Capabilities from several features: objects merge, so two features can extend `workspace`. */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing && typeof existing === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
      mergeInto(existing as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}
