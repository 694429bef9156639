// Text from cases, file names and casewright.json on its way to a terminal. A case may hold
// escape sequences (`\x1b]0;title\x07`, `\x1b[2J`) that would retitle, clear or rewrite the
// reader's terminal, and bidirectional overrides that reorder what is shown. Every control
// character is written as a visible escape instead; JSON and SARIF need none of this (their
// encoders escape control characters already).

// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional embeddings,
// overrides and isolates. One character class: linear on any input.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe to print: control characters shown as `\x1b`, `\u202e`; tabs and newlines kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** The same for text that must stay on one line (a file name, a message after `casewright:`). */
export function terminalSafeLine(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, visible);
}

/**
 * Every line break, with the blanks around it, as one space (what `/\s*\n\s*\/g` did, without
 * the regex's quadratic backtracking on long runs of blanks).
 */
export function joinLines(text: string): string {
  if (!text.includes('\n')) return text;
  const pieces = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const first = i === 0;
    const last = i === pieces.length - 1;
    const piece = first ? pieces[i].trimEnd() : last ? pieces[i].trimStart() : pieces[i].trim();
    if (piece || first || last) kept.push(piece);
  }
  return kept.join(' ');
}
