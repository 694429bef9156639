// A progress line on stderr for banks that take more than a second, only on a terminal.
export interface Progress {
  tick(done: number, total: number): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream, label: string, delayMs = 1000): Progress {
  if (!stream.isTTY) return { tick() {}, done() {} };
  const started = Date.now();
  let shown = false;
  let lastDraw = 0;
  return {
    tick(done, total) {
      const now = Date.now();
      if (now - started < delayMs || now - lastDraw < 100) return;
      lastDraw = now;
      shown = true;
      stream.write(`\r${label} ${done}/${total} files…`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
