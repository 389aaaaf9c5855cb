/**
 * GGUF model files in the Origin Private File System: one folder per model
 * source, holding shards named as llama.cpp expects and a `plan.json` that
 * says which shards make the whole model. Readable from any thread (the
 * model manager inspects and deletes here; the GGUF worker writes).
 */

export const GGUF_ROOT = 'gguf-models';
const PLAN_FILE = 'plan.json';

export interface StoredPlan {
  version: 1;
  /** Files stored as downloaded (not split by the app). */
  whole?: boolean;
  shards: { name: string; size: number }[];
}

export type StoredStatus = 'none' | 'partial' | 'ready';

/** Names wllama recognises as the shards of one split model. */
export function shardName(index: number, count: number): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return `model-${pad(index + 1)}-of-${pad(count)}.gguf`;
}

/** A stable, safe folder name for a model's sources (same files, same folder). */
export async function folderName(sources: readonly string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sources.join('\n')));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function modelFolder(sources: readonly string[], create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage.getDirectory();
    const models = await root.getDirectoryHandle(GGUF_ROOT, { create });
    return await models.getDirectoryHandle(await folderName(sources), { create });
  } catch (err) {
    if (err instanceof DOMException && (err.name === 'NotFoundError' || err.name === 'TypeMismatchError')) return null;
    throw err;
  }
}

export async function fileSize(dir: FileSystemDirectoryHandle, name: string): Promise<number> {
  try {
    return (await (await dir.getFileHandle(name)).getFile()).size;
  } catch {
    return -1;
  }
}

export async function readPlan(dir: FileSystemDirectoryHandle): Promise<StoredPlan | null> {
  try {
    const plan = JSON.parse(await (await (await dir.getFileHandle(PLAN_FILE)).getFile()).text()) as StoredPlan;
    return plan.version === 1 && Array.isArray(plan.shards) ? plan : null;
  } catch {
    return null;
  }
}

export async function writePlan(dir: FileSystemDirectoryHandle, plan: StoredPlan): Promise<void> {
  const writable = await (await dir.getFileHandle(PLAN_FILE, { create: true })).createWritable();
  await writable.write(JSON.stringify(plan));
  await writable.close();
}

/** Which shards are whole on disk. */
export async function completeShards(dir: FileSystemDirectoryHandle, plan: StoredPlan): Promise<boolean[]> {
  return Promise.all(plan.shards.map(async (s) => (await fileSize(dir, s.name)) === s.size));
}

export async function readyFiles(dir: FileSystemDirectoryHandle, plan: StoredPlan): Promise<File[] | null> {
  if (!(await completeShards(dir, plan)).every(Boolean)) return null;
  return Promise.all(plan.shards.map(async (s) => (await dir.getFileHandle(s.name)).getFile()));
}

/** What is stored for a model, and how many bytes it takes. */
export async function inspectGgufModel(sources: readonly string[]): Promise<{ status: StoredStatus; bytes: number }> {
  const dir = await modelFolder(sources, false);
  if (!dir) return { status: 'none', bytes: 0 };
  let bytes = 0;
  for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
    if (handle.kind === 'file') bytes += (await (handle as FileSystemFileHandle).getFile()).size;
  }
  const plan = await readPlan(dir);
  const ready = plan ? (await completeShards(dir, plan)).every(Boolean) : false;
  return { status: ready ? 'ready' : bytes > 0 ? 'partial' : 'none', bytes };
}

export async function deleteGgufModel(sources: readonly string[]): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const models = await root.getDirectoryHandle(GGUF_ROOT, { create: true });
  await models.removeEntry(await folderName(sources), { recursive: true }).catch((err: unknown) => {
    if (!(err instanceof DOMException && err.name === 'NotFoundError')) throw err;
  });
}
