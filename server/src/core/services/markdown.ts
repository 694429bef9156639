// Markdown for hovers: case text is escaped so it can never become markup, HTML or a link.
// Every ASCII punctuation mark that markdown gives a meaning is backslash-escaped; `:` too, so
// `https://…` and `www.…` written in a case are not turned into links by GFM autolinking.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&~:]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

export function code(text: string): string {
  // A code span cannot hold a backtick safely; none of our ids contain one.
  return `\`${text.replace(/`/g, "'")}\``;
}

/** `line 9`, 1-based as editors show it, from a 0-based LSP line. */
export function lineLabel(line: number): string {
  return `line ${line + 1}`;
}
