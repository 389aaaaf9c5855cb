/**
 * The MLC engine (web-llm's MLCEngine, run directly in this worker). Loading
 * checks the GPU first, downloads every file into web-llm's Cache Storage
 * keys with byte progress, then lets web-llm load from the cache.
 */
import { MLCEngine, type AppConfig, type InitProgressReport } from '@mlc-ai/web-llm';
import { EngineError } from '../errors';
import type { LoadProgress, LoadResult, LoadSpec } from '../port';
import type { WorkerAdapter } from '../protocol';
import { runMlcCompletion } from './mlc-completion';
import { checkMlcDevice } from './mlc-device';
import { downloadMlcModel } from './mlc-download';
import { mapMlcError } from './mlc-errors';

type MlcSource = Extract<LoadSpec['source'], { kind: 'mlc' }>;

export function appConfigFor(spec: LoadSpec, source: MlcSource): AppConfig {
  const overrides = { ...source.overrides, ...(spec.contextWindow > 0 ? { context_window_size: spec.contextWindow } : {}) };
  return {
    model_list: [
      {
        model: source.modelUrl,
        model_id: spec.modelId,
        model_lib: source.modelLibUrl,
        overrides,
        required_features: source.requiredFeatures,
      },
    ],
  };
}

const aborted = () => new DOMException('Load cancelled', 'AbortError');

function phase(phase: LoadProgress['phase'], fraction: number, text: string): LoadProgress {
  return { phase, loadedBytes: 0, totalBytes: 0, fraction, bytesPerSecond: 0, text };
}

export function createMlcAdapter(): WorkerAdapter {
  let engine: MLCEngine | null = null;
  let loaded: { modelId: string; contextWindow: number } | null = null;

  const unload = async () => {
    loaded = null;
    await engine?.unload();
  };

  return {
    async load(spec, onProgress, signal): Promise<LoadResult> {
      const source = spec.source;
      if (source.kind !== 'mlc') throw new EngineError('model-invalid', 'This model is not an MLC build.');
      const context = { modelLibUrl: source.modelLibUrl, contextWindow: spec.contextWindow, libStarting: false };
      try {
        onProgress(phase('checking', 0, 'Checking the GPU'));
        const backendDetail = await checkMlcDevice(source.requiredFeatures);
        await downloadMlcModel(source, onProgress, signal);
        if (signal.aborted) throw aborted();

        onProgress(phase('loading', 0, 'Loading the model onto the GPU'));
        const initProgressCallback = (report: InitProgressReport) => {
          context.libStarting = false;
          onProgress(phase('loading', report.progress, 'Loading the model onto the GPU'));
        };
        const appConfig = appConfigFor(spec, source);
        if (engine) {
          engine.setAppConfig(appConfig);
          engine.setInitProgressCallback(initProgressCallback);
        } else {
          engine = new MLCEngine({ appConfig, initProgressCallback, logLevel: 'WARN' });
        }
        loaded = null;
        const current = engine;
        // engine.unload() aborts a reload in flight; web-llm then resolves reload() quietly.
        const stop = () => void current.unload();
        signal.addEventListener('abort', stop, { once: true });
        try {
          context.libStarting = true;
          await current.reload(spec.modelId);
        } finally {
          signal.removeEventListener('abort', stop);
        }
        if (signal.aborted) {
          await current.unload().catch(() => undefined);
          throw aborted();
        }
        loaded = { modelId: spec.modelId, contextWindow: spec.contextWindow };
        onProgress(phase('ready', 1, 'Ready'));
        return { modelId: spec.modelId, backend: 'gpu', backendDetail, contextWindow: spec.contextWindow };
      } catch (err) {
        if (signal.aborted) throw aborted();
        throw mapMlcError(err, context);
      }
    },

    async download(spec, onProgress, signal) {
      const source = spec.source;
      if (source.kind !== 'mlc') throw new EngineError('model-invalid', 'This model is not an MLC build.');
      try {
        await checkMlcDevice(source.requiredFeatures);
        await downloadMlcModel(source, onProgress, signal);
      } catch (err) {
        if (signal.aborted) throw aborted();
        throw mapMlcError(err, { modelLibUrl: source.modelLibUrl, contextWindow: spec.contextWindow, libStarting: false });
      }
    },

    async complete(request, onDelta, signal) {
      if (!engine || !loaded) throw new EngineError('model-not-loaded', 'No model is loaded. Load a model first.');
      try {
        return await runMlcCompletion(engine, request, onDelta, signal);
      } catch (err) {
        throw mapMlcError(err, { contextWindow: loaded.contextWindow });
      }
    },

    async unload() {
      try {
        await unload();
      } catch (err) {
        throw mapMlcError(err);
      }
    },
  };
}
