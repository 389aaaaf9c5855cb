/** Streaming fetch of one model file with byte progress and actionable errors. */
import { EngineError, httpError, networkError } from '../errors';

export interface FetchFileOptions {
  signal: AbortSignal;
  onBytes: (n: number) => void;
  /** Resume from this byte offset with a Range request. */
  offset?: number;
}

/** Start a download; returns the response (already checked) and its body size. */
export async function openDownload(url: string, { signal, offset = 0 }: Pick<FetchFileOptions, 'signal' | 'offset'>): Promise<{ response: Response; size: number; resumed: boolean }> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: offset > 0 ? { Range: `bytes=${offset}-` } : undefined });
  } catch (err) {
    if (signal.aborted) throw err;
    throw networkError(url);
  }
  if (!response.ok) throw httpError(url, response.status);
  const resumed = offset > 0 && response.status === 206;
  const length = Number(response.headers.get('content-length') ?? NaN);
  return { response, size: Number.isFinite(length) ? length : -1, resumed };
}

/** Pipe a response body through `onBytes` into `sink`, turning read failures into EngineErrors. */
export async function pumpBody(
  url: string,
  body: ReadableStream<Uint8Array>,
  write: (chunk: Uint8Array) => Promise<void> | void,
  { signal, onBytes }: Pick<FetchFileOptions, 'signal' | 'onBytes'>,
): Promise<number> {
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (err) {
        if (signal.aborted) throw err;
        throw networkError(url);
      }
      if (result.done) return total;
      await write(result.value);
      total += result.value.byteLength;
      onBytes(result.value.byteLength);
    }
  } finally {
    reader.releaseLock();
  }
}

/** Wrap a storage write failure: a full disk says so plainly. */
export function storageError(err: unknown): EngineError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'QuotaExceededError') {
    return new EngineError('quota-exceeded', 'The browser ran out of storage for this model. Free space (delete other models) or allow more storage, then try again.');
  }
  return new EngineError('download-failed', `Saving the model failed: ${err instanceof Error ? err.message : String(err)}`);
}
