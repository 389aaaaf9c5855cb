/**
 * A page that drives the real MLC worker through createMlcEngine(), for
 * test/e2e/mlc-*.e2e.test.ts. Tests call `window.harness` via page.evaluate.
 */
import { createGgufEngine, createMlcEngine } from '../../src/engine/engines';
import { EngineError } from '../../src/engine/errors';
import { deleteMlcModel, inspectMlcModel, MLC_CACHES, type MlcCacheReport, type MlcModelLocation } from '../../src/engine/mlc/mlc-cache-shared';
import type { LoadProgress, LoadResult, LoadSpec } from '../../src/engine/port';

export interface LoadOutcome {
  ok: boolean;
  result?: LoadResult;
  error?: { name: string; code?: string; message: string };
  progress: (LoadProgress & { atMs: number })[];
  ms: number;
}

export interface Harness {
  /** Load; with abortAtBytes, cancel once a download progress event reaches that many bytes. */
  load(spec: LoadSpec, options?: { abortAtBytes?: number }): Promise<LoadOutcome>;
  unload(): Promise<void>;
  cacheKeys(): Promise<Record<string, string[]>>;
  storedBytes(cacheName: string, url: string): Promise<number | null>;
  deleteCacheEntry(cacheName: string, url: string): Promise<boolean>;
  putCacheEntry(cacheName: string, url: string, bytes: number[]): Promise<void>;
  inspect(location: MlcModelLocation): Promise<MlcCacheReport>;
  deleteModel(location: MlcModelLocation, keepModelLib: boolean): Promise<void>;
  /** web-llm's own check that the tensor index and every shard are in its cache. */
  webLlmHasModel(spec: LoadSpec): Promise<boolean>;
  /** Load a GGUF model in the real GGUF worker and count the prompt tokens llama.cpp reads for each prompt. */
  ggufPromptTokens(url: string, prompts: string[]): Promise<number[]>;
}

declare global {
  interface Window {
    harness: Harness;
  }
}

const engine = createMlcEngine();

async function load(spec: LoadSpec, { abortAtBytes }: { abortAtBytes?: number } = {}): Promise<LoadOutcome> {
  const started = performance.now();
  const progress: LoadOutcome['progress'] = [];
  const controller = new AbortController();
  const onProgress = (p: LoadProgress) => {
    progress.push({ ...p, atMs: performance.now() - started });
    if (abortAtBytes !== undefined && p.phase === 'downloading' && p.loadedBytes >= abortAtBytes) controller.abort();
  };
  try {
    const result = await engine.load(spec, onProgress, controller.signal);
    return { ok: true, result, progress, ms: performance.now() - started };
  } catch (err) {
    const e = err as Error;
    const error = { name: e.name, code: err instanceof EngineError ? err.code : undefined, message: e.message };
    return { ok: false, error, progress, ms: performance.now() - started };
  }
}

window.harness = {
  load,
  unload: () => engine.unload(),
  async cacheKeys() {
    const out: Record<string, string[]> = {};
    for (const name of Object.values(MLC_CACHES)) {
      out[name] = (await caches.has(name)) ? (await (await caches.open(name)).keys()).map((r) => r.url).sort() : [];
    }
    return out;
  },
  async storedBytes(cacheName, url) {
    const hit = await (await caches.open(cacheName)).match(new Request(url));
    return hit ? (await hit.arrayBuffer()).byteLength : null;
  },
  async deleteCacheEntry(cacheName, url) {
    return (await caches.open(cacheName)).delete(new Request(url));
  },
  async putCacheEntry(cacheName, url, bytes) {
    await (await caches.open(cacheName)).put(new Request(url), new Response(new Uint8Array(bytes)));
  },
  inspect: (location) => inspectMlcModel(location),
  deleteModel: (location, keepModelLib) => deleteMlcModel(location, { keepModelLib }),
  async webLlmHasModel(spec) {
    if (spec.source.kind !== 'mlc') return false;
    const { hasModelInCache } = await import('@mlc-ai/web-llm');
    const record = { model: spec.source.modelUrl, model_id: spec.modelId, model_lib: spec.source.modelLibUrl };
    return hasModelInCache(spec.modelId, { model_list: [record] });
  },
  async ggufPromptTokens(url, prompts) {
    const gguf = createGgufEngine();
    await gguf.load({ modelId: 'tokens', source: { kind: 'gguf', urls: [url] }, contextWindow: 512, gpuLayers: 0 }, () => undefined);
    const counts: number[] = [];
    for (const prompt of prompts) {
      for await (const event of gguf.complete({ kind: 'prompt', prompt, settings: { temperature: 0, topP: 1, maxTokens: 1, repetitionPenalty: 1, stop: [] } })) {
        if (event.type === 'done') counts.push(event.stats.promptTokens);
      }
    }
    gguf.dispose();
    return counts;
  },
};
document.getElementById('status')!.textContent = 'ready';
