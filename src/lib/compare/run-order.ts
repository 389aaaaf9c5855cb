/**
 * Which queued run goes next on a single GPU. Runs of one lane (a column's
 * thread) keep their order; among the runs that may start, one for the model
 * already loaded goes first, so a queue switches models as rarely as it can.
 */

export interface Schedulable {
  /** Runs sharing a lane run in queue order (a column's turns depend on each other). */
  lane: string;
  modelId: string | null;
}

export function nextRunIndex(queue: readonly Schedulable[], loadedModelId: string | null): number {
  if (!queue.length) return -1;
  const lanes = new Set<string>();
  let first = -1;
  for (let i = 0; i < queue.length; i++) {
    const run = queue[i]!;
    if (lanes.has(run.lane)) continue;
    lanes.add(run.lane);
    if (first < 0) first = i;
    if (loadedModelId !== null && run.modelId === loadedModelId) return i;
  }
  return first;
}

/** The order the queue will run in if nothing changes, and how many model loads that takes. */
export function plannedOrder<T extends Schedulable>(queue: readonly T[], loadedModelId: string | null): { order: T[]; loads: number } {
  const rest = [...queue];
  const order: T[] = [];
  let loaded = loadedModelId;
  let loads = 0;
  while (rest.length) {
    const [run] = rest.splice(nextRunIndex(rest, loaded), 1);
    if (run!.modelId !== loaded) loads++;
    loaded = run!.modelId;
    order.push(run!);
  }
  return { order, loads };
}
