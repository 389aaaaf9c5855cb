/**
 * Coalesces a completion's text pieces into at most one message per interval
 * (the first piece goes at once). A fast engine makes hundreds of pieces a
 * second; every message costs the page's main thread a task, and on a CPU
 * engine that time is taken from decoding. The page redraws far less often
 * than this anyway.
 */
export const DELTA_INTERVAL_MS = 20;

export interface DeltaBatcher {
  push(piece: string): void;
  /** Sends whatever is waiting now; call it before the completion's result. */
  flush(): void;
}

export function batchDeltas(send: (text: string, tokens: number) => void, intervalMs = DELTA_INTERVAL_MS, now = () => performance.now()): DeltaBatcher {
  let text = '';
  let tokens = 0;
  let lastSent = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!tokens) return;
    const batch = text;
    const count = tokens;
    text = '';
    tokens = 0;
    lastSent = now();
    send(batch, count);
  };
  return {
    push(piece) {
      text += piece;
      tokens++;
      const wait = intervalMs - (now() - lastSent);
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    flush,
  };
}
