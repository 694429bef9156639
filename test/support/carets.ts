// Caret markers for positions in test documents, in the style of yaml-language-server's tests:
// `‸` marks a position and is removed before the text is used.
import type { Position } from '../../server/src/core/text';

export const CARET = '‸';

export function extractCarets(marked: string): { text: string; positions: Position[] } {
  const positions: Position[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  for (const ch of marked) {
    if (ch === CARET) {
      positions.push({ line, character });
      continue;
    }
    text += ch;
    if (ch === '\n') {
      line++;
      character = 0;
    } else {
      character += ch.length;
    }
  }
  return { text, positions };
}
