// The one way every command finds its bank: casewright.json (found upward from the first path,
// or named by --config), then the .case files the paths name, minus the ignored ones.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { loadConfig, type LoadedConfig } from '../node/configDiscovery';
import { discoverCaseFiles, SYNC_FILE_SYSTEM } from '../node/fileDiscovery';

export interface BankRequest {
  /** Files, folders or globs as typed; none means the working folder. */
  paths: string[];
  cwd: string;
  /** --config: this casewright.json instead of searching upward. */
  configFile?: string;
  /** --follow-symlinks: follow links that lead out of the bank (casewright.json may ask too). */
  followSymlinks?: boolean;
}

export type OpenedBank =
  | { ok: true; loaded: LoadedConfig; files: string[] }
  | { ok: false; message: string };

/** casewright.json for a command's paths, or the one-line reason it cannot be used. */
export async function configFor(paths: string[], cwd: string, configFile?: string): Promise<{ ok: true; loaded: LoadedConfig } | { ok: false; message: string }> {
  const start = paths.length ? path.resolve(cwd, firstPlainPath(paths)) : cwd;
  const loaded = await loadConfig(folderOf(start), configFile === undefined ? undefined : path.resolve(cwd, configFile));
  return loaded.problem ? { ok: false, message: `invalid configuration: ${loaded.problem}` } : { ok: true, loaded };
}

export async function openBank(request: BankRequest): Promise<OpenedBank> {
  const config = await configFor(request.paths, request.cwd, request.configFile);
  if (!config.ok) return config;
  const { loaded } = config;
  // Synchronous file-system calls: the CLI has nothing to do while it waits for them.
  const discovery = await discoverCaseFiles(request.paths, request.cwd, {
    root: loaded.root,
    patterns: loaded.config.ignore ?? [],
    followSymlinks: request.followSymlinks || loaded.config.followSymlinks === true,
  }, SYNC_FILE_SYSTEM);
  if (discovery.problems.length) return { ok: false, message: discovery.problems.join('\n') };
  return { ok: true, loaded, files: discovery.files };
}

function firstPlainPath(paths: string[]): string {
  // For a glob, the config search starts at the folder before the first wildcard.
  const first = paths[0];
  const wildcard = first.search(/[*?[{]/);
  return wildcard < 0 ? first : first.slice(0, wildcard) || '.';
}

function folderOf(target: string): string {
  try {
    return statSync(target).isDirectory() ? target : path.dirname(target);
  } catch {
    return path.dirname(target);
  }
}
