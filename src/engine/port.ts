/**
 * The ChatEngine port: everything the app knows about running a model.
 * Engine-specific code (web-llm, wllama) stays behind it, in a worker.
 */

/** What to load. The worker resolves it to files; the UI never sees engine types. */
export interface LoadSpec {
  /** Stable id of the model record (catalog id or custom model id). */
  modelId: string;
  /** Engine-specific description of the files (see models/records.ts). */
  source: EngineSource;
  contextWindow: number;
  /** GGUF only: 0 forces the CPU; undefined lets the engine offload all layers. */
  gpuLayers?: number;
  /** GGUF only: largest shard a single file is split into while stored (default 512 MiB). */
  maxShardBytes?: number;
}

export type EngineSource =
  | {
      kind: 'mlc';
      /** Absolute URL of the weights folder (web-llm appends resolve/main/ unless present). */
      modelUrl: string;
      /** Absolute URL of the model library (.wasm). */
      modelLibUrl: string;
      /** web-llm conv_template and other mlc-chat-config overrides. */
      overrides: Record<string, unknown>;
      requiredFeatures: string[];
    }
  | {
      kind: 'gguf';
      /** Absolute URLs of the file or of every shard, in order. */
      urls: string[];
    };

export type LoadPhase = 'checking' | 'downloading' | 'loading' | 'ready';

export interface LoadProgress {
  phase: LoadPhase;
  /** Bytes fetched so far (download phase) and total when known. */
  loadedBytes: number;
  totalBytes: number;
  /** 0..1 of the current phase. */
  fraction: number;
  /** Bytes per second over the last few seconds of download. */
  bytesPerSecond: number;
  text: string;
}

export interface LoadResult {
  modelId: string;
  /** Where generation runs: 'gpu' (WebGPU) or 'cpu' (WebAssembly). */
  backend: 'gpu' | 'cpu' | 'mixed';
  /** e.g. "offloaded 32/33 layers to GPU" or "WebGPU (f16)". */
  backendDetail: string;
  contextWindow: number;
}

export interface GenerationSettings {
  temperature: number;
  topP: number;
  maxTokens: number;
  repetitionPenalty: number;
  seed?: number;
  stop: string[];
}

/** A completion request: the engine formats nothing itself unless told to. */
export type CompletionRequest =
  | {
      kind: 'prompt';
      /** Fully formatted prompt text (GGUF: Vicuna v1.1 built by models/). */
      prompt: string;
      settings: GenerationSettings;
    }
  | {
      kind: 'chat';
      /** System + alternating turns, ending with a user turn (MLC conv_template formats it). */
      system: string;
      messages: { role: 'user' | 'assistant'; content: string }[];
      settings: GenerationSettings;
    };

export type FinishReason = 'stop' | 'length' | 'abort' | 'error';

export interface GenerationStats {
  promptTokens: number;
  completionTokens: number;
  /** Milliseconds from request to first token. */
  timeToFirstTokenMs: number;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  totalMs: number;
}

export type CompletionEvent =
  /** `tokens`: how many tokens the text holds, when the engine says (else one). */
  | { type: 'delta'; text: string; tokens?: number }
  | { type: 'done'; finishReason: FinishReason; stats: GenerationStats };

export interface ChatEngine {
  readonly kind: 'mlc' | 'gguf';
  load(spec: LoadSpec, onProgress: (p: LoadProgress) => void, signal?: AbortSignal): Promise<LoadResult>;
  /** Deltas, then one 'done'. Aborting the signal stops generation (finish 'abort'). */
  complete(request: CompletionRequest, signal?: AbortSignal): AsyncIterable<CompletionEvent>;
  unload(): Promise<void>;
  /** Fetch whatever of the model is missing into browser storage, without loading it. */
  download(spec: LoadSpec, onProgress: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void>;
  /** GGUF only: store a model file from disk under `source` (a "local:" key), split as needed. */
  importFile(file: File, source: string, onProgress: (p: LoadProgress) => void, signal?: AbortSignal, maxShardBytes?: number): Promise<void>;
  /** Tear down the worker. */
  dispose(): void;
}
