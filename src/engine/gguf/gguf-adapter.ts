/**
 * The GGUF engine (llama.cpp via @wllama/wllama) inside its worker. Files
 * come from the OPFS store; wllama's wasm is served from our own origin.
 * Layers go to WebGPU when llama.cpp can use it, else run on the CPU.
 */
import { Wllama, type WllamaLogger } from '@wllama/wllama';
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { EngineError, isAbort } from '../errors';
import type { CompletionRequest, FinishReason, GenerationStats, LoadResult, LoadSpec } from '../port';
import type { WorkerAdapter } from '../protocol';
import { DEFAULT_MAX_SHARD_BYTES, ensureModelFiles, importModelFile } from './gguf-download';
import { backendFromLog, mapWllamaError } from './gguf-errors';

interface Chunk {
  choices: { text?: string; delta?: { content?: string | null }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  timings?: { prompt_n: number; prompt_per_second: number; predicted_n: number; predicted_per_second: number };
}

/** What the engine was last asked, readable from tests through the worker. */
declare global {
  var wvLastRequest: unknown;
}

export function createGgufAdapter(): WorkerAdapter {
  let wllama: Wllama | null = null;
  const log: string[] = [];
  /** llama.cpp reports some load failures only in its log, and wllama then never settles. */
  let onFatalLog: ((line: string) => void) | null = null;

  const logger: WllamaLogger = {
    debug: (...args: unknown[]) => void log.push(args.join(' ')),
    log: (...args: unknown[]) => void log.push(args.join(' ')),
    warn: (...args: unknown[]) => {
      log.push(args.join(' '));
      console.warn(...args);
    },
    error: (...args: unknown[]) => {
      const line = args.join(' ');
      log.push(line);
      console.error(...args);
      if (/failed to load model|error loading model/.test(line)) onFatalLog?.(line);
    },
  };

  const unload = async () => {
    const current = wllama;
    wllama = null;
    await current?.exit().catch(() => undefined);
  };

  return {
    async load(spec: LoadSpec, onProgress, signal): Promise<LoadResult> {
      if (spec.source.kind !== 'gguf') throw new EngineError('model-invalid', 'This model is not a GGUF build.');
      if (!(WebAssembly as { Suspending?: unknown }).Suspending) {
        throw new EngineError('browser-unsupported', 'This browser lacks WebAssembly JSPI, which the GGUF engine needs. Use Chrome or Edge 137 or newer.');
      }
      await unload();
      onProgress({ phase: 'checking', loadedBytes: 0, totalBytes: 0, fraction: 0, bytesPerSecond: 0, text: 'Checking downloaded files' });
      const files = await ensureModelFiles(spec.source.urls, { maxShardBytes: spec.maxShardBytes ?? DEFAULT_MAX_SHARD_BYTES, onProgress, signal });
      await assertGgufFiles(files);
      if (signal.aborted) throw new DOMException('Load cancelled', 'AbortError');
      onProgress({ phase: 'loading', loadedBytes: 0, totalBytes: 0, fraction: 0, bytesPerSecond: 0, text: 'Loading the model into memory' });
      log.length = 0;
      const instance = new Wllama({ default: wasmUrl }, { logger, allowOffline: true });
      try {
        const failed = new Promise<never>((_, reject) => {
          onFatalLog = (line) => reject(new Error(line));
        });
        await Promise.race([instance.loadModel(files, { n_ctx: spec.contextWindow, n_gpu_layers: spec.gpuLayers, n_parallel: 1 }), failed]);
      } catch (err) {
        // Not awaited: after some failures the wasm side never answers.
        void instance.exit().catch(() => undefined);
        throw mapWllamaError(err, log);
      } finally {
        onFatalLog = null;
      }
      if (signal.aborted) {
        await instance.exit().catch(() => undefined);
        throw new DOMException('Load cancelled', 'AbortError');
      }
      wllama = instance;
      const { backend, detail } = backendFromLog(log, spec.gpuLayers === 0);
      onProgress({ phase: 'ready', loadedBytes: 0, totalBytes: 0, fraction: 1, bytesPerSecond: 0, text: 'Ready' });
      return { modelId: spec.modelId, backend, backendDetail: detail, contextWindow: instance.getLoadedContextInfo().n_ctx };
    },

    async complete(request: CompletionRequest, onDelta, signal) {
      if (!wllama) throw new EngineError('model-not-loaded', 'No model is loaded. Load a model first.');
      const s = request.settings;
      const sampling = {
        stream: true as const,
        abortSignal: signal,
        max_tokens: s.maxTokens,
        temperature: s.temperature,
        top_p: s.topP,
        repeat_penalty: s.repetitionPenalty,
        seed: s.seed,
        stop: s.stop,
        cache_prompt: true,
      };
      const started = performance.now();
      let firstTokenAt = 0;
      let finishReason: FinishReason = 'stop';
      let last: Chunk | null = null;
      let completionTokens = 0;
      globalThis.wvLastRequest = request.kind === 'prompt' ? { prompt: request.prompt } : { system: request.system, messages: request.messages };
      try {
        const stream = (request.kind === 'prompt'
          ? await wllama.createCompletion({ prompt: request.prompt, ...sampling })
          : await wllama.createChatCompletion({
              messages: [...(request.system ? [{ role: 'system' as const, content: request.system }] : []), ...request.messages],
              ...sampling,
            })) as AsyncIterable<Chunk>;
        for await (const chunk of stream) {
          const choice = chunk.choices[0];
          const text = choice?.text ?? choice?.delta?.content ?? '';
          if (text) {
            if (!firstTokenAt) firstTokenAt = performance.now();
            completionTokens++;
            onDelta(text);
          }
          if (choice?.finish_reason) finishReason = choice.finish_reason === 'length' ? 'length' : 'stop';
          if (chunk.timings || chunk.usage) last = chunk;
        }
      } catch (err) {
        if (!isAbort(err) && !signal.aborted) throw mapWllamaError(err, log);
        finishReason = 'abort';
      }
      return { finishReason, stats: statsFrom(last, started, firstTokenAt, completionTokens) };
    },

    unload,

    async download(spec, onProgress, signal) {
      if (spec.source.kind !== 'gguf') throw new EngineError('model-invalid', 'This model is not a GGUF build.');
      await ensureModelFiles(spec.source.urls, { maxShardBytes: spec.maxShardBytes ?? DEFAULT_MAX_SHARD_BYTES, onProgress, signal });
    },

    async importFile(file, source, onProgress, signal, maxShardBytes) {
      await importModelFile(file, source, { maxShardBytes: maxShardBytes ?? DEFAULT_MAX_SHARD_BYTES, onProgress, signal });
    },
  };
}

/** Every GGUF file starts with the magic "GGUF"; anything else is not a model file. */
async function assertGgufFiles(files: File[]): Promise<void> {
  for (const file of files) {
    const magic = new TextDecoder().decode(await file.slice(0, 4).arrayBuffer());
    if (magic !== 'GGUF') {
      throw new EngineError('model-invalid', 'This file could not be loaded as a GGUF model: it is not a GGUF file. Check that the address points to a complete .gguf file.');
    }
  }
}

function statsFrom(last: Chunk | null, started: number, firstTokenAt: number, streamed: number): GenerationStats {
  const t = last?.timings;
  return {
    promptTokens: last?.usage?.prompt_tokens ?? t?.prompt_n ?? 0,
    completionTokens: last?.usage?.completion_tokens ?? t?.predicted_n ?? streamed,
    timeToFirstTokenMs: firstTokenAt ? firstTokenAt - started : 0,
    prefillTokensPerSecond: t?.prompt_per_second ?? 0,
    decodeTokensPerSecond: t?.predicted_per_second ?? 0,
    totalMs: performance.now() - started,
  };
}
