import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GgufType, findKv, type GgufKv } from './gguf-format';
import { createGgufHeaderReader, parseGgufHeader } from './gguf-reader';
import { encodeKv, writeGgufHeader, type TensorInfoFields } from './gguf-writer';
import { errorCodeOf, seededRandom, withoutRaw } from './gguf-test-support';
import { alignUp, tensorByteSize } from './ggml-types';

const MODEL_PATH = resolve(import.meta.dirname, '../../../../shared/fixtures/models/stories260K.gguf');
const model = new Uint8Array(readFileSync(MODEL_PATH));

/** A little-endian byte builder for hand-made (broken) headers. */
function bytes(...parts: (['u32', number] | ['u64', bigint] | ['str', string] | ['raw', Uint8Array])[]): Uint8Array {
  const out: number[] = [];
  for (const [kind, v] of parts) {
    if (kind === 'u32') for (let i = 0; i < 4; i++) out.push((v >>> (8 * i)) & 0xff);
    if (kind === 'u64') for (let i = 0n; i < 8n; i++) out.push(Number((v >> (8n * i)) & 0xffn));
    if (kind === 'str') {
      const b = new TextEncoder().encode(v);
      for (let i = 0n; i < 8n; i++) out.push(Number((BigInt(b.length) >> (8n * i)) & 0xffn));
      out.push(...b);
    }
    if (kind === 'raw') out.push(...v);
  }
  return new Uint8Array(out);
}

const MAGIC = 0x46554747;

const arch: GgufKv = { key: 'general.architecture', type: GgufType.STRING, value: 'llama' };

function synthetic(tensors: TensorInfoFields[], kvs: GgufKv[] = [arch], alignment = 32): Uint8Array {
  return writeGgufHeader({ kvs, tensors, alignment });
}

describe('parseGgufHeader on stories260K.gguf', () => {
  const header = parseGgufHeader(model);

  it('reads the counts, KVs and tensor infos', () => {
    expect(header.version).toBe(3);
    expect(header.kvs).toHaveLength(19);
    expect(header.tensors).toHaveLength(48);
    expect(header.alignment).toBe(32);
    expect(findKv(header, 'general.architecture')?.value).toBe('llama');
    expect(findKv(header, 'llama.block_count')?.value).toBe(5);
    const tokens = findKv(header, 'tokenizer.ggml.tokens');
    expect(tokens?.type).toBe(GgufType.ARRAY);
    expect(tokens?.itemType).toBe(GgufType.STRING);
    expect((tokens?.value as string[]).length).toBe(512);
    expect(findKv(header, 'tokenizer.ggml.scores')?.value).toBeInstanceOf(Float32Array);
  });

  it('computes every tensor size and a consistent layout', () => {
    let expectedOffset = 0;
    for (const t of header.tensors) {
      expect(t.type).toBe(0); // F32
      expect(t.byteSize).toBe(t.dims.reduce((a, b) => a * b, 1) * 4);
      expect(t.offset).toBe(expectedOffset);
      expectedOffset = alignUp(t.offset + t.byteSize, 32);
    }
    expect(header.dataOffset % 32).toBe(0);
    expect(header.dataOffset).toBe(alignUp(header.headerByteLength, 32));
    const end = header.dataOffset + header.dataByteLength;
    expect(end).toBeLessThanOrEqual(model.length);
    expect(model.length - end).toBeLessThan(32);
  });

  it('gives the same header however the bytes are chunked', () => {
    for (const seed of [1, 2, 3]) {
      const rand = seededRandom(seed);
      const reader = createGgufHeaderReader();
      let at = 0;
      let rest: Uint8Array[] = [];
      for (;;) {
        const size = rand() < 0.3 ? 1 : 1 + Math.floor(rand() * 4000);
        const status = reader.push(model.subarray(at, at + size));
        at += size;
        if (status.done) {
          rest = status.rest;
          break;
        }
        expect(status.needBytes).toBeGreaterThan(0);
      }
      expect(reader.header).toEqual(header);
      const restLength = rest.reduce((n, c) => n + c.length, 0);
      expect(at - restLength).toBe(header.headerByteLength);
      expect(rest[0]?.[0]).toBe(model[header.headerByteLength]);
    }
  });

  it('round-trips through the writer byte for byte (raw KVs and re-encoded KVs)', () => {
    const original = model.subarray(0, header.dataOffset);
    expect(writeGgufHeader({ kvs: header.kvs, tensors: header.tensors, alignment: 32 })).toEqual(original);
    const reencoded = header.kvs.map(withoutRaw);
    expect(writeGgufHeader({ kvs: reencoded, tensors: header.tensors, alignment: 32 })).toEqual(original);
  });
});

describe('KV values of every type', () => {
  it('encode and decode identically, incl. arrays, bools, 64-bit and non-ASCII strings', () => {
    const kvs: GgufKv[] = [
      arch,
      { key: 'u8', type: GgufType.UINT8, value: 255 },
      { key: 'i8', type: GgufType.INT8, value: -128 },
      { key: 'u16', type: GgufType.UINT16, value: 65535 },
      { key: 'i16', type: GgufType.INT16, value: -32768 },
      { key: 'u32', type: GgufType.UINT32, value: 4294967295 },
      { key: 'i32', type: GgufType.INT32, value: -2147483648 },
      { key: 'f32', type: GgufType.FLOAT32, value: 1.5 },
      { key: 'bool', type: GgufType.BOOL, value: true },
      { key: 'str', type: GgufType.STRING, value: '\uFEFFhé 😀' },
      { key: 'u64', type: GgufType.UINT64, value: 2n ** 64n - 1n },
      { key: 'i64', type: GgufType.INT64, value: -(2n ** 63n) },
      { key: 'f64', type: GgufType.FLOAT64, value: Math.PI },
      { key: 'a.f32', type: GgufType.ARRAY, itemType: GgufType.FLOAT32, value: new Float32Array([1, -2.5, 3]) },
      { key: 'a.i64', type: GgufType.ARRAY, itemType: GgufType.INT64, value: new BigInt64Array([-1n, 5n]) },
      { key: 'a.bool', type: GgufType.ARRAY, itemType: GgufType.BOOL, value: [true, false] },
      { key: 'a.str', type: GgufType.ARRAY, itemType: GgufType.STRING, value: ['a', '', 'ü'] },
      { key: 'a.empty', type: GgufType.ARRAY, itemType: GgufType.UINT8, value: new Uint8Array(0) },
    ];
    const parsed = parseGgufHeader(synthetic([], kvs));
    expect(parsed.kvs.map(withoutRaw)).toEqual(kvs);
    for (const kv of parsed.kvs) expect(kv.raw).toEqual(encodeKv({ ...kv, raw: undefined }));
  });
});

describe('tensor sizes', () => {
  it('follow the ggml block tables', () => {
    expect(tensorByteSize(0, [4096, 32000])).toBe(4096 * 32000 * 4);
    expect(tensorByteSize(1, [4096])).toBe(8192);
    expect(tensorByteSize(2, [4096, 4096])).toBe((4096 / 32) * 18 * 4096); // Q4_0
    expect(tensorByteSize(8, [4096, 11008])).toBe((4096 / 32) * 34 * 11008); // Q8_0
    expect(tensorByteSize(12, [4096, 4096])).toBe(16 * 144 * 4096); // Q4_K
    expect(tensorByteSize(14, [4096, 32000])).toBe(16 * 210 * 32000); // Q6_K
    expect(tensorByteSize(23, [256, 2, 3])).toBe(136 * 6); // IQ4_XS
    expect(tensorByteSize(0, [0, 100])).toBe(0);
    expect(errorCodeOf(() => tensorByteSize(4, [32]))).toBe('unsupported-tensor-type');
    expect(errorCodeOf(() => tensorByteSize(12, [4000]))).toBe('corrupt');
  });
});

describe('bad input', () => {
  const valid = synthetic([{ name: 't', dims: [32], type: 0, offset: 0 }]);

  it('rejects a bad magic with not-gguf', () => {
    expect(errorCodeOf(() => parseGgufHeader(new TextEncoder().encode('<!DOCTYPE html><html>')))).toBe('not-gguf');
  });

  it('reports truncation and says how many bytes it needs', () => {
    const reader = createGgufHeaderReader();
    const status = reader.push(model.subarray(0, 1000));
    expect(status.done).toBe(false);
    expect(errorCodeOf(() => reader.end())).toBe('truncated');
    expect(errorCodeOf(() => parseGgufHeader(model.subarray(0, 10)))).toBe('truncated');
    expect(errorCodeOf(() => parseGgufHeader(valid.subarray(0, valid.length - 40)))).toBe('truncated');
  });

  it('rejects unsupported versions', () => {
    for (const version of [1, 4, 0x03000000]) {
      expect(errorCodeOf(() => parseGgufHeader(bytes(['u32', MAGIC], ['u32', version], ['u64', 0n], ['u64', 0n])))).toBe('unsupported-version');
    }
  });

  it('rejects absurd counts and lengths at once, from a few dozen bytes, without allocating for them', () => {
    const before = process.memoryUsage().arrayBuffers;
    const head = (nTensors: bigint, nKv: bigint) => bytes(['u32', MAGIC], ['u32', 3], ['u64', nTensors], ['u64', nKv]);
    expect(errorCodeOf(() => createGgufHeaderReader().push(head(1n << 40n, 0n)))).toBe('corrupt');
    expect(errorCodeOf(() => createGgufHeaderReader().push(head(0n, 1n << 62n)))).toBe('corrupt');
    // A key claiming 2^62 bytes, then a string value claiming 1 GiB: refused without waiting for (or allocating) them.
    expect(errorCodeOf(() => createGgufHeaderReader().push(bytes(['raw', head(0n, 1n)], ['u64', 1n << 62n])))).toBe('corrupt');
    const strKv = bytes(['raw', head(0n, 1n)], ['str', 'k'], ['u32', GgufType.STRING], ['u64', 1n << 30n]);
    expect(errorCodeOf(() => createGgufHeaderReader().push(strKv))).toBe('corrupt');
    const arrKv = bytes(['raw', head(0n, 1n)], ['str', 'k'], ['u32', GgufType.ARRAY], ['u32', GgufType.UINT32], ['u64', 1n << 40n]);
    expect(errorCodeOf(() => createGgufHeaderReader().push(arrKv))).toBe('corrupt');
    const nested = bytes(['raw', head(0n, 1n)], ['str', 'k'], ['u32', GgufType.ARRAY], ['u32', GgufType.ARRAY], ['u64', 1n]);
    expect(errorCodeOf(() => createGgufHeaderReader().push(nested))).toBe('corrupt');
    const badType = bytes(['raw', head(0n, 1n)], ['str', 'k'], ['u32', 13]);
    expect(errorCodeOf(() => createGgufHeaderReader().push(badType))).toBe('corrupt');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('enforces the header byte budget', () => {
    expect(errorCodeOf(() => parseGgufHeader(model, { limits: { maxHeaderBytes: 4096 } }))).toBe('corrupt');
    expect(errorCodeOf(() => parseGgufHeader(model, { limits: { maxArrayLength: 100 } }))).toBe('corrupt');
  });

  it('validates tensor infos like llama.cpp', () => {
    const t = (over: Partial<TensorInfoFields>): TensorInfoFields => ({ name: 'a', dims: [32], type: 0, offset: 0, ...over });
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({ type: 99 })])))).toBe('unsupported-tensor-type');
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({ type: 31 })])))).toBe('unsupported-tensor-type');
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({ type: 2, dims: [33] })])))).toBe('corrupt');
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({ dims: [1, 1, 1, 1, 1] })])))).toBe('corrupt');
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({ offset: 16 })])))).toBe('corrupt');
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({ name: 'x'.repeat(64) })])))).toBe('corrupt');
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({}), t({ name: 'b', offset: 0 })])))).toBe('corrupt'); // overlap
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({}), t({ offset: 128 })])))).toBe('corrupt'); // duplicate name
    expect(errorCodeOf(() => parseGgufHeader(synthetic([t({ dims: [2 ** 40, 2 ** 40] })])))).toBe('corrupt');
  });

  it('validates general.alignment and duplicate keys', () => {
    const align = (value: number, type: GgufType = GgufType.UINT32): GgufKv => ({ key: 'general.alignment', type, value });
    expect(errorCodeOf(() => parseGgufHeader(synthetic([], [arch, align(48)])))).toBe('corrupt');
    expect(errorCodeOf(() => parseGgufHeader(synthetic([], [arch, align(32, GgufType.UINT16)])))).toBe('corrupt');
    expect(errorCodeOf(() => parseGgufHeader(synthetic([], [arch, align(1 << 30)])))).toBe('corrupt');
    expect(parseGgufHeader(synthetic([], [arch, align(64)]), {}).alignment).toBe(64);
    expect(errorCodeOf(() => parseGgufHeader(synthetic([], [arch, arch])))).toBe('corrupt');
  });

  it('refuses further input after a failure', () => {
    const reader = createGgufHeaderReader();
    expect(errorCodeOf(() => reader.push(new TextEncoder().encode('nope')))).toBe('not-gguf');
    expect(errorCodeOf(() => reader.push(model))).toBe('invalid-state');
  });
});
