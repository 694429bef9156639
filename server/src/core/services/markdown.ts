// Markdown for hovers: case text is escaped so it can never become markup or a link.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

export function code(text: string): string {
  // A code span cannot hold a backtick safely; none of our ids contain one.
  return `\`${text.replace(/`/g, "'")}\``;
}
