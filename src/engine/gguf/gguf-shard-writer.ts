/**
 * Writes the splitter's shards to OPFS. The splitter calls back synchronously;
 * writes are queued and `drain()` applies back-pressure after each chunk.
 * A shard is written as `<name>.part` and renamed when whole.
 */
import { storageError } from '../download/fetch-file';

type MovableHandle = FileSystemFileHandle & { move(name: string): Promise<void> };

export function createShardWriter(dir: FileSystemDirectoryHandle, names: (index: number) => string, skip: (index: number) => boolean) {
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  let handle: MovableHandle | null = null;
  let writable: FileSystemWritableFileStream | null = null;

  const enqueue = (op: () => Promise<void>) => {
    queue = queue.then(() => (failure ? undefined : op())).catch((err: unknown) => {
      failure ??= err;
    });
  };

  return {
    /** Run `op` after the writes queued so far (e.g. saving the plan). */
    later: enqueue,
    onShardStart(index: number, header: Uint8Array) {
      if (skip(index)) return;
      enqueue(async () => {
        handle = (await dir.getFileHandle(`${names(index)}.part`, { create: true })) as MovableHandle;
        writable = await handle.createWritable();
        await writable.write(header as Uint8Array<ArrayBuffer>);
      });
    },
    onShardData(index: number, chunk: Uint8Array) {
      if (skip(index)) return;
      enqueue(async () => writable!.write(chunk as Uint8Array<ArrayBuffer>));
    },
    onShardEnd(index: number) {
      if (skip(index)) return;
      enqueue(async () => {
        await writable!.close();
        await handle!.move(names(index));
        writable = null;
      });
    },
    async drain(): Promise<void> {
      await queue;
      if (failure) throw storageError(failure);
    },
    /** Drop a half-written shard after a failure or cancel. */
    async abort(): Promise<void> {
      await queue;
      await writable?.abort().catch(() => undefined);
      writable = null;
    },
  };
}
