// `casewright render FILE.case [-o out.html] [--view learner|answer|both]`: one case as a
// standalone HTML page, rendered by the same core renderer as the editor's preview.
import { nodeCrypto } from '../node/lazyCrypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { getCaseService, type CaseAnalysis, type CasewrightConfig, type DocumentOptions } from '../core';
import { describeFsError } from '../node/fileDiscovery';
import { readPreviewAssets } from '../node/previewAssets';
import { readCaseFile } from '../node/readCaseFile';
import { configFor } from './openBank';
import { resourceExists } from '../node/resourceExists';

export type RenderView = 'learner' | 'answer' | 'both';

/**
 * `config`: casewright.json, for what the learner view hides (`learnerView`); `images` gives each
 * image's `src` (files beside the page); without it images show as alt text.
 */
export function standalonePage(analysis: CaseAnalysis, view: RenderView, links?: DocumentOptions['links'], config: CasewrightConfig = {}, images?: DocumentOptions['images']): string {
  const { css, js } = readPreviewAssets();
  return getCaseService().renderDocument(analysis, {
    view, mode: 'standalone', nonce: nodeCrypto().randomBytes(16).toString('base64'),
    styles: [{ text: css }], scripts: [{ text: js }], links,
    learner: { bankHideIndices: config.learnerView?.hideIndices },
    images, sameOriginImages: images !== undefined,
  });
}

export async function runRender(file: string, view: RenderView, output: string | undefined, cwd: string, configFile?: string): Promise<{ ok: true; html: string } | { ok: false; message: string }> {
  const absolute = path.resolve(cwd, file);
  const config = await configFor([file], cwd, configFile);
  if (!config.ok) return config;
  const read = await readCaseFile(absolute);
  if (!read.ok) return { ok: false, message: `${file}: ${read.problem}` };
  const html = standalonePage(getCaseService().createBank(config.loaded.config, resourceExists).set(absolute, read.text), view, undefined, config.loaded.config);
  if (output) {
    try {
      await fs.mkdir(path.dirname(path.resolve(cwd, output)), { recursive: true });
      await fs.writeFile(path.resolve(cwd, output), html);
    } catch (error) {
      return { ok: false, message: `${output}: ${describeFsError(error)}` };
    }
  }
  return { ok: true, html };
}
