/** Import a .gguf file from disk: file picker or drag and drop. */
import { useId, useState, type DragEvent } from 'react';
import type { PromptFormat } from '../../models/records';
import { useModelJobsStore } from '../../store/model-jobs-store';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { describeProgress } from './load-progress-text';
import { cancelModelJob, importGgufFile } from './model-storage-actions';

export function GgufImport() {
  const id = useId();
  const [format, setFormat] = useState<PromptFormat>('vicuna-v1.1');
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const jobs = useModelJobsStore((s) => s.jobs);
  const job = Object.entries(jobs).find(([key]) => key.startsWith('import:'));

  const start = async (file: File | undefined) => {
    setProblem(null);
    setDone(null);
    if (!file) return;
    try {
      if (await importGgufFile(file, format)) setDone(`Imported “${file.name}”. It is selected in the model list.`);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void start(e.dataTransfer.files[0]);
  };

  return (
    <section className="import-box" aria-label="Import a GGUF file" data-dragging={dragging || undefined} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <h3>Import a GGUF file from this computer</h3>
      <p className="hint">Drop a .gguf file here or choose one. It is copied into the browser&apos;s storage (split into parts of at most 512 MB) and works offline.</p>
      <label htmlFor={`${id}-format`}>Prompt format</label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as PromptFormat)}>
        <option value="vicuna-v1.1">Vicuna v1.1</option>
        <option value="model-template">The model&apos;s own chat template</option>
        <option value="plain">Plain text</option>
      </select>
      <label htmlFor={`${id}-file`}>GGUF file</label>
      <input id={`${id}-file`} type="file" accept=".gguf" disabled={!!job && !job[1].error} onChange={(e) => void start(e.target.files?.[0])} />
      {job && !job[1].error && (
        <>
          <ProgressBar label="Import" fraction={job[1].progress?.fraction ?? null} detail={job[1].progress ? describeProgress(job[1].progress) : 'Starting…'} />
          <button type="button" onClick={() => cancelModelJob(job[0])}>Cancel import</button>
        </>
      )}
      {job?.[1].error && <Notice tone="error">{job[1].error.message}</Notice>}
      {problem && <Notice tone="error">{problem}</Notice>}
      {done && <Notice tone="info">{done}</Notice>}
    </section>
  );
}
