/** The typed messages between the UI thread and an engine worker. */
import type { SerializedEngineError } from './errors';
import type { CompletionRequest, FinishReason, GenerationStats, LoadProgress, LoadResult, LoadSpec } from './port';

export type ToWorker =
  | { id: number; type: 'load'; spec: LoadSpec }
  | { id: number; type: 'download'; spec: LoadSpec }
  | { id: number; type: 'complete'; request: CompletionRequest }
  | { id: number; type: 'unload' }
  | { id: number; type: 'import'; file: File; source: string; maxShardBytes?: number }
  /** Abort the command with id `target` (a load or a completion). */
  | { id: number; type: 'cancel'; target: number };

export type FromWorker =
  | { id: number; type: 'progress'; progress: LoadProgress }
  | { id: number; type: 'loaded'; result: LoadResult }
  /** `tokens`: how many pieces from the engine the text holds (they are sent in batches, see delta-batcher.ts). */
  | { id: number; type: 'delta'; text: string; tokens: number }
  | { id: number; type: 'done'; finishReason: FinishReason; stats: GenerationStats }
  | { id: number; type: 'unloaded' }
  | { id: number; type: 'imported' }
  | { id: number; type: 'downloaded' }
  | { id: number; type: 'error'; error: SerializedEngineError };

/** What an engine adapter implements inside its worker. */
export interface WorkerAdapter {
  load(spec: LoadSpec, onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<LoadResult>;
  complete(
    request: CompletionRequest,
    onDelta: (text: string) => void,
    signal: AbortSignal,
  ): Promise<{ finishReason: FinishReason; stats: GenerationStats }>;
  unload(): Promise<void>;
  /** Fetch what is missing into storage without loading it. */
  download(spec: LoadSpec, onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<void>;
  importFile?(file: File, source: string, onProgress: (p: LoadProgress) => void, signal: AbortSignal, maxShardBytes?: number): Promise<void>;
}
