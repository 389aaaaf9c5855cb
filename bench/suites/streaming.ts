/**
 * A 2,000-token markdown reply (code blocks, lists, tables) streamed into the
 * real UI by the replay engine: main-thread long tasks and busy time while it
 * streams, and how many IndexedDB writes it causes, once as fast as the
 * tokens come and once paced over about six seconds.
 */
import type { Page } from 'playwright-core';
import { newBenchContext } from '../contexts';
import { sendAndWait } from '../probes';
import type { Metric } from '../report';
import { mainThreadMetrics, measure } from '../window-metrics';
import { lastStoredReply, loadReplayModel, openReplayApp } from './replay-app';
import type { SuiteEnv } from './suite';

const SUITE = 'streaming';
const TOKENS = 2000;
const PACED_MS = 6000;

async function streamReply(page: Page, label: string, text: string): Promise<Metric[]> {
  await page.getByRole('button', { name: 'New conversation' }).click();
  const writesBefore = await page.evaluate(() => window.__bench.writes.length);
  const m = await measure(page, () => sendAndWait(page, text));
  const writes = (await page.evaluate((n) => window.__bench.writes.slice(n), writesBefore)).filter((w) => w.store === 'messages');
  const seconds = writes.length > 1 ? (writes.at(-1)!.at - writes[0]!.at) / 1000 : 0;
  const { completionTokens } = await lastStoredReply(page);
  const rendered = await page.evaluate(() => {
    const reply = [...document.querySelectorAll('[data-testid="message"]')].at(-1)!;
    return `${reply.querySelectorAll('table').length} tables, ${reply.querySelectorAll('pre code').length} code blocks, ${reply.querySelectorAll('li').length} list items`;
  });
  const [tasks, busy] = mainThreadMetrics(SUITE, label, m);
  return [
    { ...tasks!, note: `${tasks!.note}; rendered ${rendered}` },
    busy!,
    {
      suite: SUITE,
      name: `${label}: IndexedDB writes to messages`,
      value: writes.length,
      unit: '',
      budget: { op: '<=', limit: Math.ceil(seconds) + 3 },
      note: `${completionTokens} tokens; ${seconds.toFixed(2)} s from the question's write to the final save (budget: ceil(seconds) + 3)`,
    },
  ];
}

export async function streamingSuite({ browser, servers }: SuiteEnv): Promise<Metric[]> {
  const bench = await newBenchContext(browser);
  try {
    const page = await bench.context.newPage();
    await openReplayApp(page, servers.pages);
    await loadReplayModel(page);
    await sendAndWait(page, 'replay 300 tokens'); // loads the markdown renderer and highlighter once
    return [
      ...(await streamReply(page, `${TOKENS} tokens at once`, `replay ${TOKENS} tokens`)),
      ...(await streamReply(page, `${TOKENS} tokens over ${PACED_MS / 1000} s`, `replay ${TOKENS} tokens over ${PACED_MS} ms`)),
    ];
  } finally {
    await bench.close();
  }
}
