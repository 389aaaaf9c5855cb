/** Downloads and imports in progress, per model (transient). */
import { create } from 'zustand';
import type { LoadProgress } from '../engine/port';
import type { UserFacingError } from './engine-store';

export interface ModelJob {
  kind: 'download' | 'import';
  engine: 'mlc' | 'gguf';
  progress: LoadProgress | null;
  error: UserFacingError | null;
}

interface ModelJobsState {
  jobs: Record<string, ModelJob>;
  /** Bumped when stored files change, so status views re-read storage. */
  storageVersion: number;
  start(modelId: string, kind: ModelJob['kind'], engine: ModelJob['engine']): void;
  progress(modelId: string, progress: LoadProgress): void;
  finish(modelId: string, error: UserFacingError | null): void;
  storageChanged(): void;
}

export const useModelJobsStore = create<ModelJobsState>()((set) => ({
  jobs: {},
  storageVersion: 0,
  start: (modelId, kind, engine) => set((s) => ({ jobs: { ...s.jobs, [modelId]: { kind, engine, progress: null, error: null } } })),
  progress: (modelId, progress) =>
    set((s) => (s.jobs[modelId] ? { jobs: { ...s.jobs, [modelId]: { ...s.jobs[modelId]!, progress } } } : s)),
  finish: (modelId, error) =>
    set((s) => {
      const jobs = { ...s.jobs };
      const job = jobs[modelId];
      if (error && job) jobs[modelId] = { ...job, progress: null, error };
      else delete jobs[modelId];
      return { jobs, storageVersion: s.storageVersion + 1 };
    }),
  storageChanged: () => set((s) => ({ storageVersion: s.storageVersion + 1 })),
}));
