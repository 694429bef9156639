// The server's case bank: open documents (the editor's text wins) and the closed .case files
// of the workspace folders (read from disk), analysed on the core's CaseBank. Each document is
// parsed once per version; features ask `analysis(uri)` and get the current one.
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getCaseService, type CaseAnalysis, type CasewrightConfig, type CaseDiagnostic } from '../core';
import { loadConfig, type LoadedConfig } from '../node/configDiscovery';
import { discoverCaseFiles } from '../node/fileDiscovery';
import { readCaseFile } from '../node/readCaseFile';
import { normalizeUri, pathToUri, uriToPath } from './uris';

export class WorkspaceBank {
  private readonly bank = getCaseService().createBank();
  /** Version of the text each open document was last analysed at. */
  private readonly analysedVersions = new Map<string, number>();
  private readonly openDocuments = new Map<string, TextDocument>();
  private folders: string[] = [];
  private editorRules: CasewrightConfig['rules'] = {};
  /** In an untrusted workspace casewright.json may only change severities and ignored files. */
  private trusted = true;
  private fileConfig: LoadedConfig | undefined;
  private markReady!: () => void;
  /** Settles when the first scan of the workspace folders is done. */
  readonly ready = new Promise<void>((resolve) => { this.markReady = resolve; });

  /** Scans the workspace folders and loads casewright.json. Returns how many files were found. */
  async initialize(folderUris: string[]): Promise<number> {
    let count = 0;
    try {
      this.folders = folderUris.map(uriToPath).filter((p): p is string => Boolean(p));
      await this.reloadConfig();
      for (const folder of this.folders) {
        const { files } = await discoverCaseFiles([folder], folder, { root: this.fileConfig?.root ?? folder, patterns: this.fileConfig?.config.ignore ?? [] });
        for (const file of files) {
          const uri = pathToUri(file);
          if (this.openDocuments.has(uri)) continue;
          if (await this.readFromDisk(uri)) count++;
        }
      }
    } finally {
      this.markReady();
    }
    return count;
  }

  get config(): LoadedConfig | undefined {
    return this.fileConfig;
  }

  /** casewright.json (found upward from the first folder) with the editor's rules on top. */
  async reloadConfig(): Promise<void> {
    const start = this.folders[0] ?? process.cwd();
    this.fileConfig = await loadConfig(start);
    this.applyConfig();
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.applyConfig();
  }

  setEditorRules(rules: CasewrightConfig['rules']): void {
    this.editorRules = rules ?? {};
    this.applyConfig();
  }

  private applyConfig(): void {
    const loaded = this.fileConfig?.problem ? {} : this.fileConfig?.config ?? {};
    // Untrusted: keep only what changes how problems are shown, never how cases are judged.
    const base: CasewrightConfig = this.trusted ? loaded : { rules: loaded.rules, ignore: loaded.ignore };
    this.bank.setConfig({ ...base, rules: { ...(base.rules ?? {}), ...this.editorRules } });
    // Maturation settings change the analysis itself: re-analyse what the bank holds.
    this.analysedVersions.clear();
  }

  /** Re-analyses every document with the current configuration. */
  async reanalyzeAll(): Promise<void> {
    for (const uri of this.bank.uris()) {
      const open = this.openDocuments.get(uri);
      if (open) this.analyseOpen(open);
      else await this.readFromDisk(uri);
    }
  }

  open(document: TextDocument): void {
    this.openDocuments.set(normalizeUri(document.uri), document);
  }

  /** The editor closed the file: from now on the disk is the truth for it. */
  async close(uri: string): Promise<void> {
    const key = normalizeUri(uri);
    this.openDocuments.delete(key);
    this.analysedVersions.delete(key);
    if (!(await this.readFromDisk(key))) this.bank.delete(key);
  }

  isOpen(uri: string): boolean {
    return this.openDocuments.has(normalizeUri(uri));
  }

  /** The current analysis of a document, parsing it now if its version is newer. */
  analysis(uri: string): CaseAnalysis | undefined {
    const key = normalizeUri(uri);
    const open = this.openDocuments.get(key);
    if (open && this.analysedVersions.get(key) !== open.version) this.analyseOpen(open);
    return this.bank.get(key);
  }

  private analyseOpen(document: TextDocument): CaseAnalysis {
    const key = normalizeUri(document.uri);
    const analysis = this.bank.set(key, document.getText());
    this.analysedVersions.set(key, document.version);
    return analysis;
  }

  /** Document and bank-wide diagnostics of one document, configuration applied. */
  diagnostics(uri: string): readonly CaseDiagnostic[] {
    const key = normalizeUri(uri);
    this.analysis(key);
    return this.bank.diagnostics(key);
  }

  /** A watched file changed on disk (created, changed). Open documents keep the editor's text. */
  async fileChanged(uri: string): Promise<void> {
    const key = normalizeUri(uri);
    if (!this.openDocuments.has(key)) await this.readFromDisk(key);
  }

  fileDeleted(uri: string): void {
    const key = normalizeUri(uri);
    if (!this.openDocuments.has(key)) this.bank.delete(key);
  }

  private async readFromDisk(uri: string): Promise<boolean> {
    const file = uriToPath(uri);
    if (!file || path.extname(file) !== '.case') return false;
    const read = await readCaseFile(file);
    if (!read.ok) {
      this.bank.delete(uri);
      return false;
    }
    this.bank.set(uri, read.text);
    return true;
  }

  uris(): string[] {
    return this.bank.uris();
  }

  openUris(): string[] {
    return [...this.openDocuments.keys()];
  }

  /** Every case id in the bank with the uris that define it. */
  caseIds(): Map<string, string[]> {
    return this.bank.caseIds();
  }

  /** All analyses, for bank-wide features (references, rename). */
  *analyses(): Iterable<[string, CaseAnalysis]> {
    for (const uri of this.bank.uris()) {
      const analysis = this.analysis(uri);
      if (analysis) yield [uri, analysis];
    }
  }
}
