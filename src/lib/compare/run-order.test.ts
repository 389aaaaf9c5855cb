import { describe, expect, it } from 'vitest';
import { nextRunIndex, plannedOrder } from './run-order';

const run = (lane: string, modelId: string | null, id = lane) => ({ lane, modelId, id });

describe('run order on one GPU', () => {
  it('starts with a run for the loaded model, else the first in line', () => {
    const queue = [run('A', 'm1'), run('B', 'm2'), run('C', 'm1')];
    expect(nextRunIndex(queue, 'm2')).toBe(1);
    expect(nextRunIndex(queue, null)).toBe(0);
    expect(nextRunIndex(queue, 'm3')).toBe(0);
    expect(nextRunIndex([], 'm1')).toBe(-1);
  });

  it('groups runs by model to load each model once', () => {
    const queue = [run('A', 'm1'), run('B', 'm2'), run('C', 'm1'), run('D', 'm2')];
    const { order, loads } = plannedOrder(queue, null);
    expect(order.map((r) => r.id)).toEqual(['A', 'C', 'B', 'D']);
    expect(loads).toBe(2);
    expect(plannedOrder(queue, 'm2').order.map((r) => r.id)).toEqual(['B', 'D', 'A', 'C']);
  });

  it('keeps the turns of one column in order', () => {
    // Column A's second turn (model m2 now loaded) must not run before its first.
    const queue = [run('A', 'm1', 'A1'), run('B', 'm2', 'B1'), run('A', 'm2', 'A2')];
    expect(plannedOrder(queue, 'm2').order.map((r) => r.id)).toEqual(['B1', 'A1', 'A2']);
  });

  it('runs a whole multi-turn re-run with one load per model', () => {
    const queue = ['1', '2', '3'].flatMap((turn) => [run('A', 'm1', `A${turn}`), run('B', 'm2', `B${turn}`)]);
    const { order, loads } = plannedOrder(queue, null);
    expect(order.map((r) => r.id)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
    expect(loads).toBe(2);
  });

  it('does not count a load for runs without a model', () => {
    expect(plannedOrder([run('A', null)], null).loads).toBe(0);
  });
});
