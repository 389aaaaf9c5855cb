/**
 * What each model has stored in this browser, and deleting it. Reads Cache
 * Storage (MLC) and OPFS (GGUF) directly: no engine worker is started.
 */
import { deleteGgufModel, inspectGgufModel, type StoredStatus } from './gguf/gguf-store-shared';
import { deleteMlcModel, inspectMlcModel } from './mlc/mlc-cache-shared';
import type { EngineSource } from './port';

export type { StoredStatus };

export interface StoredModel {
  status: StoredStatus;
  bytes: number;
}

export async function inspectStoredModel(source: EngineSource): Promise<StoredModel> {
  if (source.kind === 'gguf') return inspectGgufModel(source.urls);
  const report = await inspectMlcModel({ modelUrl: source.modelUrl, modelLibUrl: source.modelLibUrl });
  return { status: report.ready ? 'ready' : report.storedBytes > 0 ? 'partial' : 'none', bytes: report.storedBytes };
}

/**
 * Delete everything a model stored. An MLC model library is kept when
 * another stored model still uses it.
 */
export async function deleteStoredModel(source: EngineSource, others: readonly EngineSource[]): Promise<void> {
  if (source.kind === 'gguf') return deleteGgufModel(source.urls);
  const libInUse = await anyStoredWithLib(source.modelLibUrl, others.filter((o) => o.kind === 'mlc' && o.modelUrl !== source.modelUrl));
  await deleteMlcModel({ modelUrl: source.modelUrl, modelLibUrl: source.modelLibUrl }, { keepModelLib: libInUse });
}

async function anyStoredWithLib(lib: string, others: readonly EngineSource[]): Promise<boolean> {
  for (const other of others) {
    if (other.kind !== 'mlc' || other.modelLibUrl !== lib) continue;
    if ((await inspectStoredModel(other)).bytes > 0) return true;
  }
  return false;
}

export interface StorageEstimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

export async function estimateStorage(): Promise<StorageEstimate | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  const persisted = (await navigator.storage.persisted?.()) ?? false;
  return { usage, quota, persisted };
}

/** Ask the browser not to evict stored models under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}
