/**
 * Loading and unloading models. One model is loaded at a time; loading a
 * model of the other engine unloads the first so two never share the GPU.
 */
import { EngineError, isAbort } from '../../engine/errors';
import { sourceUrls, type ModelRecord } from '../../models/records';
import { assessModel } from '../../models/runnability';
import { useEngineStore } from '../../store/engine-store';
import { useModelJobsStore } from '../../store/model-jobs-store';
import { useSettingsStore } from '../../store/settings-store';
import { allowHosts, engineFor, engineForFetch } from './engine-registry';

let loadController: AbortController | null = null;
let loadedKind: ModelRecord['engine'] | null = null;

export async function loadModel(record: ModelRecord): Promise<boolean> {
  const store = useEngineStore.getState();
  const device = store.device;
  if (device) {
    const verdict = assessModel(record, device);
    if (!verdict.ok) {
      store.loadStarted(record.id);
      store.loadFailed({ code: 'device-unsupported', message: verdict.message });
      return false;
    }
  }
  loadController?.abort();
  const controller = new AbortController();
  loadController = controller;
  store.loadStarted(record.id);
  try {
    if (loadedKind && loadedKind !== record.engine) await engineFor(loadedKind).unload();
    loadedKind = null;
    const gpuLayers = device ? assessModel(record, device).gpuLayers : undefined;
    await allowHosts(sourceUrls(record.source));
    const result = await engineForFetch(record.engine, !jobsRunning(record.engine)).load(
      { modelId: record.id, source: record.source, contextWindow: record.contextWindow, gpuLayers, maxShardBytes: useSettingsStore.getState().maxShardBytes },
      (p) => {
        if (loadController === controller) useEngineStore.getState().loadProgressed(p);
      },
      controller.signal,
    );
    if (loadController !== controller) return false;
    loadedKind = record.engine;
    useEngineStore.getState().loadSucceeded(result);
    return true;
  } catch (err) {
    if (loadController !== controller) return false;
    useEngineStore.getState().loadFailed(isAbort(err) ? null : toUserError(err));
    return false;
  } finally {
    if (loadController === controller) loadController = null;
  }
}

/** Stop a download or load in progress; what was downloaded is kept. */
export function cancelLoad(): void {
  loadController?.abort();
  loadController = null;
  useEngineStore.getState().loadFailed(null);
}

export async function unloadModel(): Promise<void> {
  if (loadedKind) await engineFor(loadedKind).unload().catch(() => undefined);
  loadedKind = null;
  useEngineStore.getState().unloaded();
}

/** Whether the model manager is downloading or importing with this engine. */
function jobsRunning(kind: ModelRecord['engine']): boolean {
  return Object.values(useModelJobsStore.getState().jobs).some((job) => !job.error && job.engine === kind);
}

export function loadedKindIs(kind: ModelRecord['engine']): boolean {
  return loadedKind === kind;
}

export function loadedEngine() {
  return loadedKind ? engineFor(loadedKind) : null;
}

export function toUserError(err: unknown): { code: string; message: string } {
  if (err instanceof EngineError) return { code: err.code, message: err.message };
  return { code: 'unknown', message: err instanceof Error ? err.message : String(err) };
}
