/**
 * Decode speed of the tiny GGUF model through the whole app (typed prompt,
 * chat controller, store, database, rendering, worker protocol, engine
 * worker) against the same wllama build driven directly by a bare page and
 * worker: same wasm, model file, prompt, context size and sampling. Every
 * side times tokens as they reach its page's main thread, and repetitions
 * take turns. A third side, the app's engine and worker protocol without the
 * UI, shows which part of the app any difference comes from.
 */
import type { Page } from 'playwright-core';
import { AppDriver } from '../../test/support/app-driver';
import { newBenchContext, type BenchContext } from '../contexts';
import type { BareRun } from '../pages/bare-engine';
import type { BareSampling } from '../pages/bare-engine-protocol';
import { sendAndWait } from '../probes';
import { median, quantile, type Metric } from '../report';
import { mainThreadMetrics, measure } from '../window-metrics';
import type { SuiteEnv } from './suite';

const SUITE = 'engine overhead';
const PROMPT = 'Once upon a time';
const MAX_TOKENS = 400;
const REPETITIONS = 21;
/** V8 keeps optimising llama.cpp's WebAssembly over the first few replies. */
const WARM_UPS = 3;

interface Run {
  tokens: number;
  /** Messages the tokens came in (the app's worker sends them in batches). */
  messages: number;
  tokensPerSecond: number;
  engineReported: number | null;
}

interface Side {
  name: string;
  run(): Promise<Run>;
  runs: Run[];
}

/** Tokens that arrived after the first message, over the time from the first message to the last. */
const rate = (r: Pick<BareRun, 'tokens' | 'firstTokens' | 'firstMs' | 'lastMs'>) => ((r.tokens - r.firstTokens) * 1000) / Math.max(1e-6, r.lastMs - r.firstMs);
const fromPage = (r: BareRun): Run => ({ tokens: r.tokens, messages: r.messages, tokensPerSecond: rate(r), engineReported: r.predictedPerSecond });

interface StoredReply {
  settings: { temperature: number; topP: number; maxTokens: number; repetitionPenalty: number; seed?: number; stop: string[] };
  stats?: { decodeTokensPerSecond: number };
}

/** The newest assistant message, as stored by the app. */
function lastReply(page: Page): Promise<StoredReply> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wizardvicuna-chat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<(StoredReply & { role: string; createdAt: number })[]>((resolve, reject) => {
      const request = db.transaction('messages').objectStore('messages').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.filter((m) => m.role === 'assistant').sort((a, b) => b.createdAt - a.createdAt)[0]!;
  });
}

async function appSide(bench: BenchContext, url: string): Promise<Side & { page: Page; app: AppDriver; gpuLayers?: number }> {
  const page = await bench.context.newPage();
  const app = new AppDriver(page);
  await app.open(url);
  await app.addGgufModel({ url: `${url}/models/stories260K.gguf`, name: 'Tiny stories', format: 'plain' });
  await app.setGeneration({ temperature: 0, maxTokens: MAX_TOKENS });
  const status = await app.loadModel();
  if (!/^Ready/.test(status)) throw new Error(`The tiny model did not load: ${status}`);
  const run = async (): Promise<Run> => {
    await page.bringToFront();
    await page.evaluate(() => (window.__bench.deltas = []));
    await app.newConversation();
    await sendAndWait(page, PROMPT);
    const deltas = await page.evaluate(() => window.__bench.deltas);
    const stored = await lastReply(page);
    const tokens = deltas.reduce((sum, d) => sum + d.tokens, 0);
    const timed = { tokens, firstTokens: deltas[0]!.tokens, firstMs: deltas[0]!.at, lastMs: deltas.at(-1)!.at };
    return { tokens, messages: deltas.length, tokensPerSecond: rate(timed), engineReported: stored.stats?.decodeTokensPerSecond ?? null };
  };
  return { name: 'app', run, runs: [], page, app, gpuLayers: /CPU/.test(status) ? 0 : undefined };
}

async function pageSide(bench: BenchContext, url: string, load: (page: Page) => Promise<number>, run: (page: Page) => Promise<BareRun>, name: string): Promise<Side & { nCtx: number }> {
  const page = await bench.context.newPage();
  await page.goto(url);
  await page.locator('#status', { hasText: 'ready' }).waitFor();
  const nCtx = await load(page);
  const timed = async () => {
    await page.bringToFront();
    return fromPage(await run(page));
  };
  return { name, nCtx, runs: [], run: timed };
}

export async function engineOverheadSuite({ browser, servers }: SuiteEnv): Promise<Metric[]> {
  const contexts = await Promise.all([newBenchContext(browser), newBenchContext(browser), newBenchContext(browser)]);
  try {
    const app = await appSide(contexts[0]!, servers.app);
    for (let i = 0; i < WARM_UPS; i++) await app.run();
    const { settings } = await lastReply(app.page);
    const prompt = (await app.app.lastEngineRequest()).prompt ?? PROMPT;
    const sampling: BareSampling = { max_tokens: settings.maxTokens, temperature: settings.temperature, top_p: settings.topP, repeat_penalty: settings.repetitionPenalty, seed: settings.seed, stop: settings.stop };
    const model = `${servers.pages}/models/stories260K.gguf`;
    const layers = app.gpuLayers;

    const bare = await pageSide(contexts[1]!, `${servers.pages}/bare-engine.html`, (p) => p.evaluate(([u, l]) => window.bare.load(u, 2048, l), [model, layers] as const),
      (p) => p.evaluate(([t, s]) => window.bare.run(t, s), [prompt, sampling] as const), 'bare');
    const engine = await pageSide(contexts[2]!, `${servers.pages}/engine-only.html`, (p) => p.evaluate(([u, l]) => window.engineOnly.load(u, 2048, l), [model, layers] as const),
      (p) => p.evaluate(([t, s]) => window.engineOnly.run(t, s), [prompt, settings] as const), 'engine only');
    for (const side of [bare, engine]) for (let i = 0; i < WARM_UPS; i++) await side.run();

    const sides: Side[] = [app, engine, bare];
    for (let i = 0; i < REPETITIONS; i++) {
      // The app and bare runs of a repetition are always next to each other, each going first in turn,
      // so a change in machine load falls on both alike.
      const order = i % 2 ? [engine, bare, app] : [app, bare, engine];
      for (const side of order) side.runs.push(await side.run());
    }
    // One more reply, traced (tracing slows it, so it is not among the timed runs): what the page's main thread does meanwhile.
    const traced = await measure(app.page, () => app.run());
    const [, appBusy] = mainThreadMetrics(SUITE, 'app: one reply', traced);

    const speeds = (side: Side) => side.runs.map((r) => r.tokensPerSecond);
    // Each run against the bare run of the same repetition, taken moments apart.
    const ratios = (side: Side) => side.runs.map((r, i) => r.tokensPerSecond / bare.runs[i]!.tokensPerSecond);
    const paired = (side: Side) => median(ratios(side));
    const spread = (side: Side) => `paired ratios ${quantile(ratios(side), 0.25).toFixed(2)}–${quantile(ratios(side), 0.75).toFixed(2)} (middle half)`;
    const list = (side: Side) => speeds(side).map((v) => v.toFixed(0)).join(', ');
    const engineReported = (side: Side) => median(side.runs.map((r) => r.engineReported ?? 0)).toFixed(0);
    return [
      {
        suite: SUITE, name: 'app / bare decode speed (median of paired runs)', value: paired(app), unit: '', budget: { op: '>=', limit: 0.95 },
        note: `${spread(app)}; ratio of the medians ${(median(speeds(app)) / median(speeds(bare))).toFixed(2)}; ${REPETITIONS} runs each, taking turns; ${app.runs[0]!.tokens} tokens a reply in ${app.runs[0]!.messages} messages (bare ${bare.runs[0]!.tokens} in ${bare.runs[0]!.messages}); n_ctx ${bare.nCtx}`,
      },
      { suite: SUITE, name: 'engine only / bare (app worker and protocol, no UI)', value: paired(engine), unit: '', note: `same pairing, ${spread(engine)}; ${engine.runs[0]!.tokens} tokens a reply in ${engine.runs[0]!.messages} messages` },
      ...sides.map((side) => ({
        suite: SUITE, name: `${side.name}: tokens/s at the page (median)`, value: median(speeds(side)), unit: 'tok/s', note: `runs: ${list(side)}; llama.cpp reports ${engineReported(side)} tok/s`,
      })),
      { ...appBusy!, note: `${appBusy!.note}; ${traced.result.tokens} tokens` },
    ];
  } finally {
    for (const c of contexts) await c.close();
  }
}
