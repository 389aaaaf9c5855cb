import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchDeltas } from './delta-batcher';

describe('batchDeltas', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const sent: [string, number][] = [];
    const batcher = batchDeltas((text, tokens) => sent.push([text, tokens]), 20, () => Date.now());
    return { sent, batcher };
  };

  it('sends the first piece at once, then at most one message per interval, with every piece in order', () => {
    const { sent, batcher } = setup();
    batcher.push('Once');
    expect(sent).toEqual([['Once', 1]]);
    for (const piece of [' upon', ' a', ' time']) {
      vi.advanceTimersByTime(5);
      batcher.push(piece);
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(5); // 20 ms after the first message
    expect(sent).toEqual([['Once', 1], [' upon a time', 3]]);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(2);
  });

  it('sends a piece at once when the engine was slower than the interval', () => {
    const { sent, batcher } = setup();
    batcher.push('a');
    vi.advanceTimersByTime(50);
    batcher.push('b');
    expect(sent).toEqual([['a', 1], ['b', 1]]);
  });

  it('flush sends what is waiting and cancels the timer', () => {
    const { sent, batcher } = setup();
    batcher.push('a');
    batcher.push('b');
    batcher.push('c');
    batcher.flush();
    expect(sent).toEqual([['a', 1], ['bc', 2]]);
    vi.advanceTimersByTime(100);
    batcher.flush();
    expect(sent).toHaveLength(2);
  });
});
