/**
 * Saves the open comparison to IndexedDB shortly after it changes, at once
 * when asked (end of a run, switching comparisons) and when the page hides.
 */
import { comparisonsRepo, type StoredComparison } from '../../db';
import { useCompareStore } from '../../store/compare-store';

const SAVE_DELAY_MS = 400;

let started = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastSaved: StoredComparison | null = null;

export function startAutosave(): void {
  if (started) return;
  started = true;
  useCompareStore.subscribe((state, previous) => {
    // Opening a comparison is not a change to it.
    if (!state.doc || state.doc === previous.doc || state.doc.id !== previous.doc?.id) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flushAutosave(), SAVE_DELAY_MS);
  });
  globalThis.addEventListener?.('pagehide', () => void flushAutosave());
}

export async function flushAutosave(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const doc = useCompareStore.getState().doc;
  if (!doc || doc === lastSaved) return;
  lastSaved = doc;
  await comparisonsRepo.save(doc);
}
