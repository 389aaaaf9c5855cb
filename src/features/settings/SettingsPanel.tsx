/** Where MLC weights live, and the defaults for new conversations. */
import { useState, type FormEvent } from 'react';
import { DEFAULT_MLC_WEIGHTS_BASE, useSettingsStore, type ThemeChoice } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';

export function SettingsPanel() {
  const base = useSettingsStore((s) => s.mlcWeightsBase);
  const theme = useSettingsStore((s) => s.theme);
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
      <label htmlFor="theme">Theme</label>
      <select id="theme" value={theme} onChange={(e) => useSettingsStore.getState().setTheme(e.target.value as ThemeChoice)}>
        <option value="system">Same as the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </details>
  );
}
