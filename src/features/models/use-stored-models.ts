/** Stored status of each model, re-read whenever stored files change. */
import { useEffect, useState } from 'react';
import { inspectStoredModel, type StoredModel } from '../../engine/model-storage';
import type { ModelRecord } from '../../models/records';
import { useModelJobsStore } from '../../store/model-jobs-store';

export function useStoredModels(records: readonly ModelRecord[]): Record<string, StoredModel> {
  const version = useModelJobsStore((s) => s.storageVersion);
  const [stored, setStored] = useState<Record<string, StoredModel>>({});
  useEffect(() => {
    let cancelled = false;
    void Promise.all(records.map(async (r) => [r.id, await inspectStoredModel(r.source).catch(() => ({ status: 'none', bytes: 0 }) as StoredModel)] as const)).then(
      (entries) => {
        if (!cancelled) setStored(Object.fromEntries(entries));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [records, version]);
  return stored;
}
