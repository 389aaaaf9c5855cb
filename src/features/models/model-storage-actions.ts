/** Download without loading, cancel, delete, and import GGUF files from disk. */
import { customModelsRepo } from '../../db';
import { isAbort } from '../../engine/errors';
import { deleteStoredModel } from '../../engine/model-storage';
import type { ModelRecord, PromptFormat } from '../../models/records';
import { useEngineStore } from '../../store/engine-store';
import { useModelJobsStore } from '../../store/model-jobs-store';
import { useSettingsStore } from '../../store/settings-store';
import { engineFor } from './engine-registry';
import { toUserError, unloadModel } from './model-runtime';

const controllers = new Map<string, AbortController>();

async function runJob(modelId: string, kind: 'download' | 'import', job: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
  const jobs = useModelJobsStore.getState();
  controllers.get(modelId)?.abort();
  const controller = new AbortController();
  controllers.set(modelId, controller);
  jobs.start(modelId, kind);
  try {
    await job(controller.signal);
    useModelJobsStore.getState().finish(modelId, null);
    return true;
  } catch (err) {
    useModelJobsStore.getState().finish(modelId, isAbort(err) ? null : toUserError(err));
    return false;
  } finally {
    if (controllers.get(modelId) === controller) controllers.delete(modelId);
  }
}

export function downloadModel(record: ModelRecord): Promise<boolean> {
  const maxShardBytes = useSettingsStore.getState().maxShardBytes;
  return runJob(record.id, 'download', (signal) =>
    engineFor(record.engine).download(
      { modelId: record.id, source: record.source, contextWindow: record.contextWindow, maxShardBytes },
      (p) => useModelJobsStore.getState().progress(record.id, p),
      signal,
    ),
  );
}

export function cancelModelJob(modelId: string): void {
  controllers.get(modelId)?.abort();
}

export async function deleteModel(record: ModelRecord, catalog: readonly ModelRecord[]): Promise<void> {
  const engine = useEngineStore.getState();
  if (engine.modelId === record.id && engine.status === 'ready') await unloadModel();
  cancelModelJob(record.id);
  await deleteStoredModel(record.source, catalog.filter((m) => m.id !== record.id).map((m) => m.source));
  useModelJobsStore.getState().storageChanged();
}

/** Import a .gguf file from disk: split into browser storage, then listed as a model of its own. */
export async function importGgufFile(file: File, promptFormat: PromptFormat, contextWindow = 2048): Promise<string | null> {
  if (!/\.gguf$/i.test(file.name)) throw new Error(`"${file.name}" is not a .gguf file.`);
  const source = `local:${file.name}:${file.size}:${file.lastModified}`;
  const jobId = `import:${source}`;
  const ok = await runJob(jobId, 'import', (signal) =>
    engineFor('gguf').importFile(file, source, (p) => useModelJobsStore.getState().progress(jobId, p), signal, useSettingsStore.getState().maxShardBytes),
  );
  if (!ok) return null;
  const stored = await customModelsRepo.add({ name: file.name.replace(/\.gguf$/i, ''), urls: [source], promptFormat, contextWindow });
  useSettingsStore.getState().selectModel(stored.id);
  return stored.id;
}
