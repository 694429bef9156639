// `casewright export [PATH…] -o DIR [--answers]`: the bank as a static site for students —
// one learner page per case and an index; with --answers, a teacher's page per case too.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { escapeHtml, getCaseService } from '../core';
import { loadConfig } from '../node/configDiscovery';
import { describeFsError, discoverCaseFiles, SYNC_FILE_SYSTEM } from '../node/fileDiscovery';
import { readPreviewAssets } from '../node/previewAssets';
import { readCaseFile } from '../node/readCaseFile';
import { standalonePage } from './renderCommand';

export interface ExportOptions {
  paths: string[];
  output: string;
  answers: boolean;
  cwd: string;
}

export async function runExport(options: ExportOptions): Promise<{ ok: true; pages: number } | { ok: false; message: string }> {
  const loaded = await loadConfig(path.resolve(options.cwd, options.paths[0] ?? '.'));
  if (loaded.problem) return { ok: false, message: `invalid configuration: ${loaded.problem}` };
  const discovery = await discoverCaseFiles(options.paths, options.cwd, { root: loaded.root, patterns: loaded.config.ignore ?? [] }, SYNC_FILE_SYSTEM);
  if (discovery.problems.length) return { ok: false, message: discovery.problems.join('\n') };
  const bank = getCaseService().createBank(loaded.config);
  for (const file of discovery.files) {
    const read = await readCaseFile(file);
    if (!read.ok) return { ok: false, message: `${file}: ${read.problem}` };
    bank.set(file, read.text);
  }
  const out = path.resolve(options.cwd, options.output);
  const entries: { href: string; title: string; level: string; tags: string[] }[] = [];
  const used = new Set<string>();
  try {
    await fs.mkdir(out, { recursive: true });
    if (options.answers) await fs.mkdir(path.join(out, 'answers'), { recursive: true });
    for (const file of discovery.files) {
      const analysis = bank.get(file)!;
      const name = uniqueName(analysis.model.id ?? path.basename(file, '.case'), used);
      const links = [{ href: 'index.html', label: '← All cases' }];
      await fs.writeFile(path.join(out, `${name}.html`), standalonePage(analysis, 'learner', links));
      if (options.answers) {
        await fs.writeFile(path.join(out, 'answers', `${name}.html`), standalonePage(analysis, 'both', [{ href: '../index.html', label: '← All cases' }]));
      }
      entries.push({ href: `${name}.html`, title: analysis.model.title ?? name, level: analysis.model.header.get('level')?.value ?? '', tags: analysis.model.tags.map((t) => t.text) });
    }
    await fs.writeFile(path.join(out, 'index.html'), indexPage(entries, options.answers));
  } catch (error) {
    return { ok: false, message: `${options.output}: ${describeFsError(error)}` };
  }
  return { ok: true, pages: entries.length };
}

function uniqueName(id: string, used: Set<string>): string {
  const base = id.replace(/[^a-z0-9-]+/gi, '-').toLowerCase() || 'case';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  used.add(name);
  return name;
}

function indexPage(entries: { href: string; title: string; level: string; tags: string[] }[], answers: boolean): string {
  const { css } = readPreviewAssets();
  const rows = entries.map((e) => `<tr><td><a href="${escapeHtml(e.href)}">${escapeHtml(e.title)}</a>${answers ? ` <a class="muted" href="answers/${escapeHtml(e.href)}">answer</a>` : ''}</td><td>${escapeHtml(e.level)}</td><td>${e.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ')}</td></tr>`).join('');
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${sha256(css)}'; base-uri 'none'; form-action 'none'">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>Case bank</title><style>${css}</style></head>`
    + `<body data-mode="standalone"><main><h1>Case bank</h1><p class="muted">${entries.length} case${entries.length === 1 ? '' : 's'}</p>`
    + `<table class="index"><thead><tr><th scope="col">Case</th><th scope="col">Level</th><th scope="col">Tags</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
}

/** The index page has no script; its one inline style is allowed by hash. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
