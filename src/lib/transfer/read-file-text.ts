/** Reads a picked file as UTF-8 text in chunks, within the size limit, reporting bytes read. */
import { TransferError } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';

/** What the import needs of a File (a Blob with a name); tests pass their own. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
  slice(start?: number, end?: number): Blob;
}

export type BytesProgress = (readBytes: number, totalBytes: number) => void;

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Chunks of a stream, each at most `max` bytes long, so no single step unpacks or decodes too much at once. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>, max: number): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (let at = 0; at < value.length; at += max) yield value.subarray(at, Math.min(value.length, at + max));
    }
  } finally {
    reader.releaseLock();
  }
}

/** A UTF-8 decoder that says which file is not text. */
export function textCollector(label: string) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const pieces: string[] = [];
  const decode = (chunk?: Uint8Array) => {
    try {
      pieces.push(chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
    } catch {
      throw new TransferError('not-json', `${label} is not text (it is not UTF-8), so it cannot be a JSON export.`);
    }
  };
  return {
    push: (chunk: Uint8Array) => decode(chunk),
    finish: (): string => {
      decode();
      return pieces.join('');
    },
  };
}

export async function readFileText(file: PickedFile, onProgress?: BytesProgress): Promise<string> {
  if (file.size > TRANSFER_LIMITS.maxJsonBytes) {
    throw new TransferError('too-large', `${file.name} is ${megabytes(file.size)}; the largest file this app imports is ${megabytes(TRANSFER_LIMITS.maxJsonBytes)}.`);
  }
  const text = textCollector(file.name);
  let read = 0;
  try {
    for await (const chunk of chunksOf(file.stream(), 1024 * 1024)) {
      read += chunk.length;
      text.push(chunk);
      onProgress?.(read, file.size);
    }
  } catch (error) {
    if (error instanceof TransferError) throw error;
    throw new TransferError('read-failed', `${file.name} could not be read (${error instanceof Error ? error.message : String(error)}). Pick it again.`);
  }
  return text.finish();
}
