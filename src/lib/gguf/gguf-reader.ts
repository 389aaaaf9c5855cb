/**
 * Incremental GGUF header parser. Feed chunks as they arrive with `push()`;
 * it answers "need N more bytes" until the header (magic, version, KVs and
 * tensor infos) is complete, then hands back the header and the bytes that
 * followed it. It validates the way llama.cpp's gguf.cpp does, plus sanity
 * limits (see GgufLimits) so a hostile file cannot make it allocate much.
 */
import { ByteQueue } from './byte-queue';
import { GgufError } from './gguf-errors';
import {
  DEFAULT_GGUF_LIMITS,
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_MAGIC,
  GgufType,
  type GgufHeader,
  type GgufKv,
  type GgufLimits,
  type GgufTensorInfo,
} from './gguf-format';
import { alignUp, GGML_MAX_DIMS, GGML_MAX_NAME, tensorByteSize } from './ggml-types';
import { checkBudget, need, readArray, readScalar, readString, readValueType, type Needs } from './gguf-values';

export interface GgufReaderOptions {
  limits?: Partial<GgufLimits>;
}

export type GgufReadStatus =
  | { done: false; /** Bytes still missing for the item being read (at least). */ needBytes: number }
  | { done: true; header: GgufHeader; /** Bytes pushed past the end of the tensor infos. */ rest: Uint8Array[] };

export interface GgufHeaderReader {
  /**
   * Add bytes. Chunks are kept by reference until the header is complete, so
   * do not modify them after pushing. Throws GgufError on invalid input.
   */
  push(chunk: Uint8Array): GgufReadStatus;
  /** Declare the end of input: returns the header or throws 'truncated'. */
  end(): GgufHeader;
  readonly header: GgufHeader | null;
}

const INT64_MAX = (1n << 63n) - 1n;

function toSafeNumber(v: bigint, what: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufError('corrupt', `${what} (${v}) is out of range.`);
  return Number(v);
}

function* readCounts(q: ByteQueue, limits: GgufLimits): Needs<{ version: number; nTensors: number; nKv: number }> {
  yield* need(q, 4);
  if (q.u32() !== GGUF_MAGIC) throw new GgufError('not-gguf', 'Not a GGUF file (bad magic).');
  yield* need(q, 20);
  const version = q.u32();
  if ((version & 0xffff) === 0) throw new GgufError('unsupported-version', `GGUF version ${version} looks big-endian or invalid.`);
  if (version === 1) throw new GgufError('unsupported-version', 'GGUF v1 is no longer supported.');
  if (version > 3) throw new GgufError('unsupported-version', `GGUF version ${version} is newer than this reader (3).`);
  const nTensors = q.u64();
  const nKv = q.u64();
  if (nTensors > BigInt(limits.maxTensorCount)) throw new GgufError('corrupt', `GGUF claims ${nTensors} tensors (limit ${limits.maxTensorCount}).`);
  if (nKv > BigInt(limits.maxKvCount)) throw new GgufError('corrupt', `GGUF claims ${nKv} metadata entries (limit ${limits.maxKvCount}).`);
  return { version, nTensors: Number(nTensors), nKv: Number(nKv) };
}

function* readKv(q: ByteQueue, limits: GgufLimits): Needs<GgufKv> {
  const key = yield* readString(q, limits.maxStringBytes, limits, 'KV key');
  if (key.length === 0) throw new GgufError('corrupt', 'GGUF has an empty KV key.');
  const type = yield* readValueType(q, key);
  if (type === GgufType.ARRAY) {
    const { itemType, value } = yield* readArray(q, limits, key);
    return { key, type, itemType, value };
  }
  return { key, type, value: yield* readScalar(q, type, limits, key) };
}

function alignmentOf(kvs: GgufKv[], limits: GgufLimits): number {
  const kv = kvs.find((k) => k.key === 'general.alignment');
  if (!kv) return GGUF_DEFAULT_ALIGNMENT;
  const a = kv.value;
  if (kv.type !== GgufType.UINT32 || typeof a !== 'number') throw new GgufError('corrupt', 'general.alignment must be a u32.');
  if (a === 0 || (a & (a - 1)) !== 0) throw new GgufError('corrupt', `general.alignment ${a} is not a power of two.`);
  if (a > limits.maxAlignment) throw new GgufError('corrupt', `general.alignment ${a} is above the limit ${limits.maxAlignment}.`);
  return a;
}

function* readTensorInfo(q: ByteQueue, limits: GgufLimits, alignment: number): Needs<GgufTensorInfo> {
  const name = yield* readString(q, GGML_MAX_NAME - 1, limits, 'Tensor name');
  yield* need(q, 4);
  const nDims = q.u32();
  if (nDims > GGML_MAX_DIMS) throw new GgufError('corrupt', `Tensor "${name}" has ${nDims} dimensions (max ${GGML_MAX_DIMS}).`);
  yield* need(q, nDims * 8 + 4 + 8);
  const dims: number[] = [];
  for (let i = 0; i < nDims; i++) {
    const d = q.u64();
    if (d > INT64_MAX) throw new GgufError('corrupt', `Tensor "${name}" has a negative dimension.`);
    dims.push(toSafeNumber(d, `Tensor "${name}" dimension ${i}`));
  }
  const type = q.u32();
  const offset = toSafeNumber(q.u64(), `Tensor "${name}" offset`);
  if (offset % alignment !== 0) throw new GgufError('corrupt', `Tensor "${name}" offset ${offset} is not aligned to ${alignment}.`);
  return { name, dims, type, offset, byteSize: tensorByteSize(type, dims, name) };
}

function* readHeader(q: ByteQueue, limits: GgufLimits): Needs<GgufHeader> {
  const { version, nTensors, nKv } = yield* readCounts(q, limits);
  const kvs: GgufKv[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < nKv; i++) {
    q.startRecording();
    const kv = yield* readKv(q, limits);
    kv.raw = q.stopRecording();
    if (keys.has(kv.key)) throw new GgufError('corrupt', `Duplicate KV key "${kv.key}".`);
    keys.add(kv.key);
    kvs.push(kv);
  }
  const alignment = alignmentOf(kvs, limits);
  const tensors: GgufTensorInfo[] = [];
  const names = new Set<string>();
  let dataEnd = 0;
  for (let i = 0; i < nTensors; i++) {
    checkBudget(q, 0, limits, 'tensor infos');
    const t = yield* readTensorInfo(q, limits, alignment);
    if (names.has(t.name)) throw new GgufError('corrupt', `Duplicate tensor name "${t.name}".`);
    if (t.offset < dataEnd) throw new GgufError('corrupt', `Tensor "${t.name}" overlaps the previous tensor or is out of order.`);
    names.add(t.name);
    tensors.push(t);
    dataEnd = t.offset + t.byteSize;
    if (dataEnd > Number.MAX_SAFE_INTEGER) throw new GgufError('corrupt', 'GGUF data section is impossibly large.');
  }
  checkBudget(q, 0, limits, 'tensor infos');
  const headerByteLength = q.consumed;
  const dataOffset = nTensors > 0 ? alignUp(headerByteLength, alignment) : headerByteLength;
  return { version, alignment, kvs, tensors, headerByteLength, dataOffset, dataByteLength: dataEnd };
}

export function createGgufHeaderReader(options: GgufReaderOptions = {}): GgufHeaderReader {
  const limits: GgufLimits = { ...DEFAULT_GGUF_LIMITS, ...options.limits };
  const q = new ByteQueue();
  const gen = readHeader(q, limits);
  let header: GgufHeader | null = null;
  let failure: unknown = null;
  let needBytes = 4;

  return {
    get header() {
      return header;
    },
    push(chunk) {
      if (failure) throw new GgufError('invalid-state', 'The GGUF reader already failed.');
      if (header) throw new GgufError('invalid-state', 'The GGUF header is already complete.');
      q.push(chunk);
      try {
        const step = gen.next();
        if (!step.done) {
          needBytes = step.value;
          return { done: false, needBytes };
        }
        header = step.value;
        return { done: true, header, rest: q.drain() };
      } catch (err) {
        failure = err;
        throw err;
      }
    },
    end() {
      if (header) return header;
      if (failure) throw new GgufError('invalid-state', 'The GGUF reader already failed.');
      failure = new GgufError('truncated', `The GGUF header is incomplete: at least ${needBytes} more bytes were expected.`);
      throw failure;
    },
  };
}

/** Parse the header at the start of `bytes` (a whole file or just its beginning). */
export function parseGgufHeader(bytes: Uint8Array, options: GgufReaderOptions = {}): GgufHeader {
  const reader = createGgufHeaderReader(options);
  const status = reader.push(bytes);
  return status.done ? status.header : reader.end();
}
