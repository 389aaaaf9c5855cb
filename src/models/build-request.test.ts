import { describe, expect, it } from 'vitest';
import { buildRequest } from './build-request';
import { VICUNA_STOP } from './vicuna';

const settings = { systemPrompt: 'SYS', temperature: 0, topP: 1, maxTokens: 10, repetitionPenalty: 1, stop: VICUNA_STOP };
const turns = [
  { role: 'user' as const, content: 'q1' },
  { role: 'assistant' as const, content: 'a1' },
  { role: 'user' as const, content: 'q2' },
];

describe('buildRequest', () => {
  it('formats Vicuna text for GGUF builds', () => {
    const r = buildRequest({ engine: 'gguf', promptFormat: 'vicuna-v1.1' }, settings, turns);
    expect(r).toMatchObject({ kind: 'prompt', prompt: 'SYS USER: q1 ASSISTANT: a1</s>USER: q2 ASSISTANT:' });
    expect(r.settings.stop).toEqual(['</s>', 'USER:']);
  });

  it('lets web-llm apply its conv_template for MLC builds', () => {
    expect(buildRequest({ engine: 'mlc', promptFormat: 'vicuna-v1.1' }, settings, turns)).toMatchObject({ kind: 'chat', system: 'SYS', messages: turns });
  });

  it("uses the model's own template or plain text when asked", () => {
    expect(buildRequest({ engine: 'gguf', promptFormat: 'model-template' }, settings, turns).kind).toBe('chat');
    expect(buildRequest({ engine: 'gguf', promptFormat: 'plain' }, settings, turns)).toMatchObject({ kind: 'prompt', prompt: 'q1\na1\nq2' });
  });
});
