/// <reference lib="webworker" />
/** Export and import run here, so reading, checking and writing a large library never blocks the page. */
import { createTransferRepo } from '../../db';
import { openDatabase } from '../../db/database';
import type { ReadImport } from '../../lib/transfer/read-import-files';
import { isTransferError } from '../../lib/transfer/transfer-error';
import { previewOf, runCommit, runExport, runPreview } from './transfer-jobs';
import type { TransferReply, TransferRequest } from './transfer-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const repo = createTransferRepo(openDatabase());
/** Checked imports waiting for the person to confirm. */
const pending = new Map<number, ReadImport>();
let nextPlanId = 1;

const post = (reply: TransferReply) => scope.postMessage(reply);

scope.onmessage = async ({ data: request }: MessageEvent<TransferRequest>) => {
  const { id } = request;
  const progress = (text: string, fraction: number | null) => post({ id, type: 'progress', text, fraction });
  try {
    if (request.type === 'export') {
      post({ id, type: 'exported', result: await runExport(repo, request.scope, request.format, new Date(request.now), progress) });
    } else if (request.type === 'preview') {
      const { read, plan, ms } = await runPreview(repo, request.files, request.defaults, progress);
      const planId = nextPlanId++;
      pending.set(planId, read);
      post({ id, type: 'previewed', result: previewOf(planId, read, plan, ms) });
    } else if (request.type === 'commit') {
      const read = pending.get(request.planId);
      if (!read) throw new Error('This import was already finished or cancelled. Choose the files again.');
      pending.delete(request.planId);
      post({ id, type: 'imported', result: await runCommit(repo, read, progress) });
    } else {
      pending.delete(request.planId);
      post({ id, type: 'discarded' });
    }
  } catch (error) {
    const reply = isTransferError(error)
      ? { code: error.code, message: error.message }
      : { code: 'unexpected' as const, message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}` };
    post({ id, type: 'failed', error: reply });
  }
};
