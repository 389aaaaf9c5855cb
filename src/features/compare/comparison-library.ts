/** Saved comparisons: start a new one, open, rename, delete. */
import { comparisonsRepo } from '../../db';
import type { ModelRecord } from '../../models/records';
import { useCompareStore } from '../../store/compare-store';
import { useSettingsStore } from '../../store/settings-store';
import { flushAutosave } from './comparison-autosave';
import { newColumn } from './comparison-edits';
import { CompareError } from './compare-error';

export const UNTITLED = 'New comparison';

const assertIdle = () => {
  if (useCompareStore.getState().busy) throw new CompareError('busy', 'Runs are still going. Stop them or wait for them to finish first.');
};

/** Two columns with the model picked in chat (or the first in the list) and the default settings. */
export async function newComparison(catalog: readonly ModelRecord[]): Promise<void> {
  assertIdle();
  await flushAutosave();
  const { defaults, selectedModelId } = useSettingsStore.getState();
  const modelId = catalog.find((r) => r.id === selectedModelId)?.id ?? catalog[0]?.id ?? null;
  const a = newColumn([], modelId, defaults);
  const b = newColumn([a], modelId, defaults);
  useCompareStore.getState().open(await comparisonsRepo.create({ title: UNTITLED, columns: [a, b] }));
}

export async function openComparison(id: string): Promise<void> {
  if (useCompareStore.getState().doc?.id === id) return;
  assertIdle();
  await flushAutosave();
  const doc = await comparisonsRepo.get(id);
  if (!doc) throw new CompareError('not-found', 'This comparison no longer exists.');
  useCompareStore.getState().open(doc);
}

let opening: Promise<void> | null = null;

/** Opens the most recent comparison when none is open (after a reload), or starts one when there is none. */
export function openLatestOrNew(catalog: readonly ModelRecord[]): Promise<void> {
  opening ??= (async () => {
    if (useCompareStore.getState().doc) return;
    const [latest] = await comparisonsRepo.list(1);
    if (useCompareStore.getState().doc) return;
    if (latest) useCompareStore.getState().open(latest);
    else await newComparison(catalog);
  })().finally(() => {
    opening = null;
  });
  return opening;
}

export async function renameComparison(id: string, title: string): Promise<void> {
  await comparisonsRepo.rename(id, title);
  const renamed = await comparisonsRepo.get(id);
  if (renamed) useCompareStore.getState().update((doc) => (doc.id === id ? { ...doc, title: renamed.title } : doc));
}

export async function deleteComparison(id: string): Promise<void> {
  if (useCompareStore.getState().doc?.id === id) {
    assertIdle();
    useCompareStore.getState().open(null);
  }
  await comparisonsRepo.remove(id);
}
