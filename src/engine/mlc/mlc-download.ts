/**
 * Downloads an MLC model into Cache Storage under web-llm's own keys, so the
 * engine then loads it without a network request. Files already stored are
 * skipped (resume = fetch only what is missing); a file is stored only once
 * complete, so a cancelled download leaves no partial entry.
 */
import { DownloadProgress } from '../download/download-progress';
import { openDownload, pumpBody, storageError } from '../download/fetch-file';
import { EngineError } from '../errors';
import type { LoadProgress } from '../port';
import {
  configFile,
  legacyTensorIndexUrl,
  matchFile,
  mlcModelFiles,
  storedSize,
  tensorIndexFile,
  type MlcChatConfig,
  type MlcFile,
  type MlcModelLocation,
  type TensorCacheIndex,
} from './mlc-cache-shared';
import { checkModelLib } from './mlc-model-lib-check';

/** web-llm fetches shards 4 at a time too. */
const PARALLEL_SHARDS = 4;

export interface MlcDownloadSource extends MlcModelLocation {
  overrides: Record<string, unknown>;
}

export interface MlcDownloadResult {
  files: MlcFile[];
  /** Bytes fetched by this call (0 when everything was stored already). */
  fetchedBytes: number;
  totalBytes: number;
}

interface Fetched {
  blob: Blob;
  contentType: string;
}

/** Fetch a whole file into memory (a Blob), counting bytes as they arrive. */
async function fetchWhole(url: string, signal: AbortSignal, onBytes: (n: number) => void, opened?: Response): Promise<Fetched> {
  const response = opened ?? (await openDownload(url, { signal })).response;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  if (response.body) await pumpBody(url, response.body, (c) => void chunks.push(c as Uint8Array<ArrayBuffer>), { signal, onBytes });
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks, { type: contentType }), contentType };
}

async function store(file: MlcFile, { blob, contentType }: Fetched, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  // Only plain headers: no Vary, so web-llm's cache.match(url) always finds it.
  const response = new Response(blob, { headers: { 'content-type': contentType, 'content-length': String(blob.size) } });
  try {
    await (await caches.open(file.cacheName)).put(new Request(file.url), response);
  } catch (err) {
    throw storageError(err);
  }
}

function parseJson<T>(text: string, what: string, url: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new EngineError('model-invalid', `The model's ${what} at ${url} is not valid JSON. The model folder may be incomplete or not an MLC build.`);
  }
}

/** A small JSON file: from the cache, else downloaded and stored. */
async function ensureJson<T>(file: MlcFile, fetchUrl: string, signal: AbortSignal): Promise<{ value: T; bytes: number; fetched: boolean }> {
  const cached = await matchFile(file);
  if (cached) {
    const blob = await cached.blob();
    try {
      return { value: parseJson<T>(await blob.text(), file.kind, file.url), bytes: blob.size, fetched: false };
    } catch {
      await (await caches.open(file.cacheName)).delete(new Request(file.url));
    }
  }
  const got = await fetchWhole(fetchUrl, signal, () => undefined);
  const value = parseJson<T>(await got.blob.text(), file.kind, fetchUrl);
  await store(file, got, signal);
  return { value, bytes: got.blob.size, fetched: true };
}

/** tensor-cache.json, or an older conversion's ndarray-cache.json stored under the tensor-cache.json key. */
async function ensureTensorIndex(modelUrl: string, signal: AbortSignal) {
  const file = tensorIndexFile(modelUrl);
  let result: Awaited<ReturnType<typeof ensureJson<TensorCacheIndex>>>;
  try {
    result = await ensureJson<TensorCacheIndex>(file, file.url, signal);
  } catch (err) {
    if (!(err instanceof EngineError && err.code === 'not-found')) throw err;
    try {
      result = await ensureJson<TensorCacheIndex>(file, legacyTensorIndexUrl(modelUrl), signal);
    } catch (legacyErr) {
      if (legacyErr instanceof EngineError && legacyErr.code === 'not-found') throw err;
      throw legacyErr;
    }
  }
  const records = result.value.records as unknown;
  if (!Array.isArray(records) || !records.every((r) => typeof r?.dataPath === 'string' && typeof r?.nbytes === 'number')) {
    throw new EngineError('model-invalid', `${file.url} does not list the model's weight shards. The model folder may not be an MLC build.`);
  }
  return result;
}

/** Run `task` over items with at most `limit` at once; the first failure stops the rest. */
async function inPool<T>(items: T[], limit: number, signal: AbortSignal, task: (item: T, signal: AbortSignal) => Promise<void>): Promise<void> {
  const inner = new AbortController();
  const stop = () => inner.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  let next = 0;
  const lane = async () => {
    while (next < items.length && !inner.signal.aborted) await task(items[next++]!, inner.signal);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => lane().catch((err) => (inner.abort(), Promise.reject(err)))));
    signal.throwIfAborted();
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

export async function downloadMlcModel(source: MlcDownloadSource, onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<MlcDownloadResult> {
  const config = await ensureJson<MlcChatConfig>(configFile(source.modelUrl), configFile(source.modelUrl).url, signal);
  const index = await ensureTensorIndex(source.modelUrl, signal);
  // web-llm reads mlc-chat-config.json merged with the record's overrides.
  const merged = { ...config.value, ...source.overrides } as MlcChatConfig;
  const files = mlcModelFiles(source, merged, index.value);
  if (!files.some((f) => f.kind === 'tokenizer')) {
    throw new EngineError('model-invalid', `The model's mlc-chat-config.json names no tokenizer.json or tokenizer.model (tokenizer_files: ${JSON.stringify(merged.tokenizer_files ?? [])}).`);
  }

  const rest = files.filter((f) => f.kind !== 'config' && f.kind !== 'tensor-index');
  const stored = new Map<MlcFile, number>();
  for (const file of rest) {
    const hit = await matchFile(file);
    if (hit) stored.set(file, file.bytes ?? (await storedSize(hit)));
  }
  // Open the model library and tokenizer first: a missing library fails before gigabytes of weights.
  const opened = new Map<MlcFile, Response>();
  const sizes = new Map<MlcFile, number>();
  try {
    for (const file of rest.filter((f) => f.kind !== 'params' && !stored.has(f))) {
      const { response, size } = await openDownload(file.url, { signal });
      opened.set(file, response);
      sizes.set(file, Math.max(0, size));
    }
  } catch (err) {
    for (const response of opened.values()) void response.body?.cancel();
    throw err;
  }
  const sizeOf = (f: MlcFile) => stored.get(f) ?? f.bytes ?? sizes.get(f) ?? 0;
  const totalBytes = config.bytes + index.bytes + rest.reduce((sum, f) => sum + sizeOf(f), 0);

  const progress = new DownloadProgress(totalBytes, onProgress);
  let fetchedBytes = 0;
  const count = (n: number) => {
    fetchedBytes += n;
    progress.add(n);
  };
  const small = [config, index];
  progress.skip(small.filter((p) => !p.fetched).reduce((a, p) => a + p.bytes, 0) + [...stored.values()].reduce((a, b) => a + b, 0));
  for (const part of small) if (part.fetched) count(part.bytes);

  for (const [file, response] of opened) {
    opened.delete(file);
    try {
      const got = await fetchWhole(file.url, signal, count, response);
      if (file.kind === 'model-lib') await checkModelLib(await got.blob.arrayBuffer(), file.url);
      await store(file, got, signal);
    } catch (err) {
      for (const other of opened.values()) void other.body?.cancel();
      throw err;
    }
  }
  const shards = rest.filter((f) => f.kind === 'params' && !stored.has(f));
  await inPool(shards, PARALLEL_SHARDS, signal, async (file, laneSignal) => {
    const got = await fetchWhole(file.url, laneSignal, count);
    if (file.bytes !== undefined && got.blob.size !== file.bytes) {
      const name = file.url.split('/').pop();
      throw new EngineError('download-failed', `"${name}" arrived with ${got.blob.size} bytes instead of ${file.bytes}. Try again; the other files are kept.`);
    }
    await store(file, got, laneSignal);
  });
  progress.emit(true);
  return { files, fetchedBytes, totalBytes };
}
