/**
 * What the benchmarks observe inside a page, installed before any of the
 * page's own scripts run: long tasks, IndexedDB writes, and the moment each
 * streamed token reaches the page from an engine worker.
 */
import type { Page } from 'playwright-core';

export interface PageProbes {
  longTasks: { start: number; duration: number }[];
  writes: { store: string; op: string; at: number }[];
  /** Every 'delta' message from an engine worker: when it reached the page, and how many tokens it held. */
  deltas: { at: number; tokens: number }[];
  /** How many replies engine workers have finished ('done' messages). */
  done: number;
  /** Resolves once more than `count` replies have finished. */
  whenDone(count: number): Promise<void>;
}

declare global {
  interface Window {
    __bench: PageProbes;
  }
}

export function installProbes(): void {
  (globalThis as { __name?: unknown }).__name ??= (fn: unknown) => fn;
  const waiting = new Set<() => void>();
  const probes: PageProbes = {
    longTasks: [],
    writes: [],
    deltas: [],
    done: 0,
    whenDone: (count) =>
      new Promise((resolve) => {
        const check = () => {
          if (probes.done <= count) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      }),
  };
  window.__bench = probes;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probes.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  const count = <T extends object>(proto: T, ops: string[], storeOf: (target: T) => string) => {
    for (const op of ops) {
      const original = (proto as Record<string, unknown>)[op] as (...args: unknown[]) => unknown;
      (proto as Record<string, unknown>)[op] = function (this: T, ...args: unknown[]) {
        probes.writes.push({ store: storeOf(this), op, at: performance.now() });
        return original.apply(this, args);
      };
    }
  };
  count(IDBObjectStore.prototype, ['put', 'add', 'delete', 'clear'], (store) => store.name);
  count(IDBCursor.prototype, ['update', 'delete'], (cursor) => ('objectStore' in cursor.source ? cursor.source.objectStore.name : cursor.source.name));

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!options?.name?.endsWith('-engine')) return;
      this.addEventListener('message', (event: MessageEvent<{ type?: string; tokens?: number }>) => {
        if (event.data?.type === 'delta') probes.deltas.push({ at: performance.now(), tokens: event.data.tokens ?? 1 });
        else if (event.data?.type === 'done') {
          probes.done++;
          waiting.forEach((check) => check());
        }
      });
    }
  };
}

export const now = (page: Page) => page.evaluate(() => performance.now());

/**
 * Sends `text` through the composer and waits for the engine to finish, then
 * for the reply to be saved. Nothing polls the page while the reply streams,
 * so the waiting itself adds no work to what is measured.
 */
export async function sendAndWait(page: Page, text: string): Promise<void> {
  const before = await page.evaluate(() => window.__bench.done);
  const input = page.getByLabel('Message', { exact: true });
  await input.fill(text);
  await input.press('Enter');
  await page.evaluate((n) => window.__bench.whenDone(n), before);
  await page.waitForFunction(
    () => {
      const last = [...document.querySelectorAll('[data-testid="message"]')].at(-1);
      return last?.getAttribute('aria-label') === 'Assistant' && last.getAttribute('data-status') !== 'streaming';
    },
    undefined,
    { polling: 100, timeout: 30_000 },
  );
}

/** Long tasks that started between `from` and `to` (page clock). */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<{ count: number; longest: number }> {
  const tasks = await page.evaluate(() => window.__bench.longTasks);
  const inside = tasks.filter((t) => t.start >= from && t.start <= to);
  return { count: inside.length, longest: Math.max(0, ...inside.map((t) => t.duration)) };
}
