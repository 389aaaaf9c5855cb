/** Settings kept in this browser (localStorage): model location, defaults. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ConversationSettings } from '../db/records';
import { VICUNA_STOP, VICUNA_SYSTEM_MESSAGE } from '../models/vicuna';

/** Where WizardVicuna MLC builds are hosted: build-time default, then this origin's /models/. */
export const DEFAULT_MLC_WEIGHTS_BASE: string =
  (import.meta.env.VITE_MLC_WEIGHTS_BASE as string | undefined) ?? `${globalThis.location?.origin ?? 'http://127.0.0.1'}/models/`;

export const DEFAULT_CONVERSATION_SETTINGS: ConversationSettings = {
  systemPrompt: VICUNA_SYSTEM_MESSAGE,
  temperature: 0.7,
  topP: 0.95,
  maxTokens: 512,
  repetitionPenalty: 1,
  stop: VICUNA_STOP,
};

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface SettingsPreset {
  name: string;
  settings: ConversationSettings;
}

interface SettingsState {
  mlcWeightsBase: string;
  defaults: ConversationSettings;
  selectedModelId: string | null;
  theme: ThemeChoice;
  /** Largest GGUF shard stored (512 MiB; smaller only for testing splitting). */
  maxShardBytes: number;
  presets: SettingsPreset[];
  savePreset(preset: SettingsPreset): void;
  deletePreset(name: string): void;
  setTheme(theme: ThemeChoice): void;
  setMlcWeightsBase(url: string): void;
  setDefaults(patch: Partial<ConversationSettings>): void;
  selectModel(id: string | null): void;
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      mlcWeightsBase: DEFAULT_MLC_WEIGHTS_BASE,
      defaults: DEFAULT_CONVERSATION_SETTINGS,
      selectedModelId: null,
      theme: 'system',
      maxShardBytes: 512 * 1024 * 1024,
      presets: [],
      savePreset: (preset) => set((s) => ({ presets: [...s.presets.filter((p) => p.name !== preset.name), preset].sort((a, b) => a.name.localeCompare(b.name)) })),
      deletePreset: (name) => set((s) => ({ presets: s.presets.filter((p) => p.name !== name) })),
      setTheme: (theme) => set({ theme }),
      setMlcWeightsBase: (mlcWeightsBase) => set({ mlcWeightsBase }),
      setDefaults: (patch) => set((s) => ({ defaults: { ...s.defaults, ...patch } })),
      selectModel: (selectedModelId) => set({ selectedModelId }),
    }),
    { name: 'wv-settings', version: 1 },
  ),
);
