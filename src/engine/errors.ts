/** Engine errors cross the worker boundary as `{ code, message }`. */
export type EngineErrorCode =
  | 'webgpu-unavailable'
  | 'shader-f16-unsupported'
  | 'device-lost'
  | 'out-of-memory'
  | 'download-failed'
  | 'not-found'
  | 'offline'
  | 'quota-exceeded'
  | 'model-lib-mismatch'
  | 'model-lib-invalid'
  | 'model-invalid'
  | 'context-exceeded'
  | 'model-not-loaded'
  | 'browser-unsupported'
  | 'worker-crashed'
  | 'aborted'
  | 'unknown';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export interface SerializedEngineError {
  code: EngineErrorCode;
  message: string;
}

export function serializeEngineError(err: unknown): SerializedEngineError {
  if (err instanceof EngineError) return { code: err.code, message: err.message };
  if (isAbort(err)) return { code: 'aborted', message: 'Stopped.' };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'unknown', message: `The engine failed: ${message}` };
}

export function isAbort(err: unknown): boolean {
  return (
    (err instanceof EngineError && err.code === 'aborted') ||
    (err instanceof Error && (err.name === 'AbortError' || err.name === 'WllamaAbortError')) ||
    (typeof DOMException !== 'undefined' && err instanceof DOMException && err.name === 'AbortError')
  );
}

/** Map an HTTP failure while fetching a model file to an actionable error. */
export function httpError(url: string, status: number): EngineError {
  const file = url.split('/').pop() ?? url;
  if (status === 404) {
    return new EngineError('not-found', `The model file "${file}" was not found at ${url} (404). Check the model's address in Settings.`);
  }
  if (status === 401 || status === 403) {
    return new EngineError('download-failed', `The server refused access to "${file}" (${status}). The model may be gated or private.`);
  }
  return new EngineError('download-failed', `Downloading "${file}" failed with HTTP ${status}. Try again later.`);
}

/** Map a fetch() network failure (TypeError) to an actionable error. */
export function networkError(url: string): EngineError {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return offline
    ? new EngineError('offline', 'You are offline and this model is not fully downloaded yet. Reconnect and try again; downloaded parts are kept.')
    : new EngineError('download-failed', `Could not reach ${new URL(url).host}. Check your connection or the model's address; downloaded parts are kept.`);
}
