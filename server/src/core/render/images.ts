// Images in the rendered case. The renderer is told where each usable image is (`ImageSources`:
// a URL, or undefined); an image it has no URL for, or one the checks found missing or outside
// the bank, is shown as its alt text, so a page never makes a request that cannot succeed.
import type { CaseAnalysis } from '../analyzeCase';
import type { CaseImage } from '../images/imageModel';
import { escapeHtml, lineAttribute } from './escape';

/** The `src` for an image, or undefined to show its alt text instead. */
export type ImageSources = (image: CaseImage) => string | undefined;

/** `<figure>` with the image, or the alt text in its place. */
export function renderImage(image: CaseImage, sources: ImageSources | undefined, className = 'case-image'): string {
  const src = sources?.(image);
  const alt = image.alt ?? '';
  const line = lineAttribute(image.keyRange.start.line);
  if (!src) return `<p class="${className} image-missing"${line}>Image: ${escapeHtml(alt || image.path)}</p>`;
  return `<figure class="${className}"${line}><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"></figure>`;
}

/** The images the checks found no problem with (missing alt text aside: the picture still shows). */
export function usableImages(analysis: CaseAnalysis): Set<CaseImage> {
  const broken = new Set<string>();
  for (const d of analysis.diagnostics) if (d.code === 'image-not-found') broken.add(`${d.range.start.line}:${d.range.start.character}`);
  const usable = new Set<CaseImage>();
  for (const image of analysis.model.images) {
    const at = (r: CaseImage['pathRange']) => `${r.start.line}:${r.start.character}`;
    if (image.path && !broken.has(at(image.pathRange)) && !broken.has(at(image.keyRange))) usable.add(image);
  }
  return usable;
}

/** Prefix of the stand-in `src` the preview server writes; the extension replaces each one. */
export const PREVIEW_IMAGE_PREFIX = 'casewright-image:';

/**
 * For the editor's preview: the server cannot name webview URIs, so each usable image gets a
 * stand-in `src` (`casewright-image:0`, …) and its path in `paths`, for the extension to map.
 */
export function previewImageSources(analysis: CaseAnalysis): { sources: ImageSources; paths: string[] } {
  const usable = usableImages(analysis);
  const paths: string[] = [];
  const index = new Map<string, number>();
  const sources: ImageSources = (image) => {
    if (!usable.has(image)) return undefined;
    let i = index.get(image.path);
    if (i === undefined) {
      i = paths.push(image.path) - 1;
      index.set(image.path, i);
    }
    return `${PREVIEW_IMAGE_PREFIX}${i}`;
  };
  return { sources, paths };
}

const STAND_IN = /<img src="casewright-image:(\d+)"/g;

/**
 * Replaces every stand-in `src` with the URI `uriOf` gives for its index; an image it gives none
 * for loses its `src` (the browser shows the alt text, and requests nothing).
 */
export function withImageSources(html: string, uriOf: (index: number) => string | undefined): string {
  return html.replace(STAND_IN, (_, index: string) => {
    const uri = uriOf(Number(index));
    return uri ? `<img src="${escapeHtml(uri)}"` : '<img';
  });
}
