/**
 * The queue of comparison runs. One GPU holds one model, so runs go one at a
 * time; the next is the first in line for the model already loaded, so a
 * comparison across models loads each model as few times as it can.
 */
import { nextRunIndex } from '../../lib/compare/run-order';
import { useCompareStore } from '../../store/compare-store';
import { useEngineStore } from '../../store/engine-store';
import { flushAutosave } from './comparison-autosave';
import { recordReply, type CompareRun } from './compare-run';
import { runColumn } from './run-column';

let queue: CompareRun[] = [];
let current: { run: CompareRun; controller: AbortController } | null = null;
let pumping = false;

export function enqueueRuns(runs: CompareRun[]): void {
  const store = useCompareStore.getState();
  for (const run of runs) {
    queue.push(run);
    store.setRun(run.columnId, { key: run.key, phase: 'waiting', note: 'Waiting for the GPU' });
  }
  if (runs.length) void pump();
}

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  const store = useCompareStore.getState();
  store.setBusy(true);
  try {
    while (queue.length) {
      const engine = useEngineStore.getState();
      const loaded = engine.status === 'ready' ? engine.modelId : null;
      const [run] = queue.splice(nextRunIndex(queue, loaded), 1);
      const controller = new AbortController();
      current = { run: run!, controller };
      try {
        await runColumn(run!, controller.signal);
      } catch (err) {
        // runColumn reports its own failures; this is a last guard so the queue goes on.
        const message = err instanceof Error ? err.message : String(err);
        recordReply(run!, { content: '', status: 'error', error: { code: 'unknown', message }, modelId: run!.modelId });
        store.setRun(run!.columnId, { key: run!.key, phase: 'failed', note: message });
      } finally {
        current = null;
      }
      await flushAutosave();
    }
  } finally {
    pumping = false;
    store.setBusy(false);
    store.setSwitching(null);
  }
}

function dropQueued(keep: (run: CompareRun) => boolean): void {
  const dropped = queue.filter((r) => !keep(r));
  queue = queue.filter(keep);
  for (const run of dropped) {
    recordReply(run, { content: '', status: 'stopped', modelId: run.modelId });
    useCompareStore.getState().setRun(run.columnId, { key: run.key, phase: 'stopped', note: 'before it started' });
  }
}

/** A waiting run leaves the queue; a running one (or its model load) is stopped and keeps what it wrote. */
export function stopColumn(columnId: string): void {
  dropQueued((r) => r.columnId !== columnId);
  if (current?.run.columnId === columnId) current.controller.abort();
}

export function stopAll(): void {
  dropQueued(() => false);
  current?.controller.abort();
}

export function isComparing(): boolean {
  return pumping;
}
