/** Turns wllama / llama.cpp failures and load logs into what a person can act on. */
import { EngineError } from '../errors';

export function mapWllamaError(err: unknown, log: readonly string[]): EngineError {
  if (err instanceof EngineError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const type = (err as { type?: string }).type;
  const tail = log.slice(-40).join('\n');
  if (/out of memory|failed to allocate|Cannot enlarge memory|OOM/i.test(message + tail)) {
    return new EngineError('out-of-memory', 'The model does not fit in this device\'s memory. Pick a smaller build (fewer parameters or a lower quantization).');
  }
  if (type === 'kv_cache_full' || /context|n_ctx|exceed/i.test(message) && /size|full|long/i.test(message)) {
    return new EngineError('context-exceeded', 'The conversation no longer fits in the model\'s context window. Start a new conversation or shorten the history.');
  }
  if (type === 'load_error' || /failed to load model|invalid magic|gguf/i.test(message + tail)) {
    return new EngineError('model-invalid', 'This file could not be loaded as a GGUF model. Check that the address points to a complete .gguf file of a supported architecture.');
  }
  if (type === 'model_not_loaded') return new EngineError('model-not-loaded', 'No model is loaded. Load a model first.');
  return new EngineError('unknown', `The GGUF engine failed: ${message}`);
}

/** llama.cpp logs "offloaded N/M layers to GPU" when it loads a model. */
export function backendFromLog(log: readonly string[], cpuForced: boolean): { backend: 'gpu' | 'cpu' | 'mixed'; detail: string } {
  const line = [...log].reverse().find((l) => /offloaded \d+\/\d+ layers to GPU/.test(l));
  const match = line ? /offloaded (\d+)\/(\d+) layers to GPU/.exec(line) : null;
  if (!match) {
    return { backend: 'cpu', detail: cpuForced ? 'CPU (WebAssembly): GPU off for this device' : 'CPU (WebAssembly): no usable WebGPU device' };
  }
  const [n, total] = [Number(match[1]), Number(match[2])];
  if (n === 0) return { backend: 'cpu', detail: `CPU (WebAssembly): offloaded 0/${total} layers to GPU` };
  return { backend: n >= total ? 'gpu' : 'mixed', detail: `WebGPU: offloaded ${n}/${total} layers to GPU` };
}
