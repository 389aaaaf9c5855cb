/**
 * The page's main-thread tasks from a Chromium trace, with both their wall
 * time and their CPU (thread) time. On a shared machine a task's wall time
 * includes moments its thread waited for a CPU; its thread time does not, so
 * budgets use thread time and wall time is reported beside it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * With BENCH_TRACE_DIR set, every trace is also saved there (open it in DevTools'
 * Performance panel); BENCH_TRACE_PROFILE=1 adds JavaScript samples, which slow the page.
 */
const TRACE_DIR = process.env.BENCH_TRACE_DIR;
const CATEGORIES = ['disabled-by-default-devtools.timeline', ...(process.env.BENCH_TRACE_PROFILE ? ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'] : [])];
let traceCount = 0;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frames?: { url: string; processId: number }[] } };
}

export interface MainThreadSummary {
  /** Tasks that kept the main thread's CPU busy for more than 50 ms. */
  longTasks: number;
  longestCpuMs: number;
  longestWallMs: number;
  busyCpuMs: number;
  busyWallMs: number;
}

export async function traceMainThread(page: Page): Promise<() => Promise<MainThreadSummary>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    if (TRACE_DIR) {
      mkdirSync(TRACE_DIR, { recursive: true });
      writeFileSync(join(TRACE_DIR, `trace-${++traceCount}.json`), JSON.stringify({ traceEvents: events }));
    }
    return summarize(events, new URL(page.url()).origin);
  };
}

function summarize(events: TraceEvent[], origin: string): MainThreadSummary {
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const pid = frames.find((f) => f.url.startsWith(origin))?.processId;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === pid);
  if (!main) throw new Error(`No main thread found in the trace for ${origin}.`);
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const task of tasks) {
    const last = top.at(-1);
    if (!last || task.ts >= last.ts + (last.dur ?? 0)) top.push(task);
  }
  // A thread cannot run longer than the time that passed; on virtual machines the thread clock
  // sometimes jumps by several milliseconds, so thread time is capped at wall time.
  const cpu = top.map((t) => Math.min(t.tdur ?? 0, t.dur ?? 0) / 1000);
  const wall = top.map((t) => (t.dur ?? 0) / 1000);
  return {
    longTasks: cpu.filter((ms) => ms > 50).length,
    longestCpuMs: Math.max(0, ...cpu),
    longestWallMs: Math.max(0, ...wall),
    busyCpuMs: cpu.reduce((a, b) => a + b, 0),
    busyWallMs: wall.reduce((a, b) => a + b, 0),
  };
}
