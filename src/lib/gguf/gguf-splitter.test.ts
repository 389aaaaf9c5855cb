import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GgufType, findKv, type GgufHeader, type GgufKv } from './gguf-format';
import { parseGgufHeader } from './gguf-reader';
import { createGgufSplitter, planSplit, type SplitPlan } from './gguf-splitter';
import { writeGgufHeader } from './gguf-writer';
import { errorCodeOf, sameBytes, seededRandom, withoutRaw } from './gguf-test-support';
import { alignUp } from './ggml-types';

const MODEL_PATH = resolve(import.meta.dirname, '../../../../shared/fixtures/models/stories260K.gguf');
const model = new Uint8Array(readFileSync(MODEL_PATH));
const source = parseGgufHeader(model);

interface SplitResult {
  plan: SplitPlan;
  shards: Uint8Array[];
  events: string[];
}

/** Split `file` fed in random-sized chunks (seeded); collects shard bytes and the callback order. */
function split(file: Uint8Array, maxShardBytes: number, seed: number): SplitResult {
  const rand = seededRandom(seed);
  const parts: Uint8Array[][] = [];
  const events: string[] = [];
  let plan: SplitPlan | null = null;
  const splitter = createGgufSplitter({
    maxShardBytes,
    onPlan: (p) => {
      plan = p;
      events.push('plan');
    },
    onShardStart: (i, header) => {
      events.push(`start ${i}`);
      parts[i] = [header.slice()];
    },
    onShardData: (i, chunk) => {
      if (events.at(-1) !== `data ${i}`) events.push(`data ${i}`);
      parts[i]?.push(chunk.slice());
    },
    onShardEnd: (i) => events.push(`end ${i}`),
  });
  for (let at = 0; at < file.length; ) {
    const size = rand() < 0.2 ? 1 + Math.floor(rand() * 7) : 1 + Math.floor(rand() * 70_000);
    splitter.push(file.subarray(at, at + size));
    at += size;
  }
  splitter.end();
  expect(splitter.done).toBe(true);
  expect(splitter.bytesReceived).toBe(file.length);
  const shards = parts.map((p) => {
    const out = new Uint8Array(p.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of p) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  });
  return { plan: plan as unknown as SplitPlan, shards, events };
}

/** Every check a loader would care about, shard by shard, against the source file. */
function checkShards(file: Uint8Array, src: GgufHeader, { plan, shards, events }: SplitResult): GgufHeader[] {
  const n = shards.length;
  expect(plan.shardCount).toBe(n);
  expect(events).toEqual(['plan', ...shards.flatMap((_, i) => [`start ${i}`, `data ${i}`, `end ${i}`])]);
  const parsed = shards.map((bytes) => parseGgufHeader(bytes));
  const names: string[] = [];
  parsed.forEach((h, i) => {
    const shard = shards[i] as Uint8Array;
    const planned = plan.shards[i];
    expect(shard.length).toBe(planned?.totalByteLength);
    if (!planned?.oversized) expect(shard.length).toBeLessThanOrEqual(plan.maxShardBytes);
    expect(planned?.fileName).toBe(`model-${String(i + 1).padStart(5, '0')}-of-${String(n).padStart(5, '0')}.gguf`);
    const split = h.kvs.filter((kv) => kv.key.startsWith('split.')).map(withoutRaw);
    expect(split).toEqual([
      { key: 'split.no', type: GgufType.UINT16, value: i },
      { key: 'split.count', type: GgufType.UINT16, value: n },
      { key: 'split.tensors.count', type: GgufType.INT32, value: src.tensors.length },
    ]);
    const others = h.kvs.filter((kv) => !kv.key.startsWith('split.'));
    if (i === 0) expect(others.map(withoutRaw)).toEqual(src.kvs.map(withoutRaw));
    else expect(others.map((kv) => kv.key)).toEqual(src.alignment === 32 ? [] : ['general.alignment']);
    expect(h.alignment).toBe(src.alignment);
    expect(h.dataOffset % src.alignment).toBe(0);
    expect(h.tensors.length).toBeGreaterThan(0);
    let expectedOffset = 0;
    for (const t of h.tensors) {
      const orig = src.tensors.find((o) => o.name === t.name);
      if (!orig) throw new Error(`unknown tensor ${t.name}`);
      expect([t.dims, t.type, t.byteSize]).toEqual([orig.dims, orig.type, orig.byteSize]);
      expect(t.offset).toBe(expectedOffset);
      const at = h.dataOffset + t.offset;
      const want = file.subarray(src.dataOffset + orig.offset, src.dataOffset + orig.offset + orig.byteSize);
      expect(sameBytes(shard.subarray(at, at + t.byteSize), want), `bytes of ${t.name}`).toBe(true);
      const padEnd = h.dataOffset + alignUp(t.offset + t.byteSize, src.alignment);
      expect(shard.subarray(at + t.byteSize, padEnd).every((b) => b === 0)).toBe(true);
      expectedOffset = alignUp(t.offset + t.byteSize, src.alignment);
      names.push(t.name);
    }
    expect(shard.length).toBe(h.dataOffset + expectedOffset);
  });
  expect(names).toEqual(src.tensors.map((t) => t.name));
  return parsed;
}

describe('planSplit', () => {
  it('cuts stories260K into shards under the limit, in tensor order, without cutting tensors', () => {
    const plan = planSplit(source, 300_000);
    expect(plan.shardCount).toBeGreaterThanOrEqual(3);
    expect(plan.shards.flatMap((s) => s.tensors.map((t) => t.source.name))).toEqual(source.tensors.map((t) => t.name));
    for (const [i, s] of plan.shards.entries()) {
      expect(s.totalByteLength).toBeLessThanOrEqual(300_000);
      expect(s.oversized).toBe(false);
      const nextTensor = plan.shards[i + 1]?.tensors[0]?.source;
      // Greedy: the next shard's first tensor would not have fitted here.
      if (nextTensor) expect(s.totalByteLength + alignUp(nextTensor.byteSize, 32)).toBeGreaterThan(300_000);
    }
    expect(plan.totalByteLength).toBe(plan.shards.reduce((n, s) => n + s.totalByteLength, 0));
  });

  it('puts a tensor bigger than the limit alone in its shard', () => {
    const plan = planSplit(source, 100_000);
    const big = plan.shards.filter((s) => s.oversized);
    expect(big.length).toBe(2); // token_embd and output, 131072 bytes each
    for (const s of big) expect(s.tensors).toHaveLength(1);
  });

  it('makes one shard when everything fits, and rejects bad sizes', () => {
    const plan = planSplit(source);
    expect(plan.shardCount).toBe(1);
    expect(plan.shards[0]?.fileName).toBe('model-00001-of-00001.gguf');
    expect(plan.maxShardBytes).toBe(512 * 1024 * 1024);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(errorCodeOf(() => planSplit(source, bad))).toBe('invalid-options');
  });
});

describe('createGgufSplitter', () => {
  it('splits stories260K, fed in random chunks, into valid shards holding the original tensors', () => {
    for (const seed of [11, 22, 33]) {
      const result = split(model, 300_000, seed);
      expect(result.shards.length).toBeGreaterThanOrEqual(3);
      checkShards(model, source, result);
    }
  });

  it('gives identical shards whatever the chunking', () => {
    const a = split(model, 250_000, 1).shards;
    const b = split(model, 250_000, 2).shards;
    expect(b.length).toBe(a.length);
    b.forEach((shard, i) => expect(sameBytes(shard, a[i] as Uint8Array)).toBe(true));
  });

  it('handles one tensor per shard and the single-shard case', () => {
    const tiny = split(model, 1, 5);
    expect(tiny.shards).toHaveLength(48);
    checkShards(model, source, tiny);
    const one = split(model, 512 * 1024 * 1024, 6);
    expect(one.shards).toHaveLength(1);
    const [h] = checkShards(model, source, one);
    expect(h?.tensors).toHaveLength(48);
  });

  it('keeps a non-default alignment in every shard', () => {
    const rand = seededRandom(9);
    const kvs: GgufKv[] = [
      { key: 'general.architecture', type: GgufType.STRING, value: 'llama' },
      { key: 'general.alignment', type: GgufType.UINT32, value: 64 },
    ];
    const specs = [['a', 0, [100]], ['b', 8, [64, 3]], ['c', 12, [256, 2]], ['d', 1, [7]], ['e', 0, [0]], ['f', 2, [32, 5]]] as const;
    let offset = 0;
    const tensors = specs.map(([name, type, dims]) => {
      const t = { name, type, dims: [...dims], offset };
      const size = parseGgufHeader(writeGgufHeader({ kvs, tensors: [t], alignment: 64 })).tensors[0]?.byteSize ?? 0;
      offset = alignUp(offset + size, 64);
      return { ...t, size };
    });
    const header = writeGgufHeader({ kvs, tensors, alignment: 64 });
    const file = new Uint8Array(header.length + offset);
    file.set(header);
    for (let i = header.length; i < file.length; i++) file[i] = Math.floor(rand() * 256);
    const src = parseGgufHeader(file);
    const result = split(file, 700, 3);
    expect(result.shards.length).toBeGreaterThanOrEqual(3);
    checkShards(file, src, result);
  });

  it('reports truncated input, bad input and misuse with typed errors', () => {
    const noop = { onShardStart: () => {}, onShardData: () => {}, onShardEnd: () => {} };
    const cut = createGgufSplitter({ maxShardBytes: 300_000, ...noop });
    cut.push(model.subarray(0, 600_000));
    expect(cut.plan?.shardCount).toBeGreaterThanOrEqual(3);
    expect(errorCodeOf(() => cut.end())).toBe('truncated');
    expect(errorCodeOf(() => cut.push(model))).toBe('invalid-state');

    const headerOnly = createGgufSplitter(noop);
    headerOnly.push(model.subarray(0, 5000));
    expect(headerOnly.plan).toBeNull();
    expect(errorCodeOf(() => headerOnly.end())).toBe('truncated');

    const html = createGgufSplitter(noop);
    expect(errorCodeOf(() => html.push(new TextEncoder().encode('<html>not a model</html>')))).toBe('not-gguf');

    const junk = createGgufSplitter(noop);
    const padded = new Uint8Array(model.length + 100);
    padded.set(model);
    expect(errorCodeOf(() => junk.push(padded))).toBe('corrupt');

    const shard = split(model, 300_000, 4).shards[1] as Uint8Array;
    expect(errorCodeOf(() => createGgufSplitter(noop).push(shard))).toBe('already-split');
    expect(errorCodeOf(() => createGgufSplitter({ ...noop, maxShardBytes: 0 }))).toBe('invalid-options');

    const done = createGgufSplitter(noop);
    done.push(model);
    done.end();
    expect(errorCodeOf(() => done.end())).toBe('invalid-state');
  });

  it('resumes from a later shard with identical bytes for the remaining shards', () => {
    const full = split(model, 300_000, 7).shards;
    const parts: Uint8Array[][] = [];
    const splitter = createGgufSplitter({
      maxShardBytes: 300_000,
      onShardStart: (i, header) => (parts[i] = [header.slice()]),
      onShardData: (i, chunk) => parts[i]!.push(chunk.slice()),
      onShardEnd: () => undefined,
    });
    const offset = splitter.startFrom(source, 2);
    expect(offset).toBeGreaterThan(source.headerByteLength);
    for (let at = offset; at < model.length; at += 50_000) splitter.push(model.subarray(at, Math.min(model.length, at + 50_000)));
    splitter.end();
    expect(parts.slice(0, 2).filter(Boolean)).toEqual([]);
    for (const i of [2, 3, 4]) {
      const bytes = new Uint8Array(parts[i]!.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of parts[i]!) bytes.set(c, (at += c.length) - c.length);
      expect(sameBytes(bytes, full[i]!)).toBe(true);
    }
  });

  it('exposes the plan before the first shard starts', () => {
    let seenInStart: SplitPlan | null = null;
    const splitter = createGgufSplitter({
      maxShardBytes: 300_000,
      onShardStart: (i) => {
        if (i === 0) seenInStart = splitter.plan;
      },
      onShardData: () => {},
      onShardEnd: () => {},
    });
    splitter.push(model.subarray(0, source.headerByteLength));
    expect(splitter.plan?.shardCount).toBe(planSplit(source, 300_000).shardCount);
    expect(findKv(splitter.header as GgufHeader, 'general.architecture')?.value).toBe('llama');
    expect(seenInStart).toBeNull();
    splitter.push(model.subarray(source.headerByteLength));
    splitter.end();
    expect(seenInStart).toBe(splitter.plan);
  });
});
