// Finds casewright.json by walking up from a folder, as ESLint and markdownlint-cli2 do.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, getCaseService, type CasewrightConfig } from '../core';
import { describeFsError } from './fileDiscovery';

export interface LoadedConfig {
  config: CasewrightConfig;
  /** The file, or undefined when there is none. */
  file?: string;
  /** The bank root: the config file's folder, or the folder the search started from. */
  root: string;
  /** Why the file could not be used; a command should stop with this message. */
  problem?: string;
}

export async function findConfigFile(startFolder: string): Promise<string | undefined> {
  let folder = path.resolve(startFolder);
  for (;;) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    try {
      await fs.access(candidate);
      return candidate;
    } catch {
      // keep walking up
    }
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export async function loadConfig(startFolder: string, explicitFile?: string): Promise<LoadedConfig> {
  const file = explicitFile ? path.resolve(explicitFile) : await findConfigFile(startFolder);
  if (!file) return { config: {}, root: path.resolve(startFolder) };
  const root = path.dirname(file);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { config: {}, file, root, problem: `${file}: ${describeFsError(error)}` };
  }
  const { config, errors } = getCaseService().readConfig(text);
  if (errors.length) return { config: {}, file, root, problem: `${file}: ${errors.join('; ')}` };
  return { config, file, root };
}
