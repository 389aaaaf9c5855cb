/**
 * A ChatEngine adapter that replays a long markdown reply instead of running
 * a model, served through the app's own worker protocol. The person's last
 * message says what to replay: "replay 2000 tokens" (as fast as possible) or
 * "replay 2000 tokens over 6000 ms". It says it runs on the GPU, where replies are
 * redrawn most often (streamRedrawMs).
 */
import type { CompletionRequest } from '../../src/engine/port';
import { serveEngine } from '../../src/engine/worker-host';
import { replayTokens } from './replay-text';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function script(request: CompletionRequest): { tokens: number; overMs: number } {
  const text = request.kind === 'prompt' ? request.prompt : (request.messages.at(-1)?.content ?? '');
  const match = [...text.matchAll(/replay (\d+) tokens(?: over (\d+) ms)?/gi)].at(-1);
  return { tokens: Number(match?.[1] ?? 50), overMs: Number(match?.[2] ?? 0) };
}

serveEngine({
  async load(spec, onProgress) {
    onProgress({ phase: 'ready', loadedBytes: 0, totalBytes: 0, fraction: 1, bytesPerSecond: 0, text: 'Ready' });
    return { modelId: spec.modelId, backend: 'gpu', backendDetail: 'replay', contextWindow: spec.contextWindow };
  },
  async complete(request, onDelta, signal) {
    const { tokens, overMs } = script(request);
    const pieces = replayTokens(tokens);
    const started = performance.now();
    for (let i = 0; i < pieces.length; i++) {
      if (signal.aborted) return { finishReason: 'abort', stats: stats(i, started) };
      const wait = started + (i * overMs) / pieces.length - performance.now();
      if (wait >= 1) await sleep(wait);
      onDelta(pieces[i]!);
    }
    return { finishReason: 'length', stats: stats(pieces.length, started) };
  },
  async unload() {},
  async download() {},
});

function stats(completionTokens: number, started: number) {
  const totalMs = performance.now() - started;
  return { promptTokens: 0, completionTokens, timeToFirstTokenMs: 0, prefillTokensPerSecond: 0, decodeTokensPerSecond: (completionTokens * 1000) / Math.max(1, totalMs), totalMs };
}
