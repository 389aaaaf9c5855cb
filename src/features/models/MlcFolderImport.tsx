/** Import an MLC model folder (and its model library) from disk into the browser's cache. */
import { useId, useState } from 'react';
import { customModelsRepo } from '../../db';
import { importMlcFolder } from '../../engine/mlc/mlc-folder-import-shared';
import type { PromptFormat } from '../../models/records';
import { useModelJobsStore } from '../../store/model-jobs-store';
import { useSettingsStore } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { toUserError } from './model-runtime';

const folderPicker = { webkitdirectory: '', directory: '' } as Record<string, string>;

export function MlcFolderImport() {
  const id = useId();
  const [folder, setFolder] = useState<File[]>([]);
  const [lib, setLib] = useState<File | null>(null);
  const [format, setFormat] = useState<PromptFormat>('vicuna-v1.1');
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);

  const start = async () => {
    setMessage(null);
    setProgress(0);
    try {
      const imported = await importMlcFolder(folder, lib, location.origin, (done, total) => setProgress(total ? done / total : 1));
      const stored = await customModelsRepo.add({
        name: imported.name, engine: 'mlc', urls: [imported.modelUrl], modelLibUrl: imported.modelLibUrl, quantization: imported.quantization,
        promptFormat: format, contextWindow: imported.contextWindow ?? 2048, downloadBytes: imported.bytes,
      });
      useSettingsStore.getState().selectModel(stored.id);
      useModelJobsStore.getState().storageChanged();
      setMessage({ tone: 'info', text: `Imported “${imported.name}”. It is selected in the model list.` });
    } catch (err) {
      setMessage({ tone: 'error', text: toUserError(err).message });
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="import-box" aria-label="Import an MLC model folder">
      <h3>Import an MLC model folder</h3>
      <p className="hint">The folder made by mlc_llm (mlc-chat-config.json, tensor-cache.json or ndarray-cache.json, params_shard_*.bin, tokenizer) and its model library (.wasm).</p>
      <label htmlFor={`${id}-folder`}>Model folder</label>
      <input id={`${id}-folder`} type="file" multiple {...folderPicker} onChange={(e) => setFolder([...(e.target.files ?? [])])} />
      <label htmlFor={`${id}-lib`}>Model library (.wasm), if it is not in the folder</label>
      <input id={`${id}-lib`} type="file" accept=".wasm" onChange={(e) => setLib(e.target.files?.[0] ?? null)} />
      <label htmlFor={`${id}-format`}>Prompt format</label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as PromptFormat)}>
        <option value="vicuna-v1.1">Vicuna v1.1</option>
        <option value="model-template">The model&apos;s own chat template</option>
      </select>
      <div className="form-actions">
        <button type="button" className="primary" disabled={!folder.length || progress !== null} onClick={() => void start()}>Import folder</button>
      </div>
      {progress !== null && <ProgressBar label="Folder import" fraction={progress} detail={`${Math.round(progress * 100)}%`} />}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </section>
  );
}
