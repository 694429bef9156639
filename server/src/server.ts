// The Casewright language server: a thin adapter over the core. Runs with --stdio or node IPC
// (vscode-languageserver picks the transport from the command line).
import { createConnection, ProposedFeatures, TextDocuments, type ClientCapabilities, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type CasewrightSettings } from './protocol/customMessages';
import type { FeatureContext } from './lsp/featureContext';
import { DiagnosticsPublisher } from './lsp/features/diagnostics';
import { FEATURES } from './lsp/features';
import { sendBankStatus } from './lsp/features/workspaceSync';
import { readSettings } from './lsp/settings';
import { WorkspaceBank } from './lsp/workspaceBank';

declare const CASEWRIGHT_VERSION: string | undefined;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new WorkspaceBank();
let settings: CasewrightSettings = DEFAULT_SETTINGS;
let canPullConfiguration = false;
let folderUris: string[] = [];
let clientCapabilities: ClientCapabilities = {};

const client = () => clientCapabilities;
const publisher = new DiagnosticsPublisher({ connection, documents, workspace, settings: () => settings });
const context: FeatureContext = { connection, documents, workspace, settings: () => settings, diagnostics: publisher, client };

connection.onInitialize((params): InitializeResult => {
  clientCapabilities = params.capabilities;
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const options = params.initializationOptions as { settings?: unknown; trusted?: boolean } | undefined;
  if (options?.settings) settings = readSettings(options.settings);
  workspace.setTrusted(options?.trusted !== false);
  const capabilities: ServerCapabilities = {};
  for (const feature of FEATURES) mergeInto(capabilities as Record<string, unknown>, feature.capabilities as Record<string, unknown>);
  return { capabilities, serverInfo: { name: 'casewright', version: typeof CASEWRIGHT_VERSION === 'string' ? CASEWRIGHT_VERSION : undefined } };
});

connection.onInitialized(async () => {
  await pullSettings();
  await workspace.initialize(folderUris);
  workspace.setEditorRules(settings.rules);
  sendBankStatus(context);
  publisher.republishAll();
});

connection.onDidChangeConfiguration(async (change) => {
  if (canPullConfiguration) await pullSettings();
  else settings = readSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
  workspace.setEditorRules(settings.rules);
  publisher.republishAll();
  void connection.languages.inlayHint.refresh().catch(() => undefined);
});

async function pullSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const [section] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    settings = readSettings(section);
  } catch {
    // The client could not answer; keep the settings we have.
  }
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

for (const feature of FEATURES) feature.register(context);
documents.listen(connection);
connection.listen();
