/**
 * Where web-llm 0.2.86 looks for an MLC model's files in Cache Storage, and
 * how to list, measure and delete them. It imports nothing from web-llm, so
 * the UI thread (model manager) may use it too: the `-shared` suffix is what
 * the lint boundary lets through.
 *
 * web-llm reads (ArtifactCache, Cache API backend):
 *   webllm/config  <M>mlc-chat-config.json
 *   webllm/model   <M>tensor-cache.json, <M><dataPath> of every shard, <M>tokenizer.json|tokenizer.model
 *   webllm/wasm    the model_lib URL exactly
 * where M = cleanModelUrl(record.model).
 */
export const MLC_CACHES = { config: 'webllm/config', model: 'webllm/model', wasm: 'webllm/wasm' } as const;
export type MlcCacheName = (typeof MLC_CACHES)[keyof typeof MLC_CACHES];

export type MlcFileKind = 'config' | 'tensor-index' | 'model-lib' | 'tokenizer' | 'params';

export interface MlcFile {
  kind: MlcFileKind;
  cacheName: MlcCacheName;
  /** The cache key web-llm looks up; also where the file is downloaded from. */
  url: string;
  /** Size from tensor-cache.json (params shards only). */
  bytes?: number;
}

export interface MlcModelLocation {
  modelUrl: string;
  modelLibUrl: string;
}

export interface TensorCacheIndex {
  records: { dataPath: string; nbytes: number }[];
}

export interface MlcChatConfig {
  tokenizer_files?: string[];
}

/** Same as web-llm's cleanModelUrl: a trailing slash, then resolve/main/ unless a revision is given. */
export function cleanModelUrl(modelUrl: string): string {
  let url = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

export function configFile(modelUrl: string): MlcFile {
  return { kind: 'config', cacheName: MLC_CACHES.config, url: new URL('mlc-chat-config.json', cleanModelUrl(modelUrl)).href };
}

/** web-llm 0.2.86 reads only `tensor-cache.json`; an older `ndarray-cache.json` is stored under this key. */
export function tensorIndexFile(modelUrl: string): MlcFile {
  return { kind: 'tensor-index', cacheName: MLC_CACHES.model, url: new URL('tensor-cache.json', cleanModelUrl(modelUrl)).href };
}

export function legacyTensorIndexUrl(modelUrl: string): string {
  return new URL('ndarray-cache.json', cleanModelUrl(modelUrl)).href;
}

/**
 * web-llm caches the model library only for http(s) URLs without "localhost";
 * others it fetches on every load, so there is nothing to store for them.
 */
export function modelLibFile(modelLibUrl: string): MlcFile | null {
  if (!modelLibUrl.startsWith('http') || modelLibUrl.includes('localhost')) return null;
  return { kind: 'model-lib', cacheName: MLC_CACHES.wasm, url: modelLibUrl };
}

/** The tokenizer web-llm will read: tokenizer.json first, else tokenizer.model. */
export function tokenizerFile(modelUrl: string, config: MlcChatConfig): MlcFile | null {
  const files = config.tokenizer_files ?? [];
  const name = files.includes('tokenizer.json') ? 'tokenizer.json' : files.includes('tokenizer.model') ? 'tokenizer.model' : null;
  return name ? { kind: 'tokenizer', cacheName: MLC_CACHES.model, url: new URL(name, cleanModelUrl(modelUrl)).href } : null;
}

export function paramFiles(modelUrl: string, index: TensorCacheIndex): MlcFile[] {
  const base = cleanModelUrl(modelUrl);
  return index.records.map((r) => ({ kind: 'params', cacheName: MLC_CACHES.model, url: new URL(r.dataPath, base).href, bytes: r.nbytes }));
}

/** Every file web-llm will look up for this model, in download order. */
export function mlcModelFiles(location: MlcModelLocation, config: MlcChatConfig, index: TensorCacheIndex): MlcFile[] {
  const lib = modelLibFile(location.modelLibUrl);
  const tokenizer = tokenizerFile(location.modelUrl, config);
  return [
    configFile(location.modelUrl),
    tensorIndexFile(location.modelUrl),
    ...(lib ? [lib] : []),
    ...(tokenizer ? [tokenizer] : []),
    ...paramFiles(location.modelUrl, index),
  ];
}

export async function matchFile(file: MlcFile): Promise<Response | undefined> {
  const cache = await caches.open(file.cacheName);
  return cache.match(new Request(file.url));
}

/** Size of a stored entry: its content-length, else its body. */
export async function storedSize(response: Response): Promise<number> {
  const length = Number(response.headers.get('content-length') ?? NaN);
  return Number.isFinite(length) ? length : (await response.blob()).size;
}

async function readCachedJson<T>(file: MlcFile): Promise<T | null> {
  const response = await matchFile(file);
  if (!response) return null;
  try {
    return (await response.json()) as T;
  } catch {
    return null;
  }
}

export interface MlcCachedFile extends MlcFile {
  cached: boolean;
  /** Bytes stored (0 when missing). */
  storedBytes: number;
}

export interface MlcCacheReport {
  files: MlcCachedFile[];
  /** False while config or tensor index are missing: the list then holds only what is known. */
  listComplete: boolean;
  /** Every file web-llm needs is stored. */
  ready: boolean;
  storedBytes: number;
}

/** What of this model is stored, file by file. */
export async function inspectMlcModel(location: MlcModelLocation, overrides: MlcChatConfig = {}): Promise<MlcCacheReport> {
  const config = await readCachedJson<MlcChatConfig>(configFile(location.modelUrl));
  const index = await readCachedJson<TensorCacheIndex>(tensorIndexFile(location.modelUrl));
  const listComplete = !!config && Array.isArray(index?.records);
  const lib = modelLibFile(location.modelLibUrl);
  const files = listComplete
    ? mlcModelFiles(location, { ...config, ...overrides }, index as TensorCacheIndex)
    : [configFile(location.modelUrl), tensorIndexFile(location.modelUrl), ...(lib ? [lib] : [])];
  const report: MlcCachedFile[] = await Promise.all(
    files.map(async (file) => {
      const response = await matchFile(file);
      return { ...file, cached: !!response, storedBytes: response ? await storedSize(response) : 0 };
    }),
  );
  return {
    files: report,
    listComplete,
    ready: listComplete && report.every((f) => f.cached),
    storedBytes: report.reduce((sum, f) => sum + f.storedBytes, 0),
  };
}

/**
 * Delete every stored file under this model's folder (config, index, shards,
 * tokenizers). The model library can be shared by several models: keep it
 * when another stored model uses the same URL.
 */
export async function deleteMlcModel(location: MlcModelLocation, { keepModelLib = false } = {}): Promise<void> {
  const prefix = cleanModelUrl(location.modelUrl);
  for (const name of [MLC_CACHES.config, MLC_CACHES.model]) {
    const cache = await caches.open(name);
    const keys = await cache.keys();
    await Promise.all(keys.filter((k) => k.url.startsWith(prefix)).map((k) => cache.delete(k)));
  }
  const lib = modelLibFile(location.modelLibUrl);
  if (lib && !keepModelLib) await (await caches.open(lib.cacheName)).delete(new Request(lib.url));
}

/** Every URL stored in web-llm's caches, for a storage overview. */
export async function listMlcCacheUrls(): Promise<{ cacheName: MlcCacheName; url: string }[]> {
  const out: { cacheName: MlcCacheName; url: string }[] = [];
  for (const cacheName of Object.values(MLC_CACHES)) {
    if (!(await caches.has(cacheName))) continue;
    const keys = await (await caches.open(cacheName)).keys();
    out.push(...keys.map((k) => ({ cacheName, url: k.url })));
  }
  return out;
}
