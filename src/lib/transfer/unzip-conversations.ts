/**
 * The conversations files of a ChatGPT export zip, unpacked as a stream:
 * other entries (images, chat.html) are never inflated, and unpacking stops
 * early when an entry grows past the size or packing-ratio limits (zip bombs).
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { chunksOf, megabytes, textCollector, type BytesProgress, type PickedFile } from './read-file-text';
import { TransferError } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';

export interface TextEntry {
  /** e.g. "export.zip/conversations-001.json". */
  label: string;
  text: string;
}

const WANTED = /(^|\/)conversations(-\d+)?\.json$/i;
const PUSH_BYTES = 16 * 1024;
const RATIO_SLACK_BYTES = 1024 * 1024;
type ZipLimits = Pick<typeof TRANSFER_LIMITS, 'maxZipBytes' | 'maxJsonBytes' | 'maxUnzippedBytes' | 'maxZipRatio'>;

export async function isZip(file: PickedFile): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

export async function unzipConversations(file: PickedFile, onProgress?: BytesProgress, L: ZipLimits = TRANSFER_LIMITS): Promise<TextEntry[]> {
  if (file.size > L.maxZipBytes) throw new TransferError('too-large', `${file.name} is ${megabytes(file.size)}; the largest zip this app imports is ${megabytes(L.maxZipBytes)}.`);
  if (!(await isZip(file))) throw new TransferError('zip-invalid', `${file.name} is not a zip archive, although its name ends in .zip. Pick the export as downloaded, or its conversations.json.`);

  const entries: TextEntry[] = [];
  const open = new Set<string>();
  let failure: TransferError | null = null;
  let pushed = 0;
  let unpacked = 0;

  const fail = (f: UnzipFile, error: TransferError) => {
    failure ??= error;
    f.terminate();
  };
  const unzip = new Unzip((f) => {
    if (!WANTED.test(f.name) || f.name.startsWith('__MACOSX/')) return;
    const label = `${file.name}/${f.name}`;
    if (f.compression !== 0 && f.compression !== 8) return fail(f, new TransferError('zip-invalid', `${label} is packed with a method this app cannot read.`));
    if (f.originalSize !== undefined && f.originalSize > L.maxJsonBytes) return fail(f, tooLarge(label, L));
    if (f.size && f.originalSize !== undefined && f.originalSize > RATIO_SLACK_BYTES && f.originalSize / f.size > L.maxZipRatio) return fail(f, bomb(file.name, L));
    const text = textCollector(label);
    const startedAt = pushed;
    let size = 0;
    open.add(label);
    f.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return fail(f, new TransferError('zip-invalid', `${label} is damaged inside the zip (${error.message}).`));
      size += chunk.length;
      unpacked += chunk.length;
      if (size > L.maxJsonBytes) return fail(f, tooLarge(label, L));
      if (unpacked > L.maxUnzippedBytes) return fail(f, new TransferError('too-large', `The conversations in ${file.name} unpack to more than ${megabytes(L.maxUnzippedBytes)}, the most one import can take.`));
      if (size > L.maxZipRatio * (pushed - startedAt) + RATIO_SLACK_BYTES) return fail(f, bomb(file.name, L));
      try {
        text.push(chunk);
        if (final) {
          entries.push({ label, text: text.finish() });
          open.delete(label);
        }
      } catch (e) {
        fail(f, e as TransferError);
      }
    };
    f.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  try {
    for await (const chunk of chunksOf(file.stream(), PUSH_BYTES)) {
      pushed += chunk.length;
      unzip.push(chunk);
      if (failure) throw failure;
      onProgress?.(pushed, file.size);
    }
    try {
      unzip.push(new Uint8Array(0), true);
    } catch {
      throw cutOff(file.name, [...open][0]);
    }
  } catch (error) {
    if (error instanceof TransferError) throw error;
    if (failure) throw failure;
    throw new TransferError('zip-invalid', `${file.name} is a damaged zip archive (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (failure) throw failure;
  if (open.size) throw cutOff(file.name, [...open][0]);
  if (!entries.length) {
    throw new TransferError('unsupported-format', `${file.name} has no conversations.json (or conversations-NNN.json) in it; it does not look like a ChatGPT data export.`);
  }
  return entries.sort((a, b) => a.label.localeCompare(b.label));
}

const cutOff = (name: string, entry?: string) =>
  new TransferError('zip-invalid', `${name} ends before ${entry ?? 'its last file'} is complete; the download may have been cut off.`);
const tooLarge = (label: string, L: ZipLimits) => new TransferError('too-large', `${label} unpacks to more than ${megabytes(L.maxJsonBytes)}, the largest file this app imports.`);
const bomb = (name: string, L: ZipLimits) =>
  new TransferError('zip-bomb', `${name} unpacks to far more than a real export would (over ${L.maxZipRatio} times its packed size); it was not unpacked any further.`);
