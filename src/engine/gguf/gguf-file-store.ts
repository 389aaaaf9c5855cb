/**
 * GGUF model files in the Origin Private File System, one folder per model.
 * A file is written as `<name>.part` and renamed when complete, so a model is
 * "ready" only when every file is whole; an interrupted download resumes
 * with a Range request from the bytes already on disk.
 */
import { DownloadProgress } from '../download/download-progress';
import { openDownload, pumpBody, storageError } from '../download/fetch-file';
import type { LoadProgress } from '../port';

const ROOT = 'gguf-models';

/** Names wllama recognises as the shards of one split model. */
export function shardName(index: number, count: number): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return `model-${pad(index + 1)}-of-${pad(count)}.gguf`;
}

/** A folder name that is safe and stable for a model's file addresses (same files, same folder). */
export async function folderName(urls: readonly string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(urls.join('\n')));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function modelDir(urls: readonly string[], create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage.getDirectory();
    const models = await root.getDirectoryHandle(ROOT, { create });
    return await models.getDirectoryHandle(await folderName(urls), { create });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'NotFoundError') return null;
    throw err;
  }
}

async function fileSize(dir: FileSystemDirectoryHandle, name: string): Promise<number> {
  try {
    return (await (await dir.getFileHandle(name)).getFile()).size;
  } catch {
    return -1;
  }
}

/** Download whatever is missing, then return the files in shard order. */
export async function ensureModelFiles(
  urls: string[],
  onProgress: (p: LoadProgress) => void,
  signal: AbortSignal,
): Promise<File[]> {
  const dir = await modelDir(urls, true);
  if (!dir) throw new Error('Could not open model storage');
  const names = urls.map((_, i) => shardName(i, urls.length));
  const done = await Promise.all(names.map((n) => fileSize(dir, n)));
  if (done.every((size) => size > 0)) return Promise.all(names.map(async (n) => (await dir.getFileHandle(n)).getFile()));

  const starts = await Promise.all(names.map(async (n, i) => (done[i]! > 0 ? null : openPart(dir, n, urls[i]!, signal))));
  const total = starts.reduce((sum, s, i) => sum + (s ? s.offset + Math.max(0, s.size) : done[i]!), 0);
  const progress = new DownloadProgress(total, onProgress);
  progress.skip(starts.reduce((sum, s, i) => sum + (s ? s.offset : done[i]!), 0));

  for (const [i, start] of starts.entries()) {
    if (!start) continue;
    await writePart(dir, names[i]!, urls[i]!, start, progress, signal);
  }
  return Promise.all(names.map(async (n) => (await dir.getFileHandle(n)).getFile()));
}

interface PartStart {
  response: Response;
  offset: number;
  size: number;
}

async function openPart(dir: FileSystemDirectoryHandle, name: string, url: string, signal: AbortSignal): Promise<PartStart> {
  const partSize = Math.max(0, await fileSize(dir, `${name}.part`));
  const { response, size, resumed } = await openDownload(url, { signal, offset: partSize });
  return { response, offset: resumed ? partSize : 0, size };
}

async function writePart(dir: FileSystemDirectoryHandle, name: string, url: string, start: PartStart, progress: DownloadProgress, signal: AbortSignal): Promise<void> {
  const part = await dir.getFileHandle(`${name}.part`, { create: true });
  let writable: FileSystemWritableFileStream;
  try {
    writable = await part.createWritable({ keepExistingData: start.offset > 0 });
    if (start.offset > 0) await writable.seek(start.offset);
    else await writable.truncate(0);
  } catch (err) {
    throw storageError(err);
  }
  try {
    await pumpBody(url, start.response.body!, (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>).catch((err) => Promise.reject(storageError(err))), {
      signal,
      onBytes: (n) => progress.add(n),
    });
    await writable.close();
  } catch (err) {
    // Keep what was written so the next attempt resumes from it.
    await writable.close().catch(() => undefined);
    throw err;
  }
  await (part as FileSystemFileHandle & { move(name: string): Promise<void> }).move(name);
}

/** Whether every file of a model is on disk. */
export async function hasModelFiles(urls: readonly string[]): Promise<boolean> {
  const dir = await modelDir(urls, false);
  if (!dir) return false;
  const sizes = await Promise.all(urls.map((_, i) => fileSize(dir, shardName(i, urls.length))));
  return sizes.every((s) => s > 0);
}

export async function deleteModelFiles(urls: readonly string[]): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const models = await root.getDirectoryHandle(ROOT, { create: true });
  await models.removeEntry(await folderName(urls), { recursive: true }).catch(() => undefined);
}
