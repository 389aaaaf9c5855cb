/**
 * Proves that llama.cpp (wllama in real Chromium) loads the shards made by
 * src/lib/gguf's streaming splitter as a split model: a tiny page splits
 * stories260K.gguf while fetching it, hands the shards to wllama.loadModel,
 * and its greedy completion must equal the one from the original file.
 *
 * The page is generated into a temp folder and built with Vite at test time
 * (its node_modules is a symlink to the project's); nothing leaves 127.0.0.1.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchBrowser, newGuardedContext, type GuardedContext } from '../support/browser';

const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>gguf split</title></head>
<body><script type="module" src="./main.ts"></script></body></html>`;

const PAGE_MAIN = `
import { Wllama } from '@wllama/wllama';
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { createGgufSplitter } from '@gguf/gguf-splitter';

const PROMPT = { prompt: 'Once upon a time', max_tokens: 30, temperature: 0 };

async function complete(files) {
  const log = [];
  const push = (...args) => void log.push(args.map(String).join(' '));
  const logger = { debug: push, log: push, warn: push, error: push };
  const wllama = new Wllama({ default: wasmUrl }, { logger, allowOffline: true });
  try {
    await wllama.loadModel(files, { n_ctx: 512 });
    const out = await wllama.createCompletion(PROMPT);
    return { text: out.choices[0].text, log };
  } finally {
    await wllama.exit().catch(() => undefined);
  }
}

window.runOriginal = async (url) => {
  const blob = await (await fetch(url)).blob();
  return complete([new File([blob], 'stories260K.gguf')]);
};

window.runSplit = async (url, maxShardBytes, seed) => {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const parts = [];
  const events = [];
  let plan = null;
  const splitter = createGgufSplitter({
    maxShardBytes,
    onPlan: (p) => { plan = p; events.push('plan'); },
    onShardStart: (i, header) => { parts[i] = [header]; events.push('start ' + i); },
    onShardData: (i, chunk) => { parts[i].push(chunk.slice()); },
    onShardEnd: (i) => { events.push('end ' + i); },
  });
  const reader = (await fetch(url)).body.getReader();
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // Re-cut the network chunks at odd places to cross tensor boundaries.
    for (let at = 0; at < value.length; ) {
      const n = 1 + Math.floor(rand() * 40000);
      splitter.push(value.subarray(at, at + n));
      at += n;
      chunks++;
    }
  }
  splitter.end();
  const files = parts.map((p, i) => new File(p, plan.shards[i].fileName));
  const result = await complete(files);
  return {
    ...result,
    chunks,
    events,
    plan: { count: plan.shardCount, sizes: plan.shards.map((x) => x.totalByteLength), names: plan.shards.map((x) => x.fileName) },
    files: files.map((f) => ({ name: f.name, size: f.size })),
  };
};
window.pageReady = true;
`;

interface Completion {
  text: string;
  log: string[];
}
interface SplitRun extends Completion {
  chunks: number;
  events: string[];
  plan: { count: number; sizes: number[]; names: string[] };
  files: { name: string; size: number }[];
}

const ROOT = resolve(import.meta.dirname, '../..');
/** The shared tiny model (read only; copied into the server's temp folder, never into the repo). */
const TINY_MODEL = resolve(ROOT, '../shared/fixtures/models/stories260K.gguf');
const MAX_SHARD_BYTES = 300_000;
const MODEL_URL = '/models/stories260K.gguf';

describe('GGUF splitter + wllama (real Chromium)', () => {
  let work = '';
  let server: { url: string; close: () => Promise<void> } | null = null;
  let browser: Browser | null = null;
  let guard: GuardedContext | null = null;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wv-gguf-split-'));
    const src = join(work, 'page');
    mkdirSync(src);
    writeFileSync(join(src, 'index.html'), PAGE_HTML);
    writeFileSync(join(src, 'main.ts'), PAGE_MAIN);
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    await build({
      root: src,
      configFile: false,
      logLevel: 'error',
      cacheDir: join(work, '.vite'),
      resolve: { alias: [{ find: /^@gguf\//, replacement: `${join(ROOT, 'src/lib/gguf')}/` }] },
      build: { outDir: join(work, 'dist'), emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, minify: false, reportCompressedSize: false },
    });
    if (!existsSync(TINY_MODEL)) throw new Error(`Missing ${TINY_MODEL} (stories260K.gguf, see its README).`);
    mkdirSync(join(work, 'models'));
    copyFileSync(TINY_MODEL, join(work, 'models/stories260K.gguf'));
    server = await startStaticServer({ root: join(work, 'dist'), mounts: { '/models': join(work, 'models') } });
    browser = await launchBrowser();
    guard = await newGuardedContext(browser);
    page = await guard.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  });

  afterAll(async () => {
    await guard?.context.close();
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('loads the streamed shards as a split model and completes exactly like the original file', async () => {
    const original = await page.evaluate(
      (url) => (window as unknown as { runOriginal(u: string): Promise<Completion> }).runOriginal(url),
      MODEL_URL,
    );
    expect(original.text.startsWith(', there was a little girl named Lily.')).toBe(true);

    const split = await page.evaluate(
      ([url, max]) => (window as unknown as { runSplit(u: string, m: number, s: number): Promise<SplitRun> }).runSplit(url, max, 7),
      [MODEL_URL, MAX_SHARD_BYTES] as const,
    );
    const n = split.plan.count;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(split.chunks).toBeGreaterThan(n);
    expect(split.events[0]).toBe('plan');
    expect(split.events.slice(1)).toEqual(Array.from({ length: n }, (_, i) => [`start ${i}`, `end ${i}`]).flat());
    expect(split.files).toEqual(split.plan.names.map((name, i) => ({ name, size: split.plan.sizes[i] })));
    expect(split.files[n - 1]?.name).toBe(`model-0000${n}-of-0000${n}.gguf`);
    for (const f of split.files) expect(f.size).toBeLessThanOrEqual(MAX_SHARD_BYTES);
    // llama.cpp's loader saw a split model, not one file.
    expect(split.log.join('\n')).toContain(`additional ${n - 1} GGUFs metadata loaded`);
    expect(split.text).toBe(original.text);

    expect(pageErrors).toEqual([]);
    expect(guard?.blocked).toEqual([]);
  });
});
