import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { remainingRenderBudget } from './render-budget';

describe('remainingRenderBudget', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shares one budget among everything rendered in a task, and starts afresh in the next task', () => {
    const full = remainingRenderBudget(1000);
    expect(full).toBeGreaterThan(0);
    expect(remainingRenderBudget(1005)).toBe(full - 5);
    expect(remainingRenderBudget(1000 + full + 3)).toBe(0);
    vi.advanceTimersByTime(0);
    expect(remainingRenderBudget(2000)).toBe(full);
  });
});
