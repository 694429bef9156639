// Which cases `casewright export` writes, by their `status`: never a retired one, and with
// `--status ready,review` only those listed. The statuses are the vocabulary's.
import { REVIEW_STATUSES } from '../core';

export type StatusFilter = { ok: true; statuses: string[] } | { ok: false; message: string };

/** Reads `--status ready,review`. */
export function parseStatusFilter(text: string): StatusFilter {
  const statuses = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const known = (REVIEW_STATUSES as readonly string[]);
  const unknown = statuses.find((s) => !known.includes(s));
  if (unknown !== undefined || statuses.length === 0) {
    const list = `${known.slice(0, -1).join(', ')} or ${known[known.length - 1]}`;
    return { ok: false, message: `--status takes ${list}, separated by commas, not '${unknown ?? text}'.` };
  }
  return { ok: true, statuses };
}

/** `status` as written in the case (any case), or undefined when the case has none. */
export function isExported(status: string | undefined, only: readonly string[] | undefined): boolean {
  const normalized = status?.trim().toLowerCase();
  if (normalized === 'retired') return false;
  if (!only) return true;
  return normalized !== undefined && only.includes(normalized);
}
