// Every byte of case text that reaches HTML goes through here: text content and attribute
// values alike (quotes and backticks too, so an attribute can never be broken out of).
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}

/** A `data-line` attribute for scroll sync (the source's 0-based line). */
export function lineAttribute(line: number | undefined): string {
  return line === undefined ? '' : ` data-line="${Math.max(0, Math.floor(line))}"`;
}
