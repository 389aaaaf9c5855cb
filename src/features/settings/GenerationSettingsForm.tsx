/** System prompt and sampling settings, with presets. Edits apply as they are made. */
import { useId, useState } from 'react';
import type { ConversationSettings } from '../../db';
import { clampNumber, formatStopList, parseSeed, parseStopList } from '../../lib/parse-settings-input';
import { VICUNA_SYSTEM_MESSAGE } from '../../models/vicuna';
import { useSettingsStore } from '../../store/settings-store';

interface Props {
  value: ConversationSettings;
  onChange(next: ConversationSettings): void;
}

export function GenerationSettingsForm({ value, onChange }: Props) {
  const id = useId();
  const presets = useSettingsStore((s) => s.presets);
  const [presetName, setPresetName] = useState('');
  const [seedText, setSeedText] = useState(value.seed === undefined ? '' : String(value.seed));
  const set = (patch: Partial<ConversationSettings>) => onChange({ ...value, ...patch });
  const num = (key: 'temperature' | 'topP' | 'maxTokens' | 'repetitionPenalty', raw: string, min: number, max: number) =>
    set({ [key]: clampNumber(raw, min, max, value[key]) });

  return (
    <div className="settings-form">
      <label htmlFor={`${id}-system`}>System prompt</label>
      <textarea id={`${id}-system`} rows={3} value={value.systemPrompt} onChange={(e) => set({ systemPrompt: e.target.value })} />
      <button type="button" className="text-button" onClick={() => set({ systemPrompt: VICUNA_SYSTEM_MESSAGE })}>Use Vicuna&apos;s default</button>
      <div className="settings-grid">
        <label htmlFor={`${id}-temp`}>Temperature</label>
        <input id={`${id}-temp`} type="number" step={0.05} min={0} max={2} value={value.temperature} onChange={(e) => num('temperature', e.target.value, 0, 2)} />
        <label htmlFor={`${id}-topp`}>Top p</label>
        <input id={`${id}-topp`} type="number" step={0.01} min={0} max={1} value={value.topP} onChange={(e) => num('topP', e.target.value, 0, 1)} />
        <label htmlFor={`${id}-max`}>Longest reply (tokens)</label>
        <input id={`${id}-max`} type="number" min={1} max={4096} value={value.maxTokens} onChange={(e) => num('maxTokens', e.target.value, 1, 4096)} />
        <label htmlFor={`${id}-rep`}>Repetition penalty</label>
        <input id={`${id}-rep`} type="number" step={0.05} min={0.5} max={2} value={value.repetitionPenalty} onChange={(e) => num('repetitionPenalty', e.target.value, 0.5, 2)} />
        <label htmlFor={`${id}-seed`}>Seed (empty: random)</label>
        <input
          id={`${id}-seed`}
          inputMode="numeric"
          value={seedText}
          aria-invalid={seedText.trim() !== '' && parseSeed(seedText) === undefined}
          onChange={(e) => {
            setSeedText(e.target.value);
            set({ seed: parseSeed(e.target.value) });
          }}
        />
      </div>
      <label htmlFor={`${id}-stop`}>Stop strings (one per line)</label>
      <textarea id={`${id}-stop`} rows={2} value={formatStopList(value.stop)} onChange={(e) => set({ stop: parseStopList(e.target.value) })} />
      <div className="preset-row">
        <label htmlFor={`${id}-preset`}>Presets</label>
        <select id={`${id}-preset`} value="" onChange={(e) => {
          const preset = presets.find((p) => p.name === e.target.value);
          if (preset) {
            onChange(preset.settings);
            setSeedText(preset.settings.seed === undefined ? '' : String(preset.settings.seed));
          }
        }}>
          <option value="">Apply a preset…</option>
          {presets.map((p) => (
            <option key={p.name} value={p.name}>{p.name}</option>
          ))}
        </select>
        <input aria-label="Preset name" placeholder="Name" value={presetName} onChange={(e) => setPresetName(e.target.value)} />
        <button type="button" disabled={!presetName.trim()} onClick={() => {
          useSettingsStore.getState().savePreset({ name: presetName.trim().slice(0, 60), settings: value });
          setPresetName('');
        }}>Save as preset</button>
      </div>
    </div>
  );
}
