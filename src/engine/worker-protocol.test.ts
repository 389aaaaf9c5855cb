import { describe, expect, it } from 'vitest';
import { EngineError } from './errors';
import type { CompletionEvent } from './port';
import type { FromWorker, ToWorker, WorkerAdapter } from './protocol';
import { createWorkerEngine } from './worker-client';
import { serveEngine } from './worker-host';

/** Connects the client and the host through an in-memory MessageChannel. */
function connect(adapter: WorkerAdapter) {
  const channel = new MessageChannel();
  serveEngine(adapter, {
    postMessage: (m: FromWorker) => channel.port1.postMessage(m),
    addEventListener: (_t, l) => channel.port1.addEventListener('message', l as (e: MessageEvent) => void),
  });
  channel.port1.start();
  const fakeWorker = {
    postMessage: (m: ToWorker) => channel.port2.postMessage(m),
    addEventListener: (t: string, l: (e: MessageEvent) => void) => t === 'message' && channel.port2.addEventListener('message', l),
    terminate: () => channel.port2.close(),
  };
  channel.port2.start();
  return createWorkerEngine('gguf', () => fakeWorker as unknown as Worker);
}

const settings = { temperature: 0, topP: 1, maxTokens: 4, repetitionPenalty: 1, stop: [] };
const stats = { promptTokens: 1, completionTokens: 2, timeToFirstTokenMs: 1, prefillTokensPerSecond: 1, decodeTokensPerSecond: 1, totalMs: 1 };

describe('worker protocol', () => {
  it('streams deltas then a done result', async () => {
    const engine = connect({
      load: async (spec, onProgress) => {
        onProgress({ phase: 'downloading', loadedBytes: 1, totalBytes: 2, fraction: 0.5, bytesPerSecond: 0, text: '' });
        return { modelId: spec.modelId, backend: 'cpu', backendDetail: 'CPU', contextWindow: 64 };
      },
      complete: async (_r, onDelta) => {
        onDelta('a');
        onDelta('b');
        return { finishReason: 'stop', stats };
      },
      unload: async () => undefined,
      download: async () => undefined,
    });
    const progress: number[] = [];
    const loaded = await engine.load({ modelId: 'm', source: { kind: 'gguf', urls: [] }, contextWindow: 64 }, (p) => progress.push(p.fraction));
    expect(loaded.modelId).toBe('m');
    expect(progress).toEqual([0.5]);
    const events: CompletionEvent[] = [];
    for await (const e of engine.complete({ kind: 'prompt', prompt: 'x', settings })) events.push(e);
    // The first piece goes at once; the rest of its batch is sent before the result.
    expect(events).toEqual([{ type: 'delta', text: 'a', tokens: 1 }, { type: 'delta', text: 'b', tokens: 1 }, { type: 'done', finishReason: 'stop', stats }]);
  });

  it('carries error codes across and turns cancellation into AbortError', async () => {
    const engine = connect({
      load: async (_s, _p, signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('x', 'AbortError')))),
      complete: async () => {
        throw new EngineError('context-exceeded', 'too long');
      },
      unload: async () => undefined,
      download: async () => undefined,
    });
    await expect(async () => {
      for await (const _ of engine.complete({ kind: 'prompt', prompt: 'x', settings })) void _;
    }).rejects.toMatchObject({ code: 'context-exceeded', message: 'too long' });
    const controller = new AbortController();
    const loading = engine.load({ modelId: 'm', source: { kind: 'gguf', urls: [] }, contextWindow: 64 }, () => undefined, controller.signal);
    controller.abort();
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops a completion when its signal aborts', async () => {
    const engine = connect({
      load: async () => ({ modelId: 'm', backend: 'cpu', backendDetail: '', contextWindow: 1 }),
      complete: async (_r, onDelta, signal) => {
        onDelta('partial');
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        return { finishReason: 'abort', stats };
      },
      unload: async () => undefined,
      download: async () => undefined,
    });
    const controller = new AbortController();
    const seen: CompletionEvent[] = [];
    for await (const e of engine.complete({ kind: 'prompt', prompt: 'x', settings }, controller.signal)) {
      seen.push(e);
      if (e.type === 'delta') controller.abort();
    }
    expect(seen.at(-1)).toMatchObject({ type: 'done', finishReason: 'abort' });
  });
});
