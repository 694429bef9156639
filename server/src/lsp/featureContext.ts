// What every feature file gets: the connection, the open documents, the bank and the settings.
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CasewrightSettings } from '../protocol/customMessages';
import type { DiagnosticsPublisher } from './features/diagnostics';
import type { WorkspaceBank } from './workspaceBank';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: WorkspaceBank;
  settings(): CasewrightSettings;
  diagnostics: DiagnosticsPublisher;
  /** What the editor said it supports at initialize (empty before). */
  client(): ClientCapabilities;
}

/** One editor feature: the capabilities it announces and the handlers it registers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(context: FeatureContext): void;
}
