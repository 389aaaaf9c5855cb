/**
 * Getting a GGUF model into OPFS. A single file is split while it downloads
 * (or is imported) into shards of at most `maxShardBytes`, because wllama
 * loads at most 2 GB per file. Whole shards survive a cancel or a dropped
 * connection; the next attempt asks only for the bytes of missing shards.
 * Models the host already split (several URLs) are stored file by file.
 */
import { createGgufHeaderReader } from '../../lib/gguf/gguf-reader';
import { GgufError } from '../../lib/gguf/gguf-errors';
import { createGgufSplitter } from '../../lib/gguf/gguf-splitter';
import { DownloadProgress } from '../download/download-progress';
import { openDownload, pumpBody, storageError } from '../download/fetch-file';
import { EngineError } from '../errors';
import type { LoadProgress } from '../port';
import { createShardWriter } from './gguf-shard-writer';
import { completeShards, fileSize, modelFolder, readPlan, readyFiles, shardName, writePlan, type StoredPlan } from './gguf-store-shared';

export const DEFAULT_MAX_SHARD_BYTES = 512 * 1024 * 1024;

export interface StoreOptions {
  maxShardBytes: number;
  onProgress: (p: LoadProgress) => void;
  signal: AbortSignal;
}

/** Download whatever is missing, then return the shard files in order. */
export async function ensureModelFiles(urls: string[], options: StoreOptions): Promise<File[]> {
  const dir = await modelFolder(urls, true);
  if (!dir) throw new EngineError('download-failed', 'Could not open the model storage.');
  const plan = await readPlan(dir);
  const ready = plan && (await readyFiles(dir, plan));
  if (ready) return ready;
  if (urls.some((u) => u.startsWith('local:'))) {
    throw new EngineError('not-found', 'This imported model file is no longer stored in the browser. Import the file again.');
  }
  if (urls.length === 1 && !isWholeFilePlan(plan)) await downloadSplit(dir, urls[0]!, plan, options);
  else await downloadFiles(dir, urls, options);
  const files = await readyFiles(dir, (await readPlan(dir))!);
  if (!files) throw new EngineError('download-failed', 'The download finished but some model files are missing. Try again.');
  return files;
}

/** Split a local GGUF file into OPFS under `source` (a "local:" key). */
export async function importModelFile(file: File, source: string, options: StoreOptions): Promise<void> {
  const dir = await modelFolder([source], true);
  if (!dir) throw new EngineError('download-failed', 'Could not open the model storage.');
  const progress = new DownloadProgress(file.size, options.onProgress);
  await splitStream(dir, file.stream(), source, null, 0, progress, options);
}

/** A plan saved for files stored as they are (no splitting). */
function isWholeFilePlan(plan: StoredPlan | null): boolean {
  return plan?.whole === true;
}

async function downloadSplit(dir: FileSystemDirectoryHandle, url: string, plan: StoredPlan | null, options: StoreOptions) {
  const done = plan ? await completeShards(dir, plan) : [];
  const { response, size } = await openDownload(url, { signal: options.signal });
  if (!plan && size > 0 && size <= options.maxShardBytes) {
    // Small enough for wllama as it is: store it whole, resumable byte by byte.
    return downloadFiles(dir, [url], options, { response, size });
  }
  const progress = new DownloadProgress(size > 0 ? size : 0, options.onProgress);
  const first = done.indexOf(false);
  if (!plan || first <= 0) return splitStream(dir, response.body!, url, null, 0, progress, options);

  // Resume: read the header from this response, then ask only for the missing shards' bytes.
  const header = await readHeader(url, response.body!, options.signal);
  const splitter = createGgufSplitter({ maxShardBytes: options.maxShardBytes, onShardStart() {}, onShardData() {}, onShardEnd() {} });
  const offset = splitter.startFrom(header, first);
  const resumed = await openDownload(url, { signal: options.signal, offset });
  if (!resumed.resumed) return splitStream(dir, resumed.response.body!, url, done, 0, progress, options);
  progress.skip(offset);
  return splitStream(dir, resumed.response.body!, url, done, first, progress, options, header);
}

async function readHeader(url: string, body: ReadableStream<Uint8Array>, signal: AbortSignal) {
  const reader = createGgufHeaderReader();
  const stream = body.getReader();
  try {
    for (;;) {
      const { done, value } = await stream.read();
      if (done) return reader.end();
      const status = reader.push(value);
      if (status.done) return status.header;
      if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    }
  } catch (err) {
    throw err instanceof GgufError ? asEngineError(err, url) : err;
  } finally {
    await stream.cancel().catch(() => undefined);
  }
}

async function splitStream(
  dir: FileSystemDirectoryHandle,
  body: ReadableStream<Uint8Array>,
  source: string,
  done: boolean[] | null,
  startShard: number,
  progress: DownloadProgress,
  options: StoreOptions,
  header?: Parameters<ReturnType<typeof createGgufSplitter>['startFrom']>[0],
): Promise<void> {
  let names: string[] = [];
  const writer = createShardWriter(dir, (i) => names[i]!, (i) => done?.[i] === true);
  const splitter = createGgufSplitter({
    maxShardBytes: options.maxShardBytes,
    onPlan: (plan) => {
      names = plan.shards.map((s) => s.fileName);
      writer.later(() => writePlan(dir, { version: 1, shards: plan.shards.map((s) => ({ name: s.fileName, size: s.totalByteLength })) }));
    },
    onShardStart: writer.onShardStart,
    onShardData: writer.onShardData,
    onShardEnd: writer.onShardEnd,
  });
  if (header) splitter.startFrom(header, startShard);
  try {
    await pumpBody(source, body, async (chunk) => {
      splitter.push(chunk);
      await writer.drain();
    }, { signal: options.signal, onBytes: (n) => progress.add(n) });
    splitter.end();
    await writer.drain();
    progress.emit(true);
  } catch (err) {
    await writer.abort();
    throw err instanceof GgufError ? asEngineError(err, source) : err;
  }
}

/**
 * Files stored as they are (a small model, or one its host already split):
 * one shard per URL, each resumed from the bytes already on disk.
 */
async function downloadFiles(dir: FileSystemDirectoryHandle, urls: string[], options: StoreOptions, first?: { response: Response; size: number }): Promise<void> {
  const names = urls.map((_, i) => shardName(i, urls.length));
  const opened = await Promise.all(
    urls.map((url, i) => (i === 0 && first ? { response: first.response, offset: 0, total: first.size } : openFile(dir, names[i]!, url, options.signal))),
  );
  const total = opened.reduce((sum, o) => sum + o.total, 0);
  const progress = new DownloadProgress(total, options.onProgress);
  progress.skip(opened.reduce((sum, o) => sum + o.offset, 0));
  await writePlan(dir, { version: 1, whole: true, shards: names.map((name, i) => ({ name, size: opened[i]!.total })) });
  for (const [i, o] of opened.entries()) {
    if (!o.response) continue;
    await appendPart(dir, names[i]!, urls[i]!, o.response, o.offset, progress, options.signal);
  }
}

async function openFile(dir: FileSystemDirectoryHandle, name: string, url: string, signal: AbortSignal) {
  const whole = await fileSize(dir, name);
  if (whole > 0) return { response: null, offset: whole, total: whole };
  const part = Math.max(0, await fileSize(dir, `${name}.part`));
  const { response, size, resumed } = await openDownload(url, { signal, offset: part });
  const offset = resumed ? part : 0;
  return { response, offset, total: offset + Math.max(0, size) };
}

async function appendPart(dir: FileSystemDirectoryHandle, name: string, url: string, response: Response, offset: number, progress: DownloadProgress, signal: AbortSignal) {
  const part = (await dir.getFileHandle(`${name}.part`, { create: true })) as FileSystemFileHandle & { move(name: string): Promise<void> };
  let writable: FileSystemWritableFileStream;
  try {
    writable = await part.createWritable({ keepExistingData: offset > 0 });
    if (offset > 0) await writable.seek(offset);
    else await writable.truncate(0);
  } catch (err) {
    throw storageError(err);
  }
  try {
    await pumpBody(url, response.body!, (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>).catch((err) => Promise.reject(storageError(err))), {
      signal,
      onBytes: (n) => progress.add(n),
    });
    await writable.close();
  } catch (err) {
    // Keep what was written: the next attempt resumes from it.
    await writable.close().catch(() => undefined);
    throw err;
  }
  await part.move(name);
}

function asEngineError(err: GgufError, source: string): EngineError {
  const file = source.split('/').pop() ?? source;
  return new EngineError('model-invalid', `"${file}" could not be loaded as a GGUF model: ${err.message}`);
}
