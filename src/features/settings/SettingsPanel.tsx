/** Where MLC weights live, and the defaults for new conversations. */
import { useState, type FormEvent } from 'react';
import { DEFAULT_MLC_WEIGHTS_BASE, useSettingsStore } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';

export function SettingsPanel() {
  const base = useSettingsStore((s) => s.mlcWeightsBase);
  const defaults = useSettingsStore((s) => s.defaults);
  const [draft, setDraft] = useState(base);
  const [problem, setProblem] = useState<string | null>(null);

  const save = (e: FormEvent) => {
    e.preventDefault();
    try {
      const url = new URL(draft);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
      useSettingsStore.getState().setMlcWeightsBase(url.href.endsWith('/') ? url.href : `${url.href}/`);
      setProblem(null);
    } catch {
      setProblem('Enter a full http(s) address, e.g. https://huggingface.co/your-name/');
    }
  };

  return (
    <details className="settings">
      <summary>Settings</summary>
      <form onSubmit={save} aria-label="MLC model location">
        <label htmlFor="mlc-base">Where WizardVicuna MLC builds are hosted</label>
        <input id="mlc-base" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <p className="hint">Each build is a folder under this address (e.g. WizardVicuna-7B-q4f16_1-MLC/). See the README for how to make one. Default: {DEFAULT_MLC_WEIGHTS_BASE}</p>
        {problem && <Notice tone="error">{problem}</Notice>}
        <button type="submit">Save</button>
      </form>
      <label htmlFor="system-prompt">System prompt for new conversations</label>
      <textarea id="system-prompt" rows={3} value={defaults.systemPrompt} onChange={(e) => useSettingsStore.getState().setDefaults({ systemPrompt: e.target.value })} />
      <label htmlFor="temperature">Temperature ({defaults.temperature})</label>
      <input id="temperature" type="range" min={0} max={2} step={0.05} value={defaults.temperature} onChange={(e) => useSettingsStore.getState().setDefaults({ temperature: Number(e.target.value) })} />
      <label htmlFor="max-tokens">Longest reply (tokens)</label>
      <input id="max-tokens" type="number" min={16} max={4096} value={defaults.maxTokens} onChange={(e) => useSettingsStore.getState().setDefaults({ maxTokens: Math.max(16, Math.min(4096, Number(e.target.value) || 16)) })} />
    </details>
  );
}
