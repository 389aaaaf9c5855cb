/**
 * Import an MLC model folder from disk into Cache Storage under the keys
 * web-llm 0.2.86 looks up, so it loads with no network. The folder is put
 * under an address on our own origin that nothing is ever fetched from.
 * Accepts tensor-cache.json or the older ndarray-cache.json.
 */
import { storageError } from '../download/fetch-file';
import { EngineError } from '../errors';
import { mlcModelFiles, type MlcChatConfig, type MlcFile, type TensorCacheIndex } from './mlc-cache-shared';

export interface ImportedMlcModel {
  name: string;
  modelUrl: string;
  modelLibUrl: string;
  quantization?: string;
  contextWindow?: number;
  bytes: number;
}

const baseName = (f: File) => (f.webkitRelativePath || f.name).split('/').pop() ?? f.name;

async function readJson<T>(file: File, what: string): Promise<T> {
  try {
    return JSON.parse(await file.text()) as T;
  } catch {
    throw new EngineError('model-invalid', `${what} in this folder is not valid JSON.`);
  }
}

/** `files`: everything in the chosen folder; `lib`: the model library when it is not in the folder. */
export async function importMlcFolder(files: File[], lib: File | null, origin: string, onProgress: (done: number, total: number) => void): Promise<ImportedMlcModel> {
  const byName = new Map(files.map((f) => [baseName(f), f]));
  const folder = (files[0]?.webkitRelativePath.split('/')[0] || 'mlc-model').replace(/[^\w.-]+/g, '-');
  const configFileOnDisk = byName.get('mlc-chat-config.json');
  const indexOnDisk = byName.get('tensor-cache.json') ?? byName.get('ndarray-cache.json');
  if (!configFileOnDisk) throw new EngineError('model-invalid', 'This folder has no mlc-chat-config.json: choose the folder made by mlc_llm gen_config.');
  if (!indexOnDisk) throw new EngineError('model-invalid', 'This folder has no tensor-cache.json (or ndarray-cache.json): choose the folder made by mlc_llm convert_weight.');
  const config = await readJson<MlcChatConfig & { quantization?: string; context_window_size?: number }>(configFileOnDisk, 'mlc-chat-config.json');
  const index = await readJson<TensorCacheIndex>(indexOnDisk, baseName(indexOnDisk));
  if (!Array.isArray(index.records) || index.records.some((r) => typeof r?.dataPath !== 'string')) {
    throw new EngineError('model-invalid', `${baseName(indexOnDisk)} does not list the weight shards.`);
  }
  const libFile = lib ?? files.find((f) => baseName(f).endsWith('.wasm')) ?? null;
  if (!libFile) throw new EngineError('model-lib-invalid', 'Choose the model library (.wasm) for this model too: it is not in the folder.');

  const modelUrl = `${origin}/local-models/${folder}/`;
  const modelLibUrl = `${modelUrl}${baseName(libFile).replace(/[^\w.-]+/g, '-')}`;
  const keys = mlcModelFiles({ modelUrl, modelLibUrl }, config, index);
  const sources = new Map<MlcFile, File | undefined>(
    keys.map((key) => {
      if (key.kind === 'config') return [key, configFileOnDisk];
      if (key.kind === 'tensor-index') return [key, indexOnDisk];
      if (key.kind === 'model-lib') return [key, libFile];
      return [key, byName.get(decodeURIComponent(key.url.split('/').pop() ?? ''))];
    }),
  );
  const missing = [...sources].filter(([, f]) => !f).map(([k]) => k.url.split('/').pop());
  if (missing.length) throw new EngineError('model-invalid', `The folder is missing ${missing.length} file(s) the model needs: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`);

  const total = [...sources.values()].reduce((n, f) => n + f!.size, 0);
  let done = 0;
  for (const [key, file] of sources) {
    const response = new Response(file!, { headers: { 'content-type': file!.type || 'application/octet-stream', 'content-length': String(file!.size) } });
    try {
      await (await caches.open(key.cacheName)).put(new Request(key.url), response);
    } catch (err) {
      await removeKeys([...sources.keys()]);
      throw storageError(err);
    }
    done += file!.size;
    onProgress(done, total);
  }
  return { name: folder, modelUrl, modelLibUrl, quantization: config.quantization, contextWindow: config.context_window_size, bytes: total };
}

/** Undo a half-finished import so nothing looks ready. */
async function removeKeys(keys: MlcFile[]): Promise<void> {
  for (const key of keys) await (await caches.open(key.cacheName)).delete(new Request(key.url)).catch(() => false);
}
