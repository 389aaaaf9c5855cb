/**
 * A large library in the real UI: opening a conversation of 5,000 messages
 * (time until its rows are painted), scrolling through it, and full-text
 * search over 20,000 messages through the search box and the search
 * repository alone.
 */
import type { Page } from 'playwright-core';
import { newOnDiskContext } from '../contexts';
import { median, type Metric } from '../report';
import { mainThreadMetrics, measure, type Measured } from '../window-metrics';
import { afterPaint, openReplayApp } from './replay-app';
import type { SuiteEnv } from './suite';

const SUITE = 'library';
const BIG = 5000;
/** With the big conversation: 20,000 messages in all. */
const OTHERS = Array.from({ length: 150 }, () => 100);
const OPENINGS = 3;
const SEARCH_RUNS = 3;
const QUERIES = ['sourdough', 'quicksort pivot', 'kubernetes ingress', 'lisbon', 'memory', 'tokenizer vocabulary', 'compost seedlings'];

/** From the click on the conversation to the first frame painted with its messages. */
function openConversation(page: Page, title: string): Promise<{ ms: number; rows: number }> {
  return page.evaluate(async (title) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Conversations"] .conversation-link')].find((b) => b.textContent?.includes(title));
    if (!button) throw new Error(`No conversation "${title}" in the sidebar`);
    const started = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('[data-testid="message"]') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { ms: performance.now() - started, rows: document.querySelectorAll('[data-testid="message"]').length };
  }, title);
}

/** A screen at a time upwards from the end, then jumps across the whole conversation. */
function scrollThrough(page: Page): Promise<{ steps: number; rows: number }> {
  return page.evaluate(async () => {
    const log = document.querySelector<HTMLElement>('[role="log"][aria-label="Messages"]')!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let rows = 0;
    for (let i = 0; i < 120; i++) {
      log.scrollTop -= log.clientHeight * 0.9;
      await frame();
      rows = Math.max(rows, document.querySelectorAll('[data-testid="message"]').length);
    }
    for (let i = 0; i < 40; i++) {
      log.scrollTop = (((i * 17) % 40) / 40) * (log.scrollHeight - log.clientHeight);
      await frame();
      await frame();
    }
    return { steps: 160, rows };
  });
}

/** From typing the query (as one input event) to its results painted. */
function searchThroughUi(page: Page, query: string): Promise<{ ms: number; results: number }> {
  return page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Search conversations"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const type = (value: string) => {
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const until = (found: () => unknown) =>
      new Promise<void>((resolve) => {
        const check = () => (found() ? resolve() : requestAnimationFrame(check));
        check();
      });
    type('');
    await until(() => document.querySelector('.conversation-list'));
    const started = performance.now();
    type(query);
    await until(() => document.querySelector('ul[aria-label="Search results"]') ?? [...document.querySelectorAll('.sidebar .hint')].find((p) => p.textContent?.startsWith('No matches')));
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { ms: performance.now() - started, results: document.querySelectorAll('ul[aria-label="Search results"] li').length };
  }, query);
}

export async function librarySuite({ servers }: SuiteEnv): Promise<Metric[]> {
  const bench = await newOnDiskContext();
  try {
    const page = await bench.context.newPage();
    await openReplayApp(page, servers.pages);
    const seedStarted = Date.now();
    const seeded = await page.evaluate((sizes) => window.bench.seedLibrary(sizes), [BIG, ...OTHERS]);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const big = seeded[0]!;

    const openings: { ms: number; rows: number }[] = [];
    let opened: Measured<unknown> | null = null;
    for (let i = 0; i < OPENINGS; i++) {
      await openReplayApp(page, servers.pages);
      await page.locator('.conversation-title', { hasText: big.title }).waitFor();
      // Until every message is in: the rest of a long conversation is read after its end is shown.
      opened = await measure(page, async () => {
        openings.push(await openConversation(page, big.title));
        await page.waitForFunction((n) => document.querySelector<HTMLElement>('[role="log"]')?.dataset.count === String(n) || document.querySelectorAll('[data-testid="message"]').length >= n, BIG, { polling: 100, timeout: 60_000 });
      });
    }
    await page.waitForTimeout(500);
    const scrolled = await measure(page, () => scrollThrough(page));

    // Each query three times; a query's time is its median, and every query must be within budget.
    const ui: number[] = [];
    const repo: number[] = [];
    const perQuery: string[] = [];
    for (const query of QUERIES) {
      const runs: { ui: number; repo: number; hits: number }[] = [];
      for (let i = 0; i < SEARCH_RUNS; i++) {
        const shown = await searchThroughUi(page, query);
        const [ms, hits] = await page.evaluate((q) => window.bench.search(q), query);
        runs.push({ ui: shown.ms, repo: ms, hits });
      }
      ui.push(median(runs.map((r) => r.ui)));
      repo.push(median(runs.map((r) => r.repo)));
      perQuery.push(`${query}: ${ui.at(-1)!.toFixed(0)}/${repo.at(-1)!.toFixed(0)} ms, ${runs[0]!.hits} hits`);
    }
    await page.evaluate(afterPaint);

    const total = seeded.reduce((n, c) => n + c.messages, 0);
    return [
      {
        suite: SUITE, name: `open a ${BIG}-message conversation: first paint (median of ${OPENINGS})`, value: median(openings.map((o) => o.ms)), unit: 'ms', budget: { op: '<', limit: 300 },
        note: `${openings.map((o) => o.ms.toFixed(0)).join(', ')} ms; ${openings[0]!.rows} rows in the page; library seeded in ${seedSeconds.toFixed(0)} s`,
      },
      ...mainThreadMetrics(SUITE, `open it until every message is read (last opening)`, opened!).map((m) => ({ ...m, budget: undefined })),
      ...mainThreadMetrics(SUITE, `scroll through it (${scrolled.result.steps} steps)`, scrolled).map((m, i) => (i === 0 ? { ...m, note: `${m.note}; at most ${scrolled.result.rows} rows in the page` } : m)),
      {
        suite: SUITE, name: `search ${total} messages: typed to painted, slowest query`, value: Math.max(...ui), unit: 'ms', budget: { op: '<', limit: 100 },
        note: `${QUERIES.length} queries, ${SEARCH_RUNS} runs each (median); typed-to-painted/repository: ${perQuery.join('; ')}`,
      },
      { suite: SUITE, name: `search ${total} messages: query alone, slowest query`, value: Math.max(...repo), unit: 'ms', budget: { op: '<', limit: 100 }, note: `median over the queries ${median(repo).toFixed(0)} ms` },
    ];
  } finally {
    await bench.close();
  }
}
