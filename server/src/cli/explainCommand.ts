// `casewright explain FILE`: the indices and the ranked mechanisms of one case.
import * as path from 'node:path';
import { getCaseService } from '../core';
import { readCaseFile } from '../node/readCaseFile';
import { configFor } from './openBank';

export type ExplainOutcome = { ok: true; output: string } | { ok: false; message: string };

export async function runExplain(file: string, format: 'text' | 'json', cwd: string, configFile?: string): Promise<ExplainOutcome> {
  const absolute = path.resolve(cwd, file);
  const config = await configFor([file], cwd, configFile);
  if (!config.ok) return config;
  const read = await readCaseFile(absolute);
  if (!read.ok) return { ok: false, message: `${file}: ${read.problem}` };
  // One engine: explain analyses through the same bank the check and the editor use.
  const core = getCaseService();
  const analysis = core.createBank(config.loaded.config).set(absolute, read.text);
  return { ok: true, output: format === 'json' ? JSON.stringify(core.explain(analysis), null, 2) + '\n' : core.explainText(analysis) };
}
