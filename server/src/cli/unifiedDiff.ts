// A unified diff of two texts (`check --fix-dry-run`), as `diff -u` prints it: Myers' O(ND)
// algorithm over lines, which is quick for what fixes change (a few lines of a case). Each line
// keeps its own line end (a CRLF file's diff has CRLF lines, as `diff -u` prints them), a last
// line without one is marked `\ No newline at end of file`, so `git apply` and `patch` take it.

const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string };

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffTrimmed(a, b);
  const lines = [`--- ${oldName}\n`, `+++ ${newName}\n`];
  // Group changes with CONTEXT lines around them into hunks.
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  const position: { old: number; new: number }[] = ops.map((op) => {
    const here = { old: oldLine, new: newLine };
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
    return here;
  });
  while (i < ops.length) {
    if (ops[i].kind === ' ') { i++; continue; }
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    // Extend while the next change is within 2 × CONTEXT unchanged lines.
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') end = j;
      else if (j - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const oldStart = oldCount ? position[start].old : position[start].old - 1;
    const newStart = newCount ? position[start].new : position[start].new - 1;
    lines.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`);
    for (const op of hunk) lines.push(/[\r\n]$/.test(op.line) ? `${op.kind}${op.line}` : `${op.kind}${op.line}\n\\ No newline at end of file\n`);
    i = stop;
  }
  return lines.join('');
}

/** The lines of a text, each with its line end (`\r\n`, `\n` or `\r`); a last line may have none. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Beyond this many changed lines the middle is shown replaced whole: Myers' trace would grow too big. */
const MAX_MIDDLE = 5000;

/** Common first and last lines are unchanged; only what lies between is diffed. */
function diffTrimmed(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle = midA.length + midB.length > MAX_MIDDLE
    ? [...midA.map((line): Op => ({ kind: '-', line })), ...midB.map((line): Op => ({ kind: '+', line }))]
    : diffLines(midA, midB);
  const same = (line: string): Op => ({ kind: ' ', line });
  return [...a.slice(0, head).map(same), ...middle, ...a.slice(a.length - tail).map(same)];
}

/** Myers' greedy shortest edit script, then walked back into operations. */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x] });
      y--;
    }
    if (x === prevX) ops.push({ kind: '+', line: b[--y] });
    else ops.push({ kind: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x] });
    y--;
  }
  return ops.reverse();
}
