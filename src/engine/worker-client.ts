/**
 * The UI-thread side of an engine worker: implements ChatEngine by sending
 * protocol messages. The worker is created on first use, so the engine
 * library is only downloaded when a model of its kind is loaded.
 */
import { EngineError } from './errors';
import type { ChatEngine, CompletionEvent, CompletionRequest, LoadProgress, LoadResult, LoadSpec } from './port';
import type { FromWorker, ToWorker } from './protocol';

type Listener = (msg: FromWorker) => void;

export function createWorkerEngine(kind: ChatEngine['kind'], spawn: () => Worker): ChatEngine {
  let worker: Worker | null = null;
  let nextId = 1;
  const listeners = new Map<number, Listener>();

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = spawn();
    w.addEventListener('message', (event: MessageEvent<FromWorker>) => listeners.get(event.data.id)?.(event.data));
    w.addEventListener('error', (event) => {
      event.preventDefault();
      crash(`The ${kind.toUpperCase()} engine stopped unexpectedly${event.message ? `: ${event.message}` : ''}. Reload the model to continue.`);
    });
    worker = w;
    return w;
  };

  const crash = (message: string) => {
    worker?.terminate();
    worker = null;
    const error: FromWorker = { id: 0, type: 'error', error: { code: 'worker-crashed', message } };
    for (const [id, listener] of [...listeners]) listener({ ...error, id });
  };

  const send = (msg: ToWorker) => ensureWorker().postMessage(msg);

  /** Send a command and wire its AbortSignal to a cancel message. */
  const command = (build: (id: number) => ToWorker, listener: Listener, signal?: AbortSignal) => {
    const id = nextId++;
    listeners.set(id, listener);
    const onAbort = () => worker?.postMessage({ id: nextId++, type: 'cancel', target: id } satisfies ToWorker);
    signal?.addEventListener('abort', onAbort, { once: true });
    send(build(id));
    return () => {
      listeners.delete(id);
      signal?.removeEventListener('abort', onAbort);
    };
  };

  /** A command that reports progress and ends in one result message (or an error). */
  const progressCommand = (build: (id: number) => ToWorker, onProgress: (p: LoadProgress) => void, signal?: AbortSignal) =>
    new Promise<FromWorker>((resolve, reject) => {
      if (signal?.aborted) return reject(new DOMException('Cancelled', 'AbortError'));
      const done = command(
        build,
        (msg) => {
          if (msg.type === 'progress') return onProgress(msg.progress);
          done();
          if (msg.type === 'error') reject(toError(msg.error));
          else resolve(msg);
        },
        signal,
      );
    });

  const load = async (spec: LoadSpec, onProgress: (p: LoadProgress) => void, signal?: AbortSignal): Promise<LoadResult> => {
    const msg = await progressCommand((id) => ({ id, type: 'load', spec }), onProgress, signal);
    if (msg.type !== 'loaded') throw new EngineError('unknown', 'The engine answered a load with something else.');
    return msg.result;
  };

  const download = async (spec: LoadSpec, onProgress: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> => {
    await progressCommand((id) => ({ id, type: 'download', spec }), onProgress, signal);
  };

  const importFile = async (file: File, source: string, onProgress: (p: LoadProgress) => void, signal?: AbortSignal, maxShardBytes?: number): Promise<void> => {
    await progressCommand((id) => ({ id, type: 'import', file, source, maxShardBytes }), onProgress, signal);
  };

  async function* complete(request: CompletionRequest, signal?: AbortSignal): AsyncIterable<CompletionEvent> {
    const pending: FromWorker[] = [];
    let wake: (() => void) | null = null;
    const done = command(
      (id) => ({ id, type: 'complete', request }),
      (msg) => {
        pending.push(msg);
        wake?.();
      },
      signal,
    );
    try {
      for (;;) {
        const msg = pending.shift();
        if (!msg) {
          await new Promise<void>((r) => (wake = r));
          wake = null;
          continue;
        }
        if (msg.type === 'delta') yield { type: 'delta', text: msg.text, tokens: msg.tokens };
        else if (msg.type === 'done') {
          yield { type: 'done', finishReason: msg.finishReason, stats: msg.stats };
          return;
        } else if (msg.type === 'error') throw toError(msg.error);
      }
    } finally {
      done();
    }
  }

  const unload = () =>
    new Promise<void>((resolve, reject) => {
      if (!worker) return resolve();
      const done = command(
        (id) => ({ id, type: 'unload' }),
        (msg) => {
          done();
          if (msg.type === 'error') reject(toError(msg.error));
          else resolve();
        },
      );
    });

  return {
    kind,
    load,
    download,
    importFile,
    complete,
    unload,
    dispose: () => {
      worker?.terminate();
      worker = null;
      listeners.clear();
    },
  };
}

function toError(error: { code: EngineError['code']; message: string }): Error {
  if (error.code === 'aborted') return new DOMException(error.message, 'AbortError');
  return new EngineError(error.code, error.message);
}
