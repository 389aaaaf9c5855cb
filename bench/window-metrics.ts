/** The main-thread numbers every suite reports for a stretch of time it measured. */
import type { Page } from 'playwright-core';
import { traceMainThread, type MainThreadSummary } from './main-thread-trace';
import { longTasksBetween, now } from './probes';
import type { Metric } from './report';

export interface Measured<T> {
  result: T;
  seconds: number;
  trace: MainThreadSummary;
  observed: { count: number; longest: number };
}

/** Runs `action` while tracing the page's main thread and watching for long tasks. */
export async function measure<T>(page: Page, action: () => Promise<T>): Promise<Measured<T>> {
  const stop = await traceMainThread(page);
  const from = await now(page);
  const result = await action();
  const to = await now(page);
  const trace = await stop();
  return { result, seconds: (to - from) / 1000, trace, observed: await longTasksBetween(page, from, to) };
}

/** Tasks over 50 ms (budget 0, by CPU time) and busy time, as rows of the report. */
export function mainThreadMetrics(suite: string, label: string, m: Measured<unknown>): Metric[] {
  const { trace, observed } = m;
  return [
    {
      suite, name: `${label}: main-thread tasks over 50 ms`, value: trace.longTasks, unit: '', budget: { op: '=', limit: 0 },
      note: `longest ${trace.longestCpuMs.toFixed(0)} ms CPU (${trace.longestWallMs.toFixed(0)} ms wall); PerformanceObserver saw ${observed.count} long task(s) by wall clock${observed.count ? `, longest ${observed.longest.toFixed(0)} ms` : ''}`,
    },
    {
      suite, name: `${label}: main-thread busy`, value: trace.busyCpuMs, unit: 'ms',
      note: `CPU time; ${trace.busyWallMs.toFixed(0)} ms wall, over ${m.seconds.toFixed(1)} s`,
    },
  ];
}
