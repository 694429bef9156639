// The server's case bank: open documents (the editor's text wins) and the closed .case files
// of the workspace folders (read from disk), on the core's LeanCaseBank. Open documents keep their
// full analysis, made once per version; closed files keep only what bank-wide checks need (id,
// links, diagnostics), and a closed file's full analysis, when a feature asks for one, lives in
// a small LRU cache (STYLE.md rule 15). Loading a folder reads files in time slices that yield,
// so hovers and completion on open documents are answered while a large bank loads.
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { caseFacts, getCaseService, layerRules, summarizeBank, type BankStats, type BankSummary, type CaseAnalysis, type CaseFacts, type CasewrightConfig, type CaseDiagnostic } from '../core';
import { loadConfig, type LoadedConfig } from '../node/configDiscovery';
import { discoverCaseFiles, ignoreMatcher, type IgnoreRule } from '../node/fileDiscovery';
import { readCaseFile, readCaseFileSync, type ReadResult } from '../node/readCaseFile';
import { AnalysisCache } from './analysisCache';
import { yieldToEventLoop } from './runner';
import { normalizeUri, pathToUri, uriToPath } from './uris';
import { resourceExists } from '../node/resourceExists';

/** Longest stretch of loading between two yields to the event loop, in milliseconds. */
const LOAD_SLICE_MS = 15;

export class WorkspaceBank {
  /** Lean: the core keeps each file's summary and diagnostics, never the whole analysis. */
  private readonly bank = getCaseService().createLeanBank({}, resourceExists);
  private readonly openDocuments = new Map<string, TextDocument>();
  /** Full analyses of open documents, with the document version each was made from. */
  private readonly openAnalyses = new Map<string, { version: number; analysis: CaseAnalysis }>();
  /** A closed file's "version": bumped on every read from disk, so the cache knows stale text. */
  private readonly diskVersions = new Map<string, number>();
  private diskReads = 0;
  private readonly closedAnalyses = new AnalysisCache();
  /** What the bank statistics need of each file (a few words), kept as the bank changes. */
  private readonly facts = new Map<string, CaseFacts>();
  private readonly changeListeners: (() => void)[] = [];
  /** The configuration the bank applies (the curriculum of the statistics comes from it). */
  private effectiveConfig: CasewrightConfig = {};
  private folders: string[] = [];
  private editorRules: CasewrightConfig['rules'] = {};
  /** In an untrusted workspace casewright.json may only change severities and ignored files. */
  private trusted = true;
  private fileConfig: LoadedConfig | undefined;
  private markReady!: () => void;
  /** Settles when the first scan of the workspace folders is done. */
  readonly ready = new Promise<void>((resolve) => { this.markReady = resolve; });
  /**
   * Files whose published diagnostics may be out of date because of a change elsewhere (the
   * bank index names them) or on disk. Most edits (labs, prose) add nothing here.
   */
  private readonly stale = new Set<string>();
  /** Work done, for tests and the benchmark: full analyses made (parse and check). */
  readonly work = { analyses: 0 };

  constructor() {
    this.bank.bankIndex.onStale = (uri) => this.stale.add(uri);
  }

  /** The files made stale since the last call, handed over once. */
  takeStale(): string[] {
    const files = [...this.stale];
    this.stale.clear();
    return files;
  }

  /** Rows of edit-distance tables the bank's "did you mean" has computed: its whole cost so far. */
  get bankCheckOperations(): number {
    return this.bank.bankIndex.operations;
  }

  /** Scans the workspace folders and loads casewright.json. Returns how many files were found. */
  async initialize(folderUris: string[]): Promise<number> {
    let count = 0;
    try {
      this.folders = folderUris.map(uriToPath).filter((p): p is string => Boolean(p));
      await this.reloadConfig();
      for (const folder of this.folders) {
        const { files } = await discoverCaseFiles([folder], folder, this.ignoreRuleFor(folder));
        count += await this.loadInSlices(files.map(pathToUri));
      }
    } finally {
      this.markReady();
    }
    return count;
  }

  /** Reads and checks closed files synchronously, yielding every few milliseconds. */
  private async loadInSlices(uris: Iterable<string>): Promise<number> {
    let count = 0;
    let sliceStart = performance.now();
    for (const uri of uris) {
      // The editor's text wins over the disk for an open document.
      if (!this.openDocuments.has(uri) && this.hold(uri, readCaseFileSync)) count++;
      if (performance.now() - sliceStart > LOAD_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
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
    // The editor's rules win over the file's, a wildcard there over a code here (layerRules).
    this.effectiveConfig = { ...base, rules: layerRules(base.rules, this.editorRules) };
    this.bank.setConfig(this.effectiveConfig);
    // Maturation settings change the analysis itself: open documents are analysed again on
    // their next use, closed ones by reanalyzeAll.
    this.openAnalyses.clear();
    this.closedAnalyses.clear();
    this.changed();
  }

  /** `listener` is called whenever a file enters, changes in or leaves the bank, or the configuration changes. */
  onDidChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** Re-analyses every document with the current configuration. */
  async reanalyzeAll(): Promise<void> {
    const closed = this.bank.uris().filter((uri) => !this.openDocuments.has(uri));
    await this.loadInSlices(closed);
  }

  open(document: TextDocument): void {
    this.openDocuments.set(normalizeUri(document.uri), document);
  }

  /** The editor closed the file: from now on the disk is the truth for it. */
  async close(uri: string): Promise<void> {
    const key = normalizeUri(uri);
    this.openDocuments.delete(key);
    this.openAnalyses.delete(key);
    if (!(await this.readFromDisk(key))) this.remove(key);
  }

  isOpen(uri: string): boolean {
    return this.openDocuments.has(normalizeUri(uri));
  }

  /** The open document at `uri` (any spelling), whose `uri` is the editor's own spelling. */
  openDocument(uri: string): TextDocument | undefined {
    return this.openDocuments.get(normalizeUri(uri));
  }

  /** The current analysis of a document: open ones parsed once per version, closed ones cached. */
  analysis(uri: string): CaseAnalysis | undefined {
    const key = normalizeUri(uri);
    const open = this.openDocuments.get(key);
    if (open) return this.analyseOpen(key, open);
    const version = this.diskVersions.get(key);
    if (version === undefined) return undefined;
    const cached = this.closedAnalyses.get(key, version);
    if (cached) return cached;
    const file = uriToPath(key);
    const read = file ? readCaseFileSync(file) : undefined;
    if (!read?.ok) return undefined;
    const analysis = this.bank.analyze(read.text);
    this.work.analyses++;
    this.closedAnalyses.set(key, version, analysis);
    return analysis;
  }

  private analyseOpen(key: string, document: TextDocument): CaseAnalysis {
    const held = this.openAnalyses.get(key);
    if (held?.version === document.version) return held.analysis;
    const analysis = this.set(key, document.getText());
    this.openAnalyses.set(key, { version: document.version, analysis });
    return analysis;
  }

  /** Document and bank-wide diagnostics of one document, configuration applied. */
  diagnostics(uri: string): readonly CaseDiagnostic[] {
    const key = normalizeUri(uri);
    const open = this.openDocuments.get(key);
    if (open) this.analyseOpen(key, open);
    return this.bank.diagnostics(key);
  }

  /**
   * A watched file changed on disk (created, changed). Open documents keep the editor's text; a
   * file casewright.json ignores stays out of the bank, as the first scan left it out.
   */
  async fileChanged(uri: string): Promise<void> {
    const key = normalizeUri(uri);
    if (this.openDocuments.has(key)) return;
    const file = uriToPath(key);
    if (file && this.isIgnored(file)) {
      this.remove(key);
      return;
    }
    await this.readFromDisk(key);
  }

  /**
   * casewright.json's `ignore` as every scan applies it to a path: relative to casewright.json's
   * folder, else to the workspace folder that holds the path (else the path itself).
   */
  private ignoreRuleFor(file: string): IgnoreRule {
    const workspaceFolder = this.folders.find((f) => file === f || file.startsWith(f + path.sep));
    return { root: this.fileConfig?.root ?? workspaceFolder ?? file, patterns: this.fileConfig?.config.ignore ?? [] };
  }

  /** Matchers by root, made anew when casewright.json changes (a file event asks one each time). */
  private ignoreMatchers: { config: LoadedConfig | undefined; byRoot: Map<string, (file: string) => boolean> } = { config: undefined, byRoot: new Map() };

  private isIgnored(file: string): boolean {
    if (this.ignoreMatchers.config !== this.fileConfig) this.ignoreMatchers = { config: this.fileConfig, byRoot: new Map() };
    const rule = this.ignoreRuleFor(file);
    let matches = this.ignoreMatchers.byRoot.get(rule.root);
    if (!matches) this.ignoreMatchers.byRoot.set(rule.root, (matches = ignoreMatcher(rule)));
    return matches(file);
  }

  fileDeleted(uri: string): void {
    const key = normalizeUri(uri);
    if (!this.openDocuments.has(key)) this.remove(key);
  }

  /**
   * Folders deleted or moved away (VS Code reports the folder, not the files in it): the closed
   * files under any of them leave the bank. One pass over the bank for the whole batch, each
   * file's folders looked up in a set. Returns the files that left.
   */
  foldersDeleted(uris: Iterable<string>): string[] {
    const folders = new Set([...uris].map((uri) => withoutTrailingSlashes(normalizeUri(uri))));
    const gone: string[] = [];
    if (!folders.size) return gone;
    for (const uri of this.bank.uris()) {
      if (this.openDocuments.has(uri)) continue;
      for (let end = uri.lastIndexOf('/'); end > 'file://'.length; end = uri.lastIndexOf('/', end - 1)) {
        if (folders.has(uri.slice(0, end))) {
          gone.push(uri);
          break;
        }
      }
    }
    for (const uri of gone) this.remove(uri);
    return gone;
  }

  /**
   * A folder created or moved in (VS Code reports the folder, not the files in it): its .case
   * files, less the ignored ones, join the bank. Anything that is not a folder is left alone.
   */
  async folderCreated(uri: string): Promise<number> {
    const folder = uriToPath(normalizeUri(uri));
    if (!folder || !(await isFolder(folder))) return 0;
    const { files } = await discoverCaseFiles([folder], folder, this.ignoreRuleFor(folder));
    return this.loadInSlices(files.map(pathToUri));
  }

  private async readFromDisk(uri: string): Promise<boolean> {
    const file = uriToPath(uri);
    if (!file || path.extname(file) !== '.case') return false;
    return this.holdRead(uri, await readCaseFile(file));
  }

  /** Reads a closed file with `read` and holds what the bank needs of it. */
  private hold(uri: string, read: (file: string) => ReadResult): boolean {
    const file = uriToPath(uri);
    if (!file || path.extname(file) !== '.case') return false;
    return this.holdRead(uri, read(file));
  }

  private holdRead(uri: string, read: ReadResult): boolean {
    if (!read.ok) {
      this.remove(uri);
      return false;
    }
    this.set(uri, read.text);
    this.diskVersions.set(uri, ++this.diskReads);
    // A closed file published by the check-bank command shows what the disk now says.
    this.stale.add(uri);
    return true;
  }

  /** Analyses a text into the bank; the bank index notes which other files it touches. */
  private set(uri: string, text: string): CaseAnalysis {
    const analysis = this.bank.set(uri, text);
    this.work.analyses++;
    this.facts.set(uri, caseFacts(uri, analysis));
    this.changed();
    return analysis;
  }

  private remove(uri: string): void {
    this.diskVersions.delete(uri);
    this.closedAnalyses.delete(uri);
    this.bank.delete(uri);
    if (this.facts.delete(uri)) this.changed();
  }

  uris(): string[] {
    return this.bank.uris();
  }

  /** Full analyses held for closed files (bounded by the LRU cache). */
  get closedAnalysesHeld(): number {
    return this.closedAnalyses.size;
  }

  openUris(): string[] {
    return [...this.openDocuments.keys()];
  }

  /** Every case id in the bank with the uris that define it. */
  caseIds(): Map<string, string[]> {
    return this.bank.caseIds();
  }

  /** `casewright stats` for the bank as it is now: open documents at their current version, files in uri order. */
  stats(): BankStats {
    for (const [key, document] of this.openDocuments) this.analyseOpen(key, document);
    const uris = [...this.facts.keys()].sort();
    return summarizeBank(uris.map((uri) => this.facts.get(uri)!), this.effectiveConfig.curriculum);
  }

  /** Every file's id and links (open documents at their current version): references, rename. */
  *summaries(): Iterable<[string, BankSummary]> {
    for (const [key, document] of this.openDocuments) this.analyseOpen(key, document);
    for (const uri of this.bank.uris()) {
      const held = this.bank.held(uri);
      if (held) yield [uri, held.summary];
    }
  }
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** `uri` without the `/` it may end with (a scan, not a regular expression: no backtracking). */
function withoutTrailingSlashes(uri: string): string {
  let end = uri.length;
  while (end > 0 && uri[end - 1] === '/') end--;
  return uri.slice(0, end);
}
