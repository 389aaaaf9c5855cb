/**
 * The MLC engine in real Chromium (WebGPU on SwiftShader), through the real
 * worker: device check, download into web-llm's cache keys with progress,
 * resume, cancel, and clear errors for broken model libraries. A fake model
 * folder is served from 127.0.0.1; real generation is not exercised.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoadSpec } from '../../src/engine/port';
import { launchBrowser, newGuardedContext, type GuardedContext } from '../support/browser';
import { ROOT } from '../support/servers';
import { VICUNA_TEMPLATE, writeFakeMlcFixtures, type FakeMlcFixtures, type FakeModel } from '../harness/fake-mlc-model';
import type { LoadOutcome } from '../harness/harness';
import { startMlcFixtureServer, type MlcFixtureServer } from '../harness/mlc-fixture-server';

const HARNESS = join(ROOT, 'dist-harness');

let fixtures: FakeMlcFixtures;
let browser: Browser;
let server: MlcFixtureServer;
let guarded: GuardedContext | null = null;

beforeAll(async () => {
  if (!existsSync(join(HARNESS, 'index.html'))) throw new Error('dist-harness/ is missing: run `npx vite build -c test/harness/vite.config.ts` first.');
  fixtures = writeFakeMlcFixtures();
  server = await startMlcFixtureServer(HARNESS, fixtures);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (fixtures) rmSync(fixtures.root, { recursive: true, force: true });
});

afterEach(async () => {
  server.throttle = null;
  if (guarded) {
    const { blocked, context } = guarded;
    guarded = null;
    await context.close();
    expect(blocked).toEqual([]);
  }
});

async function openHarness(): Promise<Page> {
  guarded = await newGuardedContext(browser);
  const page = await guarded.context.newPage();
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  server.requests.length = 0;
  return page;
}

const folderUrl = (model: FakeModel) => `${server.url}/models/${model.folder}/resolve/main/`;
const modelFileRequests = () => server.modelFileRequests();

function spec(lib: string, { model = fixtures.model, requiredFeatures = [] as string[], explicitRevision = false } = {}): LoadSpec {
  return {
    modelId: `test-${model.folder}`,
    contextWindow: 2048,
    source: {
      kind: 'mlc',
      // One form lets the engine append resolve/main/, the other names it.
      modelUrl: explicitRevision ? folderUrl(model) : `${server.url}/models/${model.folder}`,
      modelLibUrl: `${server.url}/libs/${lib}`,
      overrides: { conv_template: VICUNA_TEMPLATE, context_window_size: 2048 },
      requiredFeatures,
    },
  };
}

const load = (page: Page, s: LoadSpec, options: { abortAtBytes?: number } = {}) =>
  page.evaluate(([s, o]) => window.harness.load(s, o), [s, options] as const);
const cacheKeys = (page: Page) => page.evaluate(() => window.harness.cacheKeys());

function downloads(outcome: LoadOutcome) {
  return outcome.progress.filter((p) => p.phase === 'downloading');
}

/** Numbers worth reading in the test output. */
const measured: Record<string, unknown> = {};
afterAll(() => console.info('mlc e2e measurements', JSON.stringify(measured)));

function expectedKeys(model: FakeModel, lib: string) {
  const m = folderUrl(model);
  return {
    'webllm/config': [`${m}mlc-chat-config.json`],
    'webllm/model': [...model.shards.map((s) => `${m}${s}`), `${m}tensor-cache.json`, `${m}tokenizer.json`].sort(),
    'webllm/wasm': [`${server.url}/libs/${lib}`],
  };
}

function totalBytes(model: FakeModel, libBytes: number): number {
  const f = model.files;
  return f['mlc-chat-config.json']! + (f['tensor-cache.json'] ?? f['ndarray-cache.json']!) + f['tokenizer.json']! + model.shards.reduce((a, s) => a + f[s]!, 0) + libBytes;
}

describe('MLC engine in Chromium', () => {
  it('downloads every file into web-llm cache keys with byte progress, then names a library web-llm cannot start', async () => {
    const page = await openHarness();
    server.throttle = { chunk: 16 * 1024, delayMs: 25 };
    const { stub } = fixtures.libs;
    const s = spec(stub.file);
    const outcome = await load(page, s);

    expect(outcome.error).toMatchObject({ name: 'EngineError', code: 'model-lib-mismatch' });
    expect(outcome.error?.message).toContain('web-llm 0.2.86');
    expect(outcome.progress[0]?.phase).toBe('checking');
    expect(outcome.progress.some((p) => p.phase === 'loading')).toBe(true);
    const events = downloads(outcome);
    const total = totalBytes(fixtures.model, stub.bytes);
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(new Set(events.map((p) => p.totalBytes))).toEqual(new Set([total]));
    events.slice(1).forEach((p, i) => expect(p.loadedBytes).toBeGreaterThanOrEqual(events[i]!.loadedBytes));
    expect(events.at(-1)).toMatchObject({ loadedBytes: total, fraction: 1 });
    expect(events.some((p) => p.bytesPerSecond > 0)).toBe(true);

    expect(await cacheKeys(page)).toEqual(expectedKeys(fixtures.model, stub.file));
    expect(await page.evaluate((x) => window.harness.webLlmHasModel(x), s)).toBe(true);
    // Each file was fetched once, by us; web-llm read config and library from the cache.
    const m = `/models/${fixtures.model.folder}/resolve/main/`;
    expect(modelFileRequests().sort()).toEqual(
      [`${m}mlc-chat-config.json`, `${m}tensor-cache.json`, `${m}tokenizer.json`, ...fixtures.model.shards.map((x) => m + x), `/libs/${stub.file}`].sort(),
    );
    measured.fullDownload = { bytes: total, progressEvents: events.length, ms: Math.round(outcome.ms), peakBytesPerSecond: Math.round(Math.max(...events.map((p) => p.bytesPerSecond))) };
  });

  it('fetches only missing files on the next load, and nothing once all are stored', async () => {
    const page = await openHarness();
    const s = spec(fixtures.libs.stub.file);
    await load(page, s);
    const m = folderUrl(fixtures.model);
    await page.evaluate((url) => window.harness.deleteCacheEntry('webllm/model', url), `${m}params_shard_1.bin`);
    await page.evaluate((url) => window.harness.deleteCacheEntry('webllm/model', url), `${m}tokenizer.json`);
    server.requests.length = 0;

    const second = await load(page, s);
    expect(second.error?.code).toBe('model-lib-mismatch');
    const folder = `/models/${fixtures.model.folder}/resolve/main/`;
    expect(modelFileRequests().sort()).toEqual([`${folder}params_shard_1.bin`, `${folder}tokenizer.json`]);
    const events = downloads(second);
    const missing = fixtures.model.files['params_shard_1.bin']! + fixtures.model.files['tokenizer.json']!;
    const total = totalBytes(fixtures.model, fixtures.libs.stub.bytes);
    expect(events[0]!.loadedBytes).toBe(total - missing);
    expect(events.at(-1)!.loadedBytes).toBe(total);

    server.requests.length = 0;
    const third = await load(page, s);
    expect(third.error?.code).toBe('model-lib-mismatch');
    expect(modelFileRequests()).toEqual([]);
    expect(downloads(third).at(-1)?.loadedBytes).toBe(total);
    measured.resume = { refetchedFiles: 2, cachedLoadMs: Math.round(third.ms) };
  });

  it('stores an older ndarray-cache.json under the tensor-cache.json key web-llm reads', async () => {
    const page = await openHarness();
    const model = fixtures.legacyModel;
    const s = spec(fixtures.libs.stub.file, { model, explicitRevision: true });
    const outcome = await load(page, s);
    expect(outcome.error?.code).toBe('model-lib-mismatch');
    const m = `/models/${model.folder}/resolve/main/`;
    expect(modelFileRequests().filter((p) => p.endsWith('.json')).slice(0, 3)).toEqual([`${m}mlc-chat-config.json`, `${m}tensor-cache.json`, `${m}ndarray-cache.json`]);
    expect(await cacheKeys(page)).toEqual(expectedKeys(model, fixtures.libs.stub.file));
    expect(await page.evaluate((x) => window.harness.webLlmHasModel(x), s)).toBe(true);
  });

  it('fails with not-found for a missing model library, before fetching any weights', async () => {
    const page = await openHarness();
    const outcome = await load(page, spec('missing-webgpu.wasm'));
    expect(outcome.error).toMatchObject({ name: 'EngineError', code: 'not-found' });
    expect(outcome.error?.message).toContain('missing-webgpu.wasm');
    expect(modelFileRequests().filter((p) => p.includes('params_shard'))).toEqual([]);
    measured.missingLibMs = Math.round(outcome.ms);
  });

  it('fails with model-lib-invalid for a file that is not WebAssembly, and does not store it', async () => {
    const page = await openHarness();
    const outcome = await load(page, spec(fixtures.libs.garbage.file));
    expect(outcome.error).toMatchObject({ name: 'EngineError', code: 'model-lib-invalid' });
    expect(outcome.error?.message).toContain(fixtures.libs.garbage.file);
    expect((await cacheKeys(page))['webllm/wasm']).toEqual([]);
    expect(modelFileRequests().filter((p) => p.includes('params_shard'))).toEqual([]);
  });

  it('names a library built for another web-llm version: before the weights, or from web-llm when it was already stored', async () => {
    const page = await openHarness();
    const early = await load(page, spec(fixtures.libs.oldRuntime.file));
    expect(early.error).toMatchObject({ name: 'EngineError', code: 'model-lib-mismatch' });
    expect(early.error?.message).toMatch(/^This model library does not match this engine version \(web-llm 0\.2\.86\)/);
    expect(early.error?.message).toContain('_ZN3tvm7runtime9threading15ResetThreadPoolEv');
    expect(modelFileRequests().filter((p) => p.includes('params_shard'))).toEqual([]);

    // Stored earlier (e.g. by another app version) under a URL the server does not have: web-llm itself refuses it.
    const cachedLib = `${server.url}/libs/cached-v0_2_48-webgpu.wasm`;
    const bytes = [...readFileSync(join(fixtures.libsDir, fixtures.libs.oldRuntime.file))];
    await page.evaluate(([url, b]) => window.harness.putCacheEntry('webllm/wasm', url, b), [cachedLib, bytes] as const);
    server.requests.length = 0;
    const late = await load(page, spec('cached-v0_2_48-webgpu.wasm'));
    expect(late.error).toMatchObject({ name: 'EngineError', code: 'model-lib-mismatch' });
    expect(late.error?.message).toMatch(/ResetThreadPoolEv.*function import requires a callable/);
    expect(modelFileRequests().filter((p) => p.startsWith('/libs/'))).toEqual([]);
  });

  it('refuses a shader-f16 build on SwiftShader before requesting any model file', async () => {
    const page = await openHarness();
    const outcome = await load(page, spec(fixtures.libs.stub.file, { requiredFeatures: ['shader-f16'] }));
    expect(outcome.error).toMatchObject({ name: 'EngineError', code: 'shader-f16-unsupported' });
    expect(outcome.error?.message).toMatch(/q4f32_1.*GGUF/);
    expect(modelFileRequests()).toEqual([]);
    measured.deviceCheckMs = Math.round(outcome.ms);
  });

  it('cancels a download with AbortError, keeps only whole files, and stays usable', async () => {
    const page = await openHarness();
    // Shards of 384, 320 and 96 KiB arrive 16 KiB per 40 ms each: the smallest is whole long before the others.
    server.throttle = { chunk: 16 * 1024, delayMs: 40 };
    const s = spec(fixtures.libs.stub.file);
    const outcome = await load(page, s, { abortAtBytes: 400 * 1024 });
    expect(outcome.error?.name).toBe('AbortError');
    const abortedAt = downloads(outcome).at(-1)!.atMs;
    const m = folderUrl(fixtures.model);
    const stored = await Promise.all(fixtures.model.shards.map((x) => page.evaluate((url) => window.harness.storedBytes('webllm/model', url), m + x)));
    expect(stored).toEqual([null, null, fixtures.model.files['params_shard_2.bin']]);
    measured.abort = { rejectedAfterAbortMs: Math.round(outcome.ms - abortedAt), loadedWhenAborted: downloads(outcome).at(-1)!.loadedBytes };

    server.throttle = null;
    server.requests.length = 0;
    const again = await load(page, s);
    expect(again.error?.code).toBe('model-lib-mismatch');
    const folder = `/models/${fixtures.model.folder}/resolve/main/`;
    expect(modelFileRequests().sort()).toEqual([`${folder}params_shard_0.bin`, `${folder}params_shard_1.bin`]);
    expect(downloads(again).at(-1)?.fraction).toBe(1);
    expect(await page.evaluate((x) => window.harness.webLlmHasModel(x), s)).toBe(true);
    await page.evaluate(() => window.harness.unload());
  });

  it('lists and deletes a stored model, keeping a shared library on request', async () => {
    const page = await openHarness();
    const s = spec(fixtures.libs.stub.file);
    const location = { modelUrl: (s.source as { modelUrl: string }).modelUrl, modelLibUrl: (s.source as { modelLibUrl: string }).modelLibUrl };
    const before = await page.evaluate((l) => window.harness.inspect(l), location);
    expect(before).toMatchObject({ listComplete: false, ready: false, storedBytes: 0 });
    await load(page, s);
    const after = await page.evaluate((l) => window.harness.inspect(l), location);
    expect(after).toMatchObject({ listComplete: true, ready: true, storedBytes: totalBytes(fixtures.model, fixtures.libs.stub.bytes) });
    expect(after.files).toHaveLength(7);

    await page.evaluate((l) => window.harness.deleteModel(l, true), location);
    expect(await cacheKeys(page)).toEqual({ 'webllm/config': [], 'webllm/model': [], 'webllm/wasm': [location.modelLibUrl] });
    await page.evaluate((l) => window.harness.deleteModel(l, false), location);
    expect((await cacheKeys(page))['webllm/wasm']).toEqual([]);
  });
});
