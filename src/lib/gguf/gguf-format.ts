/**
 * The GGUF container format (little-endian, versions 2 and 3):
 *
 *   magic "GGUF" | u32 version | u64 tensor count | u64 KV count
 *   KVs:          string key | u32 value type | value
 *                 (arrays: u32 item type | u64 length | items)
 *   tensor infos: string name | u32 n_dims | u64 dims[n_dims] | u32 ggml type | u64 offset
 *   zero padding to `general.alignment` (default 32), then the data section;
 *   each tensor's offset is relative to the data section and aligned.
 *
 * Strings are u64 byte length + UTF-8 bytes (no terminator).
 */

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
export const GGUF_DEFAULT_ALIGNMENT = 32;
/** Version written by the writer (what llama.cpp writes). */
export const GGUF_WRITE_VERSION = 3;

export const GgufType = {
  UINT8: 0,
  INT8: 1,
  UINT16: 2,
  INT16: 3,
  UINT32: 4,
  INT32: 5,
  FLOAT32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  UINT64: 10,
  INT64: 11,
  FLOAT64: 12,
} as const;
export type GgufType = (typeof GgufType)[keyof typeof GgufType];

/** Bytes of one fixed-size value of each scalar type (strings and arrays are variable). */
export const GGUF_SCALAR_SIZE: Readonly<Record<number, number>> = {
  [GgufType.UINT8]: 1,
  [GgufType.INT8]: 1,
  [GgufType.UINT16]: 2,
  [GgufType.INT16]: 2,
  [GgufType.UINT32]: 4,
  [GgufType.INT32]: 4,
  [GgufType.FLOAT32]: 4,
  [GgufType.BOOL]: 1,
  [GgufType.UINT64]: 8,
  [GgufType.INT64]: 8,
  [GgufType.FLOAT64]: 8,
};

export type GgufScalar = number | bigint | boolean | string;
export type GgufNumericArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array
  | BigUint64Array
  | BigInt64Array;
export type GgufArray = GgufNumericArray | boolean[] | string[];

export interface GgufKv {
  key: string;
  /** Value type; GgufType.ARRAY for arrays. */
  type: GgufType;
  /** Item type of an array (never ARRAY: GGUF has no nested arrays). */
  itemType?: GgufType;
  /** u64/i64 are bigints, f32/f64 numbers; arrays of numbers are typed arrays. */
  value: GgufScalar | GgufArray;
  /**
   * The exact bytes of this KV (key included) as read from the file. The
   * writer copies them verbatim, so strings that are not valid UTF-8 and
   * NaN payloads survive a rewrite unchanged. Drop it after changing `value`.
   */
  raw?: Uint8Array;
}

export interface GgufTensorInfo {
  name: string;
  /** Shape, innermost first (ggml's ne[]); length is n_dims (0..4). */
  dims: number[];
  /** ggml type id (see ggml-types.ts). */
  type: number;
  /** Offset of the tensor's data, relative to the data section. */
  offset: number;
  /** Bytes of the tensor's data (without alignment padding). */
  byteSize: number;
}

export interface GgufHeader {
  version: number;
  alignment: number;
  kvs: GgufKv[];
  tensors: GgufTensorInfo[];
  /** Bytes from the start of the file to the end of the last tensor info. */
  headerByteLength: number;
  /** Absolute file offset of the data section (headerByteLength padded to alignment). */
  dataOffset: number;
  /** End of the last tensor's data, relative to the data section. */
  dataByteLength: number;
}

/** Sanity limits: anything beyond them is reported as 'corrupt' before allocating. */
export interface GgufLimits {
  /** Longest KV string value, and longest key (bytes). */
  maxStringBytes: number;
  /** Most items in one KV array. */
  maxArrayLength: number;
  maxKvCount: number;
  maxTensorCount: number;
  /** Whole header (KVs + tensor infos), bytes. */
  maxHeaderBytes: number;
  /** Largest accepted general.alignment. */
  maxAlignment: number;
}

export const DEFAULT_GGUF_LIMITS: Readonly<GgufLimits> = {
  maxStringBytes: 16 * 1024 * 1024,
  maxArrayLength: 16 * 1024 * 1024,
  maxKvCount: 65_536,
  maxTensorCount: 65_536,
  maxHeaderBytes: 256 * 1024 * 1024,
  maxAlignment: 65_536,
};

export function findKv(header: Pick<GgufHeader, 'kvs'>, key: string): GgufKv | undefined {
  return header.kvs.find((kv) => kv.key === key);
}
