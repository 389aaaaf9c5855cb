/** Add a model by URL (a GGUF file, or an MLC weights folder + model library), checked before it is saved. */
import { useId, useState, type FormEvent } from 'react';
import { customModelsRepo } from '../../db';
import { probeInWorker } from '../../engine/download/probe-client';
import type { PromptFormat } from '../../models/records';
import { checkGgufUrls } from '../../models/validate-model-url';
import { useSettingsStore } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';
import { allowHosts } from './engine-registry';
import { toUserError } from './model-runtime';

const FORMATS: { value: PromptFormat; label: string }[] = [
  { value: 'vicuna-v1.1', label: 'Vicuna v1.1 (USER: … ASSISTANT:)' },
  { value: 'model-template', label: "The model's own chat template" },
  { value: 'plain', label: 'Plain text (no chat format)' },
];

function httpUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function AddModelForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const [engine, setEngine] = useState<'gguf' | 'mlc'>('gguf');
  const [name, setName] = useState('');
  const [urls, setUrls] = useState('');
  const [libUrl, setLibUrl] = useState('');
  const [format, setFormat] = useState<PromptFormat>('vicuna-v1.1');
  const [contextWindow, setContextWindow] = useState(2048);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const save = async () => {
    if (!Number.isInteger(contextWindow) || contextWindow < 128 || contextWindow > 131072) {
      throw new Error('The context window must be a whole number between 128 and 131072 tokens.');
    }
    if (engine === 'gguf') {
      const check = checkGgufUrls(urls, location.href);
      if (!check.ok) throw new Error(check.message ?? 'Invalid address.');
      await allowHosts(check.urls);
      const probes = await Promise.all(check.urls.map((url) => probeInWorker({ kind: 'gguf', url })));
      const fileName = decodeURIComponent(new URL(check.urls[0]!).pathname.split('/').pop() ?? 'model.gguf');
      return customModelsRepo.add({ name: name.trim() || fileName, engine, urls: check.urls, promptFormat: format, contextWindow, downloadBytes: probes.reduce((n, p) => n + p.bytes, 0) });
    }
    const weights = httpUrl(urls);
    const lib = httpUrl(libUrl);
    if (!weights || !lib) throw new Error('Enter full http(s) addresses for the weights folder and the model library (.wasm).');
    await allowHosts([weights, lib]);
    const found = await probeInWorker({ kind: 'mlc', modelUrl: weights, modelLibUrl: lib });
    return customModelsRepo.add({
      name: name.trim() || decodeURIComponent(new URL(weights).pathname.split('/').filter(Boolean).pop() ?? 'MLC model'),
      engine, urls: [weights], modelLibUrl: lib, quantization: found.quantization, promptFormat: format,
      contextWindow: Math.min(contextWindow, found.contextWindow ?? contextWindow),
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setChecking(true);
    try {
      const stored = await save();
      useSettingsStore.getState().selectModel(stored.id);
      onDone();
    } catch (err) {
      setProblem(toUserError(err).message);
    } finally {
      setChecking(false);
    }
  };

  return (
    <form className="add-model" aria-label="Add a model by URL" onSubmit={(e) => void submit(e)}>
      <fieldset className="engine-choice">
        <legend>Engine</legend>
        <label><input type="radio" name={`${id}-engine`} checked={engine === 'gguf'} onChange={() => setEngine('gguf')} /> GGUF file</label>
        <label><input type="radio" name={`${id}-engine`} checked={engine === 'mlc'} onChange={() => setEngine('mlc')} /> MLC build</label>
      </fieldset>
      <label htmlFor={`${id}-url`}>{engine === 'gguf' ? 'GGUF address (several lines for a split model)' : 'MLC weights folder address'}</label>
      <textarea id={`${id}-url`} rows={2} value={urls} required placeholder={engine === 'gguf' ? 'https://huggingface.co/…/resolve/main/model.Q4_K_M.gguf' : 'https://huggingface.co/you/WizardVicuna-7B-q4f32_1-MLC'} onChange={(e) => setUrls(e.target.value)} />
      {engine === 'mlc' && (
        <>
          <label htmlFor={`${id}-lib`}>Model library address (.wasm)</label>
          <input id={`${id}-lib`} value={libUrl} required onChange={(e) => setLibUrl(e.target.value)} />
        </>
      )}
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
      <p className="hint">The address is checked before it is saved. Files download from that host only; nothing else is contacted.</p>
      {problem && <Notice tone="error">{problem}</Notice>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={checking}>{checking ? 'Checking…' : 'Add model'}</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
