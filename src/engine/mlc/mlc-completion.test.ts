import { describe, expect, it, vi } from 'vitest';
import type { CompletionRequest } from '../port';
import { runMlcCompletion, type CompletionEngine } from './mlc-completion';

const settings = { temperature: 0.7, topP: 0.95, maxTokens: 64, repetitionPenalty: 1.1, seed: 7, stop: [] };
const chat: CompletionRequest = { kind: 'chat', system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }], settings };

const usage = {
  prompt_tokens: 12,
  completion_tokens: 3,
  total_tokens: 15,
  extra: { e2e_latency_s: 1.5, prefill_tokens_per_s: 120, decode_tokens_per_s: 8, time_to_first_token_s: 0.25, time_per_output_token_s: 0.125 },
};

/** A stand-in for MLCEngine that streams the given pieces, stopping early when interrupted. */
function fakeEngine(pieces: string[], onChunk?: (i: number) => void) {
  let interrupted = false;
  const requests: unknown[] = [];
  async function* stream() {
    let i = 0;
    for (; i < pieces.length && !interrupted; i++) {
      onChunk?.(i);
      yield { choices: [{ delta: { content: pieces[i] }, finish_reason: null }] };
    }
    yield { choices: [{ delta: {}, finish_reason: interrupted ? 'abort' : 'stop' }] };
    yield { choices: [], usage: { ...usage, completion_tokens: i } };
  }
  const create = async (request: unknown) => (requests.push(request), stream());
  const engine = {
    interruptGenerate: vi.fn(async () => void (interrupted = true)),
    chat: { completions: { create } },
    completions: { create },
  } as unknown as CompletionEngine;
  return { engine, requests };
}

describe('runMlcCompletion', () => {
  it('sends a system message, the turns and the sampling settings, streaming with usage', async () => {
    const { engine, requests } = fakeEngine(['Hel', 'lo']);
    const deltas: string[] = [];
    const result = await runMlcCompletion(engine, chat, (t) => deltas.push(t), new AbortController().signal);
    expect(requests[0]).toEqual({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.7,
      top_p: 0.95,
      max_tokens: 64,
      repetition_penalty: 1.1,
      seed: 7,
    });
    expect(deltas.join('')).toBe('Hello');
    expect(result).toEqual({
      finishReason: 'stop',
      stats: { promptTokens: 12, completionTokens: 2, timeToFirstTokenMs: 250, prefillTokensPerSecond: 120, decodeTokensPerSecond: 8, totalMs: 1500 },
    });
  });

  it('leaves out an empty system message and passes stop strings', async () => {
    const { engine, requests } = fakeEngine(['x']);
    await runMlcCompletion(engine, { ...chat, system: '', settings: { ...settings, stop: ['USER:'] } }, () => undefined, new AbortController().signal);
    expect(requests[0]).toMatchObject({ messages: [{ role: 'user', content: 'Hi' }], stop: ['USER:'] });
  });

  it('sends a raw prompt to the text completion API', async () => {
    const { engine, requests } = fakeEngine(['a']);
    await runMlcCompletion(engine, { kind: 'prompt', prompt: 'USER: Hi ASSISTANT:', settings }, () => undefined, new AbortController().signal);
    expect(requests[0]).toMatchObject({ prompt: 'USER: Hi ASSISTANT:', stream: true });
  });

  it('interrupts generation when the signal aborts and finishes with abort', async () => {
    const controller = new AbortController();
    const { engine } = fakeEngine(['a', 'b', 'c', 'd'], (i) => i === 1 && controller.abort());
    const deltas: string[] = [];
    const result = await runMlcCompletion(engine, chat, (t) => deltas.push(t), controller.signal);
    expect(engine.interruptGenerate).toHaveBeenCalled();
    expect(result.finishReason).toBe('abort');
    expect(deltas).toEqual(['a', 'b']);
  });

  it('refuses to start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runMlcCompletion(fakeEngine([]).engine, chat, () => undefined, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
