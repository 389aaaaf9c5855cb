/** Download without loading, cancel, delete, and import GGUF files from disk. */
import { customModelsRepo } from '../../db';
import { isAbort } from '../../engine/errors';
import { deleteStoredModel } from '../../engine/model-storage';
import { sourceUrls, type ModelRecord, type PromptFormat } from '../../models/records';
import { useEngineStore } from '../../store/engine-store';
import { useModelJobsStore } from '../../store/model-jobs-store';
import { useSettingsStore } from '../../store/settings-store';
import { allowHosts, engineFor, engineForFetch } from './engine-registry';
import { loadedKindIs, toUserError, unloadModel } from './model-runtime';

const controllers = new Map<string, AbortController>();

async function runJob(modelId: string, kind: 'download' | 'import', engine: 'mlc' | 'gguf', job: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
  const jobs = useModelJobsStore.getState();
  controllers.get(modelId)?.abort();
  const controller = new AbortController();
  controllers.set(modelId, controller);
  jobs.start(modelId, kind, engine);
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
  return runJob(record.id, 'download', record.engine, async (signal) => {
    await allowHosts(sourceUrls(record.source));
    const busy = loadedKindIs(record.engine) || Object.entries(useModelJobsStore.getState().jobs).some(([id, j]) => id !== record.id && !j.error && j.engine === record.engine);
    await engineForFetch(record.engine, !busy).download(
      { modelId: record.id, source: record.source, contextWindow: record.contextWindow, maxShardBytes },
      (p) => useModelJobsStore.getState().progress(record.id, p),
      signal,
    );
  });
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
  const ok = await runJob(jobId, 'import', 'gguf', (signal) =>
    engineFor('gguf').importFile(file, source, (p) => useModelJobsStore.getState().progress(jobId, p), signal, useSettingsStore.getState().maxShardBytes),
  );
  if (!ok) return null;
  const stored = await customModelsRepo.add({ name: file.name.replace(/\.gguf$/i, ''), urls: [source], promptFormat, contextWindow });
  useSettingsStore.getState().selectModel(stored.id);
  return stored.id;
}
