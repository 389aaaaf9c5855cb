/**
 * Plans how a GGUF file is cut into llama.cpp split shards (the layout of
 * `llama-gguf-split --split-max-size`): shard 1 keeps every original KV plus
 * split.no (u16, 0-based), split.count (u16) and split.tensors.count (i32,
 * the total over all shards); later shards carry only those split.* KVs and
 * their own tensor infos. Tensor offsets restart at 0 in each shard's data
 * section, and every tensor is padded to the alignment.
 *
 * Unlike gguf-split (which only counts tensor bytes), the limit applies to
 * the whole shard file, header included. Tensors are never cut: a shard is
 * closed before a tensor that would push it past the limit, and a tensor too
 * big for any shard goes alone into its own (flagged `oversized`).
 */
import { GgufError } from './gguf-errors';
import { findKv, GGUF_DEFAULT_ALIGNMENT, type GgufHeader, type GgufKv, type GgufTensorInfo } from './gguf-format';
import { alignUp } from './ggml-types';
import { encodeKv, GGUF_PREAMBLE_BYTES, kvI32, kvU16, kvU32, tensorInfoByteLength, writeGgufHeader } from './gguf-writer';

export const SPLIT_NO = 'split.no';
export const SPLIT_COUNT = 'split.count';
export const SPLIT_TENSORS_COUNT = 'split.tensors.count';
/** Default shard size limit: 512 MiB, well under wllama's 2 GB per-file limit. */
export const DEFAULT_MAX_SHARD_BYTES = 512 * 1024 * 1024;
/** split.count is a u16. */
export const MAX_SHARDS = 65_535;

export interface ShardTensor {
  /** The tensor as described in the source file (offset relative to the source data section). */
  source: GgufTensorInfo;
  /** Offset of its data in this shard's data section. */
  offset: number;
}

export interface ShardPlan {
  /** 0-based (split.no). */
  index: number;
  /** llama.cpp's naming: model-00001-of-00003.gguf. */
  fileName: string;
  tensors: ShardTensor[];
  /** Header bytes including the padding up to the data section. */
  headerByteLength: number;
  /** Tensor bytes including each tensor's padding. */
  dataByteLength: number;
  /** The shard file's exact size. */
  totalByteLength: number;
  /** True when a single tensor alone makes the shard exceed the limit. */
  oversized: boolean;
}

export interface SplitPlan {
  maxShardBytes: number;
  alignment: number;
  shardCount: number;
  tensorCount: number;
  /** Sum of all shard sizes. */
  totalByteLength: number;
  shards: ShardPlan[];
}

export function shardFileName(index: number, count: number, prefix = 'model'): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return `${prefix}-${pad(index + 1)}-of-${pad(count)}.gguf`;
}

const isSplitKey = (key: string) => key === SPLIT_NO || key === SPLIT_COUNT || key === SPLIT_TENSORS_COUNT;

function splitKvs(index: number, count: number, tensorCount: number): GgufKv[] {
  return [kvU16(SPLIT_NO, index), kvU16(SPLIT_COUNT, count), kvI32(SPLIT_TENSORS_COUNT, tensorCount)];
}

/**
 * KVs of a shard: shard 0 keeps every source KV (minus stale split.* keys)
 * and appends the split.* KVs, like gguf_set_kv + gguf_set_val_*. Later
 * shards only get the split.* KVs, plus general.alignment when the source
 * uses a non-default alignment (so llama.cpp reads them with the same one).
 */
export function shardKvs(header: GgufHeader, index: number, count: number): GgufKv[] {
  const split = splitKvs(index, count, header.tensors.length);
  if (index === 0) return [...header.kvs.filter((kv) => !isSplitKey(kv.key)), ...split];
  return header.alignment === GGUF_DEFAULT_ALIGNMENT ? split : [kvU32('general.alignment', header.alignment), ...split];
}

function checkSplittable(header: GgufHeader): void {
  const count = findKv(header, SPLIT_COUNT)?.value;
  if ((typeof count === 'number' || typeof count === 'bigint') && Number(count) > 1) {
    throw new GgufError('already-split', `This GGUF file already is one of ${count} shards.`);
  }
}

/** Plan the shards for `header` with at most `maxShardBytes` per shard file (pure). */
export function planSplit(header: GgufHeader, maxShardBytes: number = DEFAULT_MAX_SHARD_BYTES): SplitPlan {
  if (!Number.isSafeInteger(maxShardBytes) || maxShardBytes <= 0) {
    throw new GgufError('invalid-options', `maxShardBytes must be a positive integer, got ${maxShardBytes}.`);
  }
  checkSplittable(header);
  const { alignment } = header;
  const kvBytes = (kvs: GgufKv[]) => kvs.reduce((n, kv) => n + encodeKv(kv).length, 0);
  // split.* values have fixed sizes, so 0 placeholders give the right lengths.
  const firstBase = GGUF_PREAMBLE_BYTES + kvBytes(shardKvs(header, 0, 0));
  const laterBase = GGUF_PREAMBLE_BYTES + kvBytes(shardKvs(header, 1, 0));

  const shards: ShardPlan[] = [];
  let base = firstBase;
  let infoBytes = 0;
  let cur = openShard(0);

  function openShard(index: number): ShardPlan {
    return { index, fileName: '', tensors: [], headerByteLength: alignUp(base, alignment), dataByteLength: 0, totalByteLength: 0, oversized: false };
  }
  function close(): void {
    cur.totalByteLength = cur.headerByteLength + cur.dataByteLength;
    cur.oversized = cur.totalByteLength > maxShardBytes;
    shards.push(cur);
  }

  for (const t of header.tensors) {
    const info = tensorInfoByteLength(t);
    const padded = alignUp(t.byteSize, alignment);
    if (cur.tensors.length > 0 && alignUp(base + infoBytes + info, alignment) + cur.dataByteLength + padded > maxShardBytes) {
      close();
      base = laterBase;
      infoBytes = 0;
      cur = openShard(shards.length);
    }
    cur.tensors.push({ source: t, offset: cur.dataByteLength });
    infoBytes += info;
    cur.headerByteLength = alignUp(base + infoBytes, alignment);
    cur.dataByteLength += padded;
  }
  close();

  if (shards.length > MAX_SHARDS) {
    throw new GgufError('invalid-options', `maxShardBytes ${maxShardBytes} would need ${shards.length} shards (max ${MAX_SHARDS}).`);
  }
  for (const s of shards) s.fileName = shardFileName(s.index, shards.length);
  return {
    maxShardBytes,
    alignment,
    shardCount: shards.length,
    tensorCount: header.tensors.length,
    totalByteLength: shards.reduce((n, s) => n + s.totalByteLength, 0),
    shards,
  };
}

/** The header bytes (padded) of shard `index` of `plan`. */
export function buildShardHeader(header: GgufHeader, plan: SplitPlan, index: number): Uint8Array {
  const shard = plan.shards[index];
  if (!shard) throw new GgufError('invalid-options', `Shard ${index} is not in the plan.`);
  const bytes = writeGgufHeader({
    kvs: shardKvs(header, index, plan.shardCount),
    tensors: shard.tensors.map((t) => ({ name: t.source.name, dims: t.source.dims, type: t.source.type, offset: t.offset })),
    alignment: plan.alignment,
  });
  if (bytes.length !== shard.headerByteLength) {
    throw new GgufError('corrupt', `Shard ${index} header is ${bytes.length} bytes, planned ${shard.headerByteLength}.`);
  }
  return bytes;
}
