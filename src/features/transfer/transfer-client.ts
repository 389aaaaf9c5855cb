/** The page's side of the transfer worker: one request at a time per call, with progress, cancellable. */
import type { ExportFileFormat, ExportScope } from '../../lib/transfer/export-file-names';
import type { TransferSettings } from '../../lib/transfer/export-format';
import { TransferError } from '../../lib/transfer/transfer-error';
import type { ExportResult, ImportResult, PreviewResult, ProgressListener, TransferReply, TransferRequest } from './transfer-protocol';

type Pending = { resolve(reply: TransferReply): void; reject(error: unknown): void; onProgress?: ProgressListener };
type RequestBody = TransferRequest extends infer R ? (R extends TransferRequest ? Omit<R, 'id'> : never) : never;

export function createTransferClient(spawn: () => Worker) {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const rejectAll = (error: unknown) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = ({ data: reply }: MessageEvent<TransferReply>) => {
      const p = pending.get(reply.id);
      if (!p) return;
      if (reply.type === 'progress') return p.onProgress?.(reply.text, reply.fraction);
      pending.delete(reply.id);
      if (reply.type === 'failed') p.reject(new TransferError(reply.error.code, reply.error.message));
      else p.resolve(reply);
    };
    w.onerror = (event) => {
      event.preventDefault();
      rejectAll(new TransferError('unexpected', `The export and import helper stopped: ${event.message || 'it could not start'}.`));
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  };

  const send = (body: RequestBody, onProgress?: ProgressListener): Promise<TransferReply> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress });
      ensureWorker().postMessage({ ...body, id } as TransferRequest);
    });

  return {
    async exportConversations(scope: ExportScope, format: ExportFileFormat, onProgress?: ProgressListener): Promise<ExportResult> {
      const reply = await send({ type: 'export', scope, format, now: Date.now() }, onProgress);
      if (reply.type !== 'exported') throw new TransferError('unexpected', 'The export helper answered out of turn.');
      return reply.result;
    },
    async previewImport(files: File[], defaults: TransferSettings, onProgress?: ProgressListener): Promise<PreviewResult> {
      const reply = await send({ type: 'preview', files, defaults }, onProgress);
      if (reply.type !== 'previewed') throw new TransferError('unexpected', 'The import helper answered out of turn.');
      return reply.result;
    },
    async commitImport(planId: number, onProgress?: ProgressListener): Promise<ImportResult> {
      const reply = await send({ type: 'commit', planId }, onProgress);
      if (reply.type !== 'imported') throw new TransferError('unexpected', 'The import helper answered out of turn.');
      return reply.result;
    },
    discardImport(planId: number): void {
      if (worker) void send({ type: 'discard', planId }).catch(() => undefined);
    },
    /** Stops whatever the worker is doing (an unfinished import writes nothing). */
    cancel(): void {
      worker?.terminate();
      worker = null;
      rejectAll(new DOMException('Cancelled', 'AbortError'));
    },
  };
}

export type TransferClient = ReturnType<typeof createTransferClient>;

export const transferClient: TransferClient = createTransferClient(
  () => new Worker(new URL('./transfer.worker.ts', import.meta.url), { type: 'module', name: 'transfer' }),
);
