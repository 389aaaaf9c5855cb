/**
 * Runs inside an engine worker: receives protocol messages, runs them one at
 * a time on the adapter, and turns every failure into `{ code, message }`.
 */
import { batchDeltas } from './delta-batcher';
import { EngineError, serializeEngineError } from './errors';
import type { FromWorker, ToWorker, WorkerAdapter } from './protocol';

interface Scope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

export function serveEngine(adapter: WorkerAdapter, scope: Scope = self as unknown as Scope): void {
  const controllers = new Map<number, AbortController>();
  let queue: Promise<void> = Promise.resolve();
  const post = (message: FromWorker) => scope.postMessage(message);

  const run = async (msg: Exclude<ToWorker, { type: 'cancel' }>, signal: AbortSignal) => {
    switch (msg.type) {
      case 'load': {
        const result = await adapter.load(msg.spec, (progress) => post({ id: msg.id, type: 'progress', progress }), signal);
        post({ id: msg.id, type: 'loaded', result });
        return;
      }
      case 'complete': {
        const deltas = batchDeltas((text, tokens) => post({ id: msg.id, type: 'delta', text, tokens }));
        let result: Awaited<ReturnType<WorkerAdapter['complete']>>;
        try {
          result = await adapter.complete(msg.request, deltas.push, signal);
        } finally {
          deltas.flush(); // the last text arrives before the result, or before the error
        }
        post({ id: msg.id, type: 'done', ...result });
        return;
      }
      case 'download':
        await adapter.download(msg.spec, (progress) => post({ id: msg.id, type: 'progress', progress }), signal);
        post({ id: msg.id, type: 'downloaded' });
        return;
      case 'unload':
        await adapter.unload();
        post({ id: msg.id, type: 'unloaded' });
        return;
      case 'import':
        if (!adapter.importFile) throw new EngineError('model-invalid', 'This engine cannot import model files.');
        await adapter.importFile(msg.file, msg.source, (progress) => post({ id: msg.id, type: 'progress', progress }), signal, msg.maxShardBytes);
        post({ id: msg.id, type: 'imported' });
    }
  };

  scope.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg.type === 'cancel') {
      controllers.get(msg.target)?.abort();
      return;
    }
    const controller = new AbortController();
    controllers.set(msg.id, controller);
    queue = queue.then(async () => {
      try {
        if (controller.signal.aborted) throw new DOMException('Cancelled before it started', 'AbortError');
        await run(msg, controller.signal);
      } catch (err) {
        post({ id: msg.id, type: 'error', error: serializeEngineError(err) });
      } finally {
        controllers.delete(msg.id);
      }
    });
  });
}
