/**
 * The comparison open in the workspace (a working copy, saved to IndexedDB
 * by the compare feature) and what is not stored: run progress per column and
 * the text of replies being written, by run key.
 */
import { create } from 'zustand';
import type { StoredComparison } from '../db/records';

/** waiting: queued for the GPU; unrunnable: this device cannot run the column's model. */
export type RunPhase = 'waiting' | 'loading' | 'running' | 'done' | 'stopped' | 'failed' | 'unrunnable';

export interface RunState {
  phase: RunPhase;
  /** Which run this is: `<column>:r<round>` (a turn) or `<column>:q<row>` (a question). */
  key: string;
  /** A sentence for the person: why it failed, which model is loading, what it waits for. */
  note?: string;
}

interface CompareState {
  doc: StoredComparison | null;
  /** The latest run of each column, by column id. */
  columnRuns: Record<string, RunState>;
  /** Runs that have not finished, by run key. */
  runs: Record<string, RunState>;
  /** Text of replies being written, by run key (updated at most every ~50 ms). */
  live: Record<string, string>;
  /** "Switching to model X…" while the queue loads a model. */
  switching: string | null;
  /** Runs are queued or running. */
  busy: boolean;
  open(doc: StoredComparison | null): void;
  update(recipe: (doc: StoredComparison) => StoredComparison): void;
  setRun(columnId: string, run: RunState): void;
  setLive(key: string, text: string | null): void;
  setSwitching(text: string | null): void;
  setBusy(busy: boolean): void;
}

const FINISHED: RunPhase[] = ['done', 'stopped', 'failed', 'unrunnable'];

export const useCompareStore = create<CompareState>()((set) => ({
  doc: null,
  columnRuns: {},
  runs: {},
  live: {},
  switching: null,
  busy: false,
  open: (doc) => set({ doc, columnRuns: {}, runs: {}, live: {}, switching: null }),
  update: (recipe) => set((s) => (s.doc ? { doc: recipe(s.doc) } : {})),
  setRun: (columnId, run) =>
    set((s) => {
      const runs = { ...s.runs };
      if (FINISHED.includes(run.phase)) delete runs[run.key];
      else runs[run.key] = run;
      return { runs, columnRuns: { ...s.columnRuns, [columnId]: run } };
    }),
  setLive: (key, text) =>
    set((s) => {
      const live = { ...s.live };
      if (text === null) delete live[key];
      else live[key] = text;
      return { live };
    }),
  setSwitching: (switching) => set({ switching }),
  setBusy: (busy) => set({ busy }),
}));
