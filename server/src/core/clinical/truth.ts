// A finding's truth: present, absent or unknown (the case lacks the data; unknown never counts
// as evidence either way). The engine computes with small integer codes: a memo of them per
// case, no string per truth.

export const YES = 1;
export const NO = 2;
export const UNKNOWN = 3;
/** 0 in a memo: not worked out yet. */
export type TruthCode = typeof YES | typeof NO | typeof UNKNOWN;

/** Whether a value is below `below` and at least `atLeast` (each bound optional). */
export function threshold(value: number, below?: number, atLeast?: number): TruthCode {
  if (below !== undefined && !(value < below)) return NO;
  if (atLeast !== undefined && !(value >= atLeast)) return NO;
  return YES;
}
