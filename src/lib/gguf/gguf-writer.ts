/**
 * Serialises GGUF headers: magic, version, counts, KVs, tensor infos and the
 * zero padding up to the alignment (what llama.cpp's gguf_write_out emits
 * before the data section). KVs read from a file are copied byte for byte.
 */
import { concatBytes } from './byte-queue';
import { GgufError } from './gguf-errors';
import {
  GGUF_MAGIC,
  GGUF_SCALAR_SIZE,
  GGUF_WRITE_VERSION,
  GgufType,
  type GgufKv,
  type GgufScalar,
  type GgufTensorInfo,
} from './gguf-format';
import { alignUp } from './ggml-types';

const encoder = new TextEncoder();

/** Fields of a tensor info that are written (offset is relative to the data section). */
export type TensorInfoFields = Pick<GgufTensorInfo, 'name' | 'dims' | 'type' | 'offset'>;

export interface GgufHeaderSpec {
  kvs: readonly GgufKv[];
  tensors: readonly TensorInfoFields[];
  alignment: number;
  /** Defaults to 3. */
  version?: number;
}

class Out {
  private parts: Uint8Array[] = [];
  private cur = new DataView(new ArrayBuffer(4096));
  private at = 0;

  private room(n: number): DataView {
    if (this.at + n > this.cur.byteLength) {
      this.flush();
      if (n > this.cur.byteLength) this.cur = new DataView(new ArrayBuffer(Math.max(n, 4096)));
    }
    return this.cur;
  }
  private flush(): void {
    if (this.at > 0) this.parts.push(new Uint8Array(this.cur.buffer.slice(0, this.at)));
    this.cur = new DataView(new ArrayBuffer(this.cur.byteLength));
    this.at = 0;
  }
  u8(v: number) { this.room(1).setUint8(this.at, v); this.at += 1; }
  i8(v: number) { this.room(1).setInt8(this.at, v); this.at += 1; }
  u16(v: number) { this.room(2).setUint16(this.at, v, true); this.at += 2; }
  i16(v: number) { this.room(2).setInt16(this.at, v, true); this.at += 2; }
  u32(v: number) { this.room(4).setUint32(this.at, v, true); this.at += 4; }
  i32(v: number) { this.room(4).setInt32(this.at, v, true); this.at += 4; }
  f32(v: number) { this.room(4).setFloat32(this.at, v, true); this.at += 4; }
  f64(v: number) { this.room(8).setFloat64(this.at, v, true); this.at += 8; }
  u64(v: bigint | number) { this.room(8).setBigUint64(this.at, BigInt(v), true); this.at += 8; }
  i64(v: bigint) { this.room(8).setBigInt64(this.at, v, true); this.at += 8; }
  bytes(b: Uint8Array) { this.flush(); this.parts.push(b); }
  str(s: string) { const b = encoder.encode(s); this.u64(b.length); this.bytes(b); }
  done(): Uint8Array { this.flush(); return concatBytes(this.parts); }
}

function bad(key: string, why: string): never {
  throw new GgufError('invalid-options', `Cannot write KV "${key}": ${why}`);
}

function writeScalar(out: Out, type: GgufType, v: GgufScalar, key: string): void {
  if (type === GgufType.STRING) return typeof v === 'string' ? out.str(v) : bad(key, 'expected a string');
  if (type === GgufType.BOOL) return out.u8(v === true || v === 1 ? 1 : 0);
  if (type === GgufType.UINT64 || type === GgufType.INT64) {
    if (typeof v !== 'bigint' && typeof v !== 'number') bad(key, 'expected a bigint');
    return type === GgufType.UINT64 ? out.u64(BigInt(v)) : out.i64(BigInt(v));
  }
  if (typeof v !== 'number') bad(key, 'expected a number');
  switch (type) {
    case GgufType.UINT8: return out.u8(v);
    case GgufType.INT8: return out.i8(v);
    case GgufType.UINT16: return out.u16(v);
    case GgufType.INT16: return out.i16(v);
    case GgufType.UINT32: return out.u32(v);
    case GgufType.INT32: return out.i32(v);
    case GgufType.FLOAT32: return out.f32(v);
    case GgufType.FLOAT64: return out.f64(v);
    default: bad(key, `invalid value type ${type}`);
  }
}

/** The bytes of one KV: the original bytes when `raw` is present, else encoded from `value`. */
export function encodeKv(kv: GgufKv): Uint8Array {
  if (kv.raw) return kv.raw;
  if (!kv.key) bad(kv.key, 'empty key');
  const out = new Out();
  out.str(kv.key);
  out.u32(kv.type);
  if (kv.type !== GgufType.ARRAY) {
    writeScalar(out, kv.type, kv.value as GgufScalar, kv.key);
    return out.done();
  }
  const itemType = kv.itemType;
  if (itemType === undefined || itemType === GgufType.ARRAY || !(itemType in GGUF_SCALAR_SIZE || itemType === GgufType.STRING)) {
    bad(kv.key, 'invalid array item type');
  }
  const items = kv.value as ArrayLike<GgufScalar>;
  if (typeof items !== 'object' || typeof items.length !== 'number') bad(kv.key, 'expected an array');
  out.u32(itemType);
  out.u64(items.length);
  for (let i = 0; i < items.length; i++) writeScalar(out, itemType, items[i] as GgufScalar, kv.key);
  return out.done();
}

export function encodeTensorInfo(t: TensorInfoFields): Uint8Array {
  const out = new Out();
  out.str(t.name);
  out.u32(t.dims.length);
  for (const d of t.dims) out.u64(d);
  out.u32(t.type);
  out.u64(t.offset);
  return out.done();
}

/** Encoded size of a tensor info, without encoding it. */
export function tensorInfoByteLength(t: Pick<GgufTensorInfo, 'name' | 'dims'>): number {
  return 8 + encoder.encode(t.name).length + 4 + 8 * t.dims.length + 4 + 8;
}

/** Fixed part: magic, version, tensor count, KV count. */
export const GGUF_PREAMBLE_BYTES = 4 + 4 + 8 + 8;

/** A complete header, padded with zeros to a multiple of `alignment`. */
export function writeGgufHeader(spec: GgufHeaderSpec): Uint8Array {
  const { alignment } = spec;
  if (!Number.isInteger(alignment) || alignment <= 0 || (alignment & (alignment - 1)) !== 0) {
    throw new GgufError('invalid-options', `Alignment ${alignment} is not a power of two.`);
  }
  const out = new Out();
  out.u32(GGUF_MAGIC);
  out.u32(spec.version ?? GGUF_WRITE_VERSION);
  out.u64(spec.tensors.length);
  out.u64(spec.kvs.length);
  for (const kv of spec.kvs) out.bytes(encodeKv(kv));
  for (const t of spec.tensors) out.bytes(encodeTensorInfo(t));
  const body = out.done();
  const padded = alignUp(body.length, alignment);
  if (padded === body.length) return body;
  const result = new Uint8Array(padded);
  result.set(body);
  return result;
}

/** Convenience constructors for the KVs the splitter adds. */
export const kvU16 = (key: string, value: number): GgufKv => ({ key, type: GgufType.UINT16, value });
export const kvI32 = (key: string, value: number): GgufKv => ({ key, type: GgufType.INT32, value });
export const kvU32 = (key: string, value: number): GgufKv => ({ key, type: GgufType.UINT32, value });
