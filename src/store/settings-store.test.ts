import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVERSATION_SETTINGS, useSettingsStore } from './settings-store';

describe('settings store', () => {
  it("defaults to Vicuna's system prompt and stop strings", () => {
    expect(DEFAULT_CONVERSATION_SETTINGS.systemPrompt).toMatch(/^A chat between a curious user/);
    expect(DEFAULT_CONVERSATION_SETTINGS.stop).toEqual(['</s>', 'USER:']);
  });

  it('merges default changes and keeps the rest', () => {
    useSettingsStore.getState().setDefaults({ temperature: 0 });
    expect(useSettingsStore.getState().defaults).toMatchObject({ temperature: 0, maxTokens: DEFAULT_CONVERSATION_SETTINGS.maxTokens });
    useSettingsStore.getState().setMlcWeightsBase('https://h/');
    expect(useSettingsStore.getState().mlcWeightsBase).toBe('https://h/');
  });
});
