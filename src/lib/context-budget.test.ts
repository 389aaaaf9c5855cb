import { describe, expect, it } from 'vitest';
import { estimateTokens, fitToContext } from './context-budget';

const turn = (role: 'user' | 'assistant', n: number) => ({ role, content: 'x'.repeat(n) });

describe('fitToContext', () => {
  it('keeps everything that fits', () => {
    const turns = [turn('user', 30), turn('assistant', 30), turn('user', 30)];
    expect(fitToContext('sys', turns, 2048, 256)).toMatchObject({ turns, dropped: 0 });
  });

  it('drops the oldest turns first, keeps the newest and starts on a user turn', () => {
    const turns = [turn('user', 900), turn('assistant', 900), turn('user', 900), turn('assistant', 900), turn('user', 300)];
    const fitted = fitToContext('sys', turns, 1024, 256);
    expect(fitted.turns[fitted.turns.length - 1]).toBe(turns[4]);
    expect(fitted.turns[0]!.role).toBe('user');
    expect(fitted.dropped).toBe(turns.length - fitted.turns.length);
    expect(fitted.dropped).toBeGreaterThan(0);
    expect(fitted.estimatedPromptTokens).toBeLessThanOrEqual(1024 - 256);
  });

  it('always keeps the latest user turn', () => {
    expect(fitToContext('', [turn('user', 99999)], 512, 128).turns).toHaveLength(1);
  });

  it('counts non-ASCII characters as a token each', () => {
    expect(estimateTokens('abcdef')).toBe(2);
    expect(estimateTokens('한국어')).toBe(3);
  });
});
