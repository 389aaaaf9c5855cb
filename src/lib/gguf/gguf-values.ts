/**
 * Resumable readers for GGUF KV values. Each is a generator that yields the
 * number of bytes it still lacks whenever the queue runs dry, so a caller can
 * feed more bytes and resume. Every length read from the file is checked
 * against the limits (and the header byte budget) BEFORE anything is
 * allocated or awaited.
 */
import type { ByteQueue } from './byte-queue';
import { GgufError } from './gguf-errors';
import { GGUF_SCALAR_SIZE, GgufType, type GgufArray, type GgufLimits, type GgufNumericArray, type GgufScalar } from './gguf-format';

/** Yields the missing byte count until the queue holds `n` bytes. */
export type Needs<T> = Generator<number, T, void>;

export function* need(q: ByteQueue, n: number): Needs<void> {
  while (q.available < n) yield n - q.available;
}

/** Throws 'corrupt' if reading `n` more bytes would exceed the header budget. */
export function checkBudget(q: ByteQueue, n: number, limits: GgufLimits, what: string): void {
  if (q.consumed + n > limits.maxHeaderBytes) {
    throw new GgufError('corrupt', `GGUF header too large: ${what} would pass ${limits.maxHeaderBytes} bytes.`);
  }
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Short ASCII strings (most token texts) skip TextDecoder, which is slow per call. */
function decodeUtf8(b: Uint8Array): string {
  if (b.length > 64) return decoder.decode(b);
  let s = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (c >= 0x80) return decoder.decode(b);
    s += String.fromCharCode(c);
  }
  return s;
}

export function* readString(q: ByteQueue, maxBytes: number, limits: GgufLimits, what: string): Needs<string> {
  if (q.available < 8) yield* need(q, 8);
  const len = q.u64();
  if (len > BigInt(maxBytes)) throw new GgufError('corrupt', `${what} is ${len} bytes long (limit ${maxBytes}).`);
  const n = Number(len);
  checkBudget(q, n, limits, what);
  if (q.available < n) yield* need(q, n);
  return decodeUtf8(q.take(n));
}

function isValueType(t: number): t is GgufType {
  return Number.isInteger(t) && t >= 0 && t <= GgufType.FLOAT64;
}

export function* readValueType(q: ByteQueue, key: string): Needs<GgufType> {
  yield* need(q, 4);
  const t = q.u32();
  if (!isValueType(t)) throw new GgufError('corrupt', `KV "${key}" has invalid value type ${t}.`);
  return t;
}

export function* readScalar(q: ByteQueue, type: GgufType, limits: GgufLimits, key: string): Needs<GgufScalar> {
  if (type === GgufType.STRING) return yield* readString(q, limits.maxStringBytes, limits, `KV "${key}"`);
  const size = GGUF_SCALAR_SIZE[type];
  if (size === undefined) throw new GgufError('corrupt', `KV "${key}" has invalid value type ${type}.`);
  yield* need(q, size);
  switch (type) {
    case GgufType.UINT8:
      return q.u8();
    case GgufType.INT8:
      return q.view(1).getInt8(0);
    case GgufType.UINT16:
      return q.u16();
    case GgufType.INT16:
      return q.view(2).getInt16(0, true);
    case GgufType.UINT32:
      return q.u32();
    case GgufType.INT32:
      return q.view(4).getInt32(0, true);
    case GgufType.FLOAT32:
      return q.view(4).getFloat32(0, true);
    case GgufType.BOOL:
      return q.u8() !== 0;
    case GgufType.UINT64:
      return q.u64();
    case GgufType.INT64:
      return q.view(8).getBigInt64(0, true);
    default:
      return q.view(8).getFloat64(0, true);
  }
}

type NumericDecoder = [new (n: number) => GgufNumericArray, (dv: DataView, at: number) => number | bigint];

const NUMERIC: Readonly<Record<number, NumericDecoder>> = {
  [GgufType.UINT8]: [Uint8Array, (dv, at) => dv.getUint8(at)],
  [GgufType.INT8]: [Int8Array, (dv, at) => dv.getInt8(at)],
  [GgufType.UINT16]: [Uint16Array, (dv, at) => dv.getUint16(at, true)],
  [GgufType.INT16]: [Int16Array, (dv, at) => dv.getInt16(at, true)],
  [GgufType.UINT32]: [Uint32Array, (dv, at) => dv.getUint32(at, true)],
  [GgufType.INT32]: [Int32Array, (dv, at) => dv.getInt32(at, true)],
  [GgufType.FLOAT32]: [Float32Array, (dv, at) => dv.getFloat32(at, true)],
  [GgufType.UINT64]: [BigUint64Array, (dv, at) => dv.getBigUint64(at, true)],
  [GgufType.INT64]: [BigInt64Array, (dv, at) => dv.getBigInt64(at, true)],
  [GgufType.FLOAT64]: [Float64Array, (dv, at) => dv.getFloat64(at, true)],
};

/** An array value (after its ARRAY type tag): item type, u64 count, items. */
export function* readArray(q: ByteQueue, limits: GgufLimits, key: string): Needs<{ itemType: GgufType; value: GgufArray }> {
  const itemType = yield* readValueType(q, key);
  if (itemType === GgufType.ARRAY) throw new GgufError('corrupt', `KV "${key}" is a nested array, which GGUF does not allow.`);
  yield* need(q, 8);
  const len = q.u64();
  if (len > BigInt(limits.maxArrayLength)) {
    throw new GgufError('corrupt', `KV "${key}" claims ${len} items (limit ${limits.maxArrayLength}).`);
  }
  const count = Number(len);
  if (itemType === GgufType.STRING) {
    checkBudget(q, count * 8, limits, `KV "${key}"`);
    const items: string[] = [];
    for (let i = 0; i < count; i++) items.push(yield* readString(q, limits.maxStringBytes, limits, `KV "${key}"[${i}]`));
    return { itemType, value: items };
  }
  const size = GGUF_SCALAR_SIZE[itemType] as number;
  checkBudget(q, count * size, limits, `KV "${key}"`);
  yield* need(q, count * size);
  const bytes = q.take(count * size);
  if (itemType === GgufType.BOOL) return { itemType, value: Array.from(bytes, (b) => b !== 0) };
  const [Ctor, get] = NUMERIC[itemType] as NumericDecoder;
  const out = new Ctor(count);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) (out as unknown as (number | bigint)[])[i] = get(dv, i * size);
  return { itemType, value: out };
}
