// Custom messages between the extension and the server, declared once for both sides as typed
// RequestType/NotificationType values (as vscode-eslint does in $shared/customMessages.ts): the
// method name, the parameters and the result are checked wherever a message is sent or handled.
// It imports only the protocol package (and types of the core), so the client and the server
// bundles can both include it.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { BankStats } from '../core';

/** Client → server request: check every case in the workspace and publish all diagnostics. */
export const CheckBankRequest = new RequestType<Record<string, never>, CheckBankResult, void>('casewright/checkBank');
export interface CheckBankResult {
  files: number;
  errors: number;
  warnings: number;
}

/** Client → server request: the rendered preview of a case (HTML body and metadata). */
export const PreviewRequest = new RequestType<PreviewParams, PreviewResult | null, void>('casewright/preview');
export interface PreviewParams {
  uri: string;
  view: 'learner' | 'answer';
  /**
   * The preview's "Hide indices" toggle: `true` hides every derived index from the learner view,
   * `false` shows them all; absent, the case's `hide-indices:` (or casewright.json) decides.
   */
  hideIndices?: boolean;
}

/**
 * Client → server request: the file (uri) that already holds case id `id` in the bank, open or
 * closed, or null. The New Case command refuses an id that is taken.
 */
export const CaseIdFileRequest = new RequestType<CaseIdFileParams, string | null, void>('casewright/caseIdFile');
export interface CaseIdFileParams {
  id: string;
}

/** Server → client notification: the bank was (re)scanned; for the status bar. */
export const BankStatusNotification = new NotificationType<BankStatus>('casewright/bankStatus');
export interface BankStatus {
  files: number;
  configFile?: string;
  configProblem?: string;
}

/**
 * Client → server request: the bank's statistics (what `casewright stats` prints) for the
 * statistics view. `follow: true` asks for BankStatsChangedNotification after later changes
 * to the bank; `follow: false` (the view closed) stops them.
 */
export const BankStatsRequest = new RequestType<BankStatsParams, BankStatsResult, void>('casewright/bankStats');
export interface BankStatsParams {
  follow: boolean;
}
export interface BankStatsResult {
  stats: BankStats;
  /** The view's body (escaped HTML); case ids link to their file by uri (`data-file`). */
  html: string;
  /** The configuration file the curriculum came from, if any. */
  configFile?: string;
}

/** Server → client notification: cases were added, edited, removed or reconfigured since the last BankStatsRequest (debounced). */
export const BankStatsChangedNotification = new NotificationType<Record<string, never>>('casewright/bankStatsChanged');

/** The settings section every setting lives under. */
export const SETTINGS_SECTION = 'casewright';

export interface CasewrightSettings {
  validate: { enable: boolean; delay: number };
  inlayHints: { rpi: boolean; conversions: boolean };
  /** Diagnostic code → severity or off, applied on top of casewright.json. */
  rules: Record<string, 'error' | 'warning' | 'info' | 'off'>;
}

export const DEFAULT_SETTINGS: CasewrightSettings = {
  validate: { enable: true, delay: 200 },
  inlayHints: { rpi: true, conversions: true },
  rules: {},
};

export interface PreviewResult {
  /** The rendered, escaped body for the requested view. */
  html: string;
  title: string;
  /** The document version the body was rendered from. */
  version: number | null;
  /**
   * Paths (relative to the case file) of the images the body shows: the `n`th has the stand-in
   * `src="casewright-image:n"`, which the extension replaces with a webview URI.
   */
  images?: string[];
}
