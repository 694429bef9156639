// Messages between the preview webview (media/preview.js) and the extension, typed once.
import type { PreviewView } from '../../../server/src/core';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'revealLine'; line: number }
  | { type: 'setView'; view: PreviewView }
  /** The "Hide indices" toggle: every derived index hidden from the learner view, or every one shown. */
  | { type: 'setHideIndices'; hide: boolean };

export type ToWebview =
  | { type: 'update'; html: string; view: PreviewView }
  | { type: 'scrollToLine'; line: number };
