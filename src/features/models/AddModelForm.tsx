/** Add a GGUF model by URL, with its prompt format. */
import { useId, useState, type FormEvent } from 'react';
import { customModelsRepo } from '../../db';
import type { PromptFormat } from '../../models/records';
import { checkGgufUrls } from '../../models/validate-model-url';
import { useSettingsStore } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';

const FORMATS: { value: PromptFormat; label: string }[] = [
  { value: 'vicuna-v1.1', label: 'Vicuna v1.1 (USER: … ASSISTANT:)' },
  { value: 'model-template', label: "The model's own chat template" },
  { value: 'plain', label: 'Plain text (no chat format)' },
];

export function AddModelForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [urls, setUrls] = useState('');
  const [format, setFormat] = useState<PromptFormat>('vicuna-v1.1');
  const [contextWindow, setContextWindow] = useState(2048);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkGgufUrls(urls, location.href);
    if (!check.ok) return setProblem(check.message ?? 'Invalid address.');
    if (!Number.isInteger(contextWindow) || contextWindow < 128 || contextWindow > 131072) {
      return setProblem('The context window must be a whole number between 128 and 131072 tokens.');
    }
    const fileName = decodeURIComponent(new URL(check.urls[0]!).pathname.split('/').pop() ?? 'model.gguf');
    const stored = await customModelsRepo.add({ name: name.trim() || fileName, urls: check.urls, promptFormat: format, contextWindow });
    useSettingsStore.getState().selectModel(stored.id);
    onDone();
  };

  return (
    <form className="add-model" aria-label="Add a GGUF model" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-url`}>GGUF address (several lines for a split model)</label>
      <textarea id={`${id}-url`} rows={2} value={urls} required placeholder="https://huggingface.co/…/resolve/main/model.Q4_K_M.gguf" onChange={(e) => setUrls(e.target.value)} />
      <label htmlFor={`${id}-name`}>Name (optional)</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-format`}>Prompt format</label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as PromptFormat)}>
        {FORMATS.map((f) => (
          <option key={f.value} value={f.value}>{f.label}</option>
        ))}
      </select>
      <label htmlFor={`${id}-ctx`}>Context window (tokens)</label>
      <input id={`${id}-ctx`} type="number" min={128} max={131072} value={contextWindow} onChange={(e) => setContextWindow(Number(e.target.value))} />
      <p className="hint">The file downloads from that host only; nothing else is contacted.</p>
      {problem && <Notice tone="error">{problem}</Notice>}
      <div className="form-actions">
        <button type="submit" className="primary">Add model</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
