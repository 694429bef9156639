// `casewright export [PATH…] -o DIR [--format html|moodle|qti|gift|anki] [--answers] [--tag T]`:
// html is the bank as a static site for students — an index, one learner page per case under
// cases/, and with --answers a teacher's page per case under answers/; the other formats are the
// cases' questions for a learning platform or Anki, built in memory by the core. Either way the
// files are written by writeOutputFolder, so the folder holds exactly this export.
import { nodeCrypto } from '../node/lazyCrypto';
import * as path from 'node:path';
import { escapeHtml, getCaseService, type CaseAnalysis, type CaseImage, type CaseDiagnostic, type ExportCase, type QuestionExportName } from '../core';
import { readCaseImage, resourceExists } from '../node/resourceExists';
import { writeOutputFolder } from '../node/outputFolder';
import { readPreviewAssets } from '../node/previewAssets';
import { displayPath } from './checkCommand';
import { openBank, type BankRequest } from './openBank';
import { readFile } from './readIntoBank';
import { isExported } from './exportStatusFilter';
import { standalonePage } from './renderCommand';

export interface ExportOptions extends BankRequest {
  output: string;
  answers: boolean;
  /** Only cases with these statuses (`--status`); retired cases are never exported. */
  statuses?: string[];
  format?: 'html' | QuestionExportName;
  /** Only cases with this tag. */
  tag?: string;
}

export type ExportOutcome =
  | { ok: true; pages: number; skipped: { file: string; problem: CaseDiagnostic }[]; files?: string[]; warnings?: string[] }
  | { ok: false; message: string; exitCode?: 1 };

/** Longest file name made from a case id; longer ids are cut and given a hash to stay unique. */
const MAX_NAME_LENGTH = 80;

/** Cases with errors named in the message; the rest are counted. */
const MAX_NAMED = 10;

export async function runExport(options: ExportOptions): Promise<ExportOutcome> {
  const opened = await openBank(options);
  if (!opened.ok) return opened;
  // Read as `check` reads: a file that cannot be read is reported, and the others exported.
  const bank = getCaseService().createBank(opened.loaded.config, resourceExists);
  const skipped: { file: string; problem: CaseDiagnostic }[] = [];
  const read: string[] = [];
  for (const file of opened.files) {
    const { problems } = readFile(file, bank);
    const fatal = problems.find((p) => p.severity === 'error');
    if (fatal) skipped.push({ file: displayPath(options.cwd, file), problem: fatal });
    else read.push(file);
  }
  const readable = read.filter((file) => isSelected(bank.get(file)!, options));
  // A case with errors, as `check` reports them once the whole bank is read (a duplicate id, a
  // key the labs contradict), is exported in no format: nothing is written.
  const broken = readable.flatMap((file) => {
    const error = bank.diagnostics(file).find((d) => d.severity === 'error');
    return error ? [{ file: displayPath(options.cwd, file), code: error.code }] : [];
  });
  if (broken.length) return { ok: false, exitCode: 1, message: brokenMessage(broken) };
  const warnings: string[] = [];
  if (read.length && !readable.length) warnings.push(`no case matches (${filterText(options)}; ${read.length} case${read.length === 1 ? '' : 's'} read); the export is empty.`);
  if (options.format && options.format !== 'html') return exportQuestions(readable.map((file) => ({ file, analysis: bank.get(file)! })), skipped, warnings, options);
  const files = new Map<string, string | Uint8Array>();
  const entries: IndexEntry[] = [];
  const names = new UniqueNames();
  for (const file of readable) {
    const analysis = bank.get(file)!;
    const name = names.take(analysis.model.id ?? path.basename(file, '.case'));
    const back = [{ href: '../index.html', label: '← All cases' }];
    // Images are copied into media/<page name>/, beside the pages that show them.
    const images = await readImages(file, analysis, warnings, options.cwd);
    const usable = getCaseService().usableImages(analysis);
    const media = new Map<string, string>();
    for (const [written, bytes] of images) {
      const copied = `media/${name}/${written.split('/').map((segment) => segment.replace(/[^A-Za-z0-9._-]+/g, '-')).join('/')}`;
      files.set(copied, bytes);
      media.set(written, `../${copied}`);
    }
    const sources = (image: CaseImage) => (usable.has(image) ? media.get(image.path) : undefined);
    files.set(`cases/${name}.html`, standalonePage(analysis, 'learner', back, opened.loaded.config, sources));
    if (options.answers) files.set(`answers/${name}.html`, standalonePage(analysis, 'both', back, opened.loaded.config, sources));
    entries.push({ name, title: analysis.model.title ?? name, level: analysis.model.header.get('level')?.value ?? '', tags: analysis.model.tags.map((t) => t.text) });
  }
  files.set('index.html', indexPage(entries, options.answers));
  const written = await writeOutputFolder(path.resolve(options.cwd, options.output), files);
  if (!written.ok) return written;
  return { ok: true, pages: entries.length, skipped, warnings };
}

/**
 * The bytes of every image a case shows, by the path written in it. The rules of the checks
 * apply (no link followed, nothing outside the case's folder, 10 MiB at most); an image that
 * cannot be read is named in a warning and shown as its alt text.
 */
async function readImages(file: string, analysis: CaseAnalysis, warnings: string[], cwd: string): Promise<Map<string, Uint8Array>> {
  const images = new Map<string, Uint8Array>();
  const tried = new Set<string>();
  for (const image of analysis.model.images) {
    if (!image.path || tried.has(image.path)) continue;
    tried.add(image.path);
    const read = await readCaseImage(file, image.path);
    if (read.ok) images.set(image.path, read.bytes);
    else warnings.push(`${displayPath(cwd, file)}: image ${image.path} ${read.problem}; left out.`);
  }
  return images;
}

/** Every format exports the same cases: never a retired one, and only the statuses and tag asked for. */
function isSelected(analysis: CaseAnalysis, options: ExportOptions): boolean {
  if (!isExported(analysis.model.header.get('status')?.value, options.statuses)) return false;
  const tag = options.tag?.toLowerCase();
  return !tag || analysis.model.tags.some((t) => t.text.toLowerCase() === tag);
}

/** What kept every case out: "--status draft, --tag anemia", or that retired cases never go. */
function filterText(options: ExportOptions): string {
  const asked: string[] = [];
  if (options.statuses) asked.push(`--status ${options.statuses.join(',')}`);
  if (options.tag !== undefined) asked.push(`--tag ${options.tag}`);
  return asked.length ? asked.join(', ') : 'retired cases are never exported';
}

/** "not exported: these cases have errors (run casewright check): a.case (code), …", at most ten named. */
function brokenMessage(broken: { file: string; code: string }[]): string {
  const named = broken.slice(0, MAX_NAMED).map(({ file, code }) => `${file} (${code})`).join(', ');
  const more = broken.length > MAX_NAMED ? ` and ${broken.length - MAX_NAMED} more` : '';
  return `not exported: ${broken.length === 1 ? 'this case has' : `these ${broken.length} cases have`} errors (run casewright check); nothing was written: ${named}${more}`;
}

/** Questions for a platform, from cases without errors. */
async function exportQuestions(analysed: { file: string; analysis: CaseAnalysis }[], skipped: { file: string; problem: CaseDiagnostic }[], warnings: string[], options: ExportOptions): Promise<ExportOutcome> {
  const cases: ExportCase[] = [];
  const readWarnings: string[] = [...warnings];
  for (const { file, analysis } of analysed) cases.push({ analysis, images: await readImages(file, analysis, readWarnings, options.cwd) });
  const result = getCaseService().exportQuestions(options.format as QuestionExportName, cases);
  const written = await writeOutputFolder(path.resolve(options.cwd, options.output), result.files);
  if (!written.ok) return written;
  return { ok: true, pages: cases.length, skipped, files: [...result.files.keys()], warnings: [...readWarnings, ...result.warnings] };
}

interface IndexEntry {
  name: string;
  title: string;
  level: string;
  tags: string[];
}

/** File names from case ids: lowercase letters, digits and dashes, short, never the same twice. */
class UniqueNames {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  take(id: string): string {
    let base = id.replace(/[^a-z0-9-]+/gi, '-').toLowerCase() || 'case';
    if (base.length > MAX_NAME_LENGTH) base = `${base.slice(0, MAX_NAME_LENGTH - 13)}-${nodeCrypto().createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
    let name = base;
    // Counting on from the last number given to this base keeps 4,000 copies of one id linear.
    for (let i = this.next.get(base) ?? 2; this.used.has(name); i++) {
      name = `${base}-${i}`;
      this.next.set(base, i + 1);
    }
    this.used.add(name);
    return name;
  }
}

function indexPage(entries: IndexEntry[], answers: boolean): string {
  const { css } = readPreviewAssets();
  const rows = entries.map((e) => `<tr><td><a href="cases/${escapeHtml(e.name)}.html">${escapeHtml(e.title)}</a>${answers ? ` <a class="muted" href="answers/${escapeHtml(e.name)}.html">answer</a>` : ''}</td><td>${escapeHtml(e.level)}</td><td>${e.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ')}</td></tr>`).join('');
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${sha256(css)}'; base-uri 'none'; form-action 'none'">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>Case bank</title><style>${css}</style></head>`
    + `<body data-mode="standalone"><main><h1>Case bank</h1><p class="muted">${entries.length} case${entries.length === 1 ? '' : 's'}</p>`
    + `<table class="index"><thead><tr><th scope="col">Case</th><th scope="col">Level</th><th scope="col">Tags</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
}

/** The index page has no script; its one inline style is allowed by hash. */
function sha256(text: string): string {
  return nodeCrypto().createHash('sha256').update(text).digest('base64');
}
