import { describe, expect, it } from 'vitest';
import { formatPlainPrompt, formatVicunaPrompt, VICUNA_CONV_TEMPLATE, VICUNA_SYSTEM_MESSAGE } from './vicuna';

// Expected strings are what FastChat's get_conv_template("vicuna_v1.1").get_prompt() returns.
const SYS =
  "A chat between a curious user and an artificial intelligence assistant. The assistant gives helpful, detailed, and polite answers to the user's questions.";

describe('formatVicunaPrompt (FastChat vicuna_v1.1)', () => {
  it('formats one turn with the default system message', () => {
    expect(formatVicunaPrompt(VICUNA_SYSTEM_MESSAGE, [{ role: 'user', content: 'Hello!' }])).toBe(`${SYS} USER: Hello! ASSISTANT:`);
  });

  it('formats many turns with </s> after every assistant turn', () => {
    const prompt = formatVicunaPrompt(VICUNA_SYSTEM_MESSAGE, [
      { role: 'user', content: 'Hello!' },
      { role: 'assistant', content: 'Hi there.' },
      { role: 'user', content: 'Tell me a joke.' },
      { role: 'assistant', content: 'Why did the chicken cross the road?' },
      { role: 'user', content: 'Why?' },
    ]);
    expect(prompt).toBe(
      `${SYS} USER: Hello! ASSISTANT: Hi there.</s>USER: Tell me a joke. ASSISTANT: Why did the chicken cross the road?</s>USER: Why? ASSISTANT:`,
    );
  });

  it('uses a custom system prompt verbatim', () => {
    expect(formatVicunaPrompt('You are a pirate.', [{ role: 'user', content: 'Hi' }])).toBe('You are a pirate. USER: Hi ASSISTANT:');
    expect(
      formatVicunaPrompt('You are a pirate.', [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Arr!' },
        { role: 'user', content: 'Where is the gold?' },
      ]),
    ).toBe('You are a pirate. USER: Hi ASSISTANT: Arr!</s>USER: Where is the gold? ASSISTANT:');
  });

  it('keeps FastChat behaviour for an empty system prompt (leading separator)', () => {
    expect(formatVicunaPrompt('', [{ role: 'user', content: 'Hi' }])).toBe(' USER: Hi ASSISTANT:');
  });

  it('keeps multi-line content unchanged', () => {
    expect(formatVicunaPrompt('S', [{ role: 'user', content: 'a\nb' }])).toBe('S USER: a\nb ASSISTANT:');
  });
});

describe('VICUNA_CONV_TEMPLATE (web-llm)', () => {
  it('matches the design values', () => {
    expect(VICUNA_CONV_TEMPLATE).toMatchObject({
      roles: { user: 'USER', assistant: 'ASSISTANT' },
      seps: [' ', '</s>'],
      role_content_sep: ': ',
      role_empty_sep: ':',
      stop_str: ['</s>'],
      system_prefix_token_ids: [1],
      stop_token_ids: [2],
      system_message: SYS,
    });
  });
});

describe('formatPlainPrompt', () => {
  it('joins the turns as raw text', () => {
    expect(formatPlainPrompt([{ role: 'user', content: 'Once upon a time' }, { role: 'assistant', content: ', there was' }, { role: 'user', content: 'more' }])).toBe(
      'Once upon a time\n, there was\nmore',
    );
  });
});
