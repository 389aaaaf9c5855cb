/**
 * Streaming GGUF splitter: feed a GGUF file chunk by chunk (e.g. straight
 * from a download) and receive llama.cpp split shards (model-0000i-of-0000n.gguf)
 * of at most `maxShardBytes` each, without ever holding the file in memory.
 *
 * Once the header is parsed the whole plan is known (every tensor's size and
 * order come from the header), so `onPlan` fires with the shard count and
 * sizes before the first `onShardStart`. Tensor bytes are then routed to their
 * shard as they arrive, with zero padding after each tensor. Shards are
 * emitted strictly in order: start, data..., end, then the next shard.
 *
 * A file that fits the limit still becomes one rewritten shard
 * (model-00001-of-00001.gguf, with split.count = 1) rather than a byte-exact
 * pass-through; its KVs and tensor bytes are unchanged.
 *
 * Callbacks are synchronous. Data chunks may be views into the pushed chunks:
 * copy them if you keep them after the pushed buffer might be reused.
 */
import { GgufError } from './gguf-errors';
import type { GgufHeader, GgufLimits } from './gguf-format';
import { createGgufHeaderReader } from './gguf-reader';
import { buildShardHeader, DEFAULT_MAX_SHARD_BYTES, planSplit, type SplitPlan } from './gguf-split-plan';
import { alignUp } from './ggml-types';

export {
  buildShardHeader,
  DEFAULT_MAX_SHARD_BYTES,
  planSplit,
  shardFileName,
  type ShardPlan,
  type ShardTensor,
  type SplitPlan,
} from './gguf-split-plan';

export interface GgufSplitterOptions {
  /** Largest shard file, header included. Default 512 MiB. */
  maxShardBytes?: number;
  /** Override the reader's sanity limits. */
  limits?: Partial<GgufLimits>;
  /** Once, after the header is parsed, before the first onShardStart. */
  onPlan?(plan: SplitPlan, header: GgufHeader): void;
  /** A new shard begins; `header` is its complete, padded GGUF header. */
  onShardStart(index: number, header: Uint8Array): void;
  /** More bytes of shard `index`, in order (tensor data and padding). */
  onShardData(index: number, chunk: Uint8Array): void;
  /** Shard `index` is complete (exactly plan.shards[index].totalByteLength bytes). */
  onShardEnd(index: number): void;
}

export interface GgufSplitter {
  /** Feed the next bytes of the source file. Throws GgufError on bad input. */
  push(chunk: Uint8Array): void;
  /** The source is complete. Throws 'truncated' if bytes are missing. */
  end(): void;
  /** The plan, once the header has been parsed (null before). */
  readonly plan: SplitPlan | null;
  readonly header: GgufHeader | null;
  /** Source bytes pushed so far. */
  readonly bytesReceived: number;
  /** True after a successful end(). */
  readonly done: boolean;
  /**
   * Resume: plan from an already parsed `header`, skip shards before
   * `shardIndex`, and return the source byte offset to push from next.
   */
  startFrom(header: GgufHeader, shardIndex: number): number;
}

interface Route {
  shard: number;
  /** Absolute source positions of the tensor's bytes. */
  start: number;
  end: number;
  padding: number;
  first: boolean;
  last: boolean;
}

function routesOf(header: GgufHeader, plan: SplitPlan): Route[] {
  return plan.shards.flatMap((shard) =>
    shard.tensors.map((t, i) => ({
      shard: shard.index,
      start: header.dataOffset + t.source.offset,
      end: header.dataOffset + t.source.offset + t.source.byteSize,
      padding: alignUp(t.source.byteSize, plan.alignment) - t.source.byteSize,
      first: i === 0,
      last: i === shard.tensors.length - 1,
    })),
  );
}

export function createGgufSplitter(options: GgufSplitterOptions): GgufSplitter {
  const maxShardBytes = options.maxShardBytes ?? DEFAULT_MAX_SHARD_BYTES;
  if (!Number.isSafeInteger(maxShardBytes) || maxShardBytes <= 0) {
    throw new GgufError('invalid-options', `maxShardBytes must be a positive integer, got ${maxShardBytes}.`);
  }
  const reader = createGgufHeaderReader({ limits: options.limits });
  let header: GgufHeader | null = null;
  let plan: SplitPlan | null = null;
  let routes: Route[] = [];
  let next = 0; // index of the route being filled
  let started = false; // routes[next] has begun (its shard is open)
  let pos = 0; // absolute source position of the next data byte
  let trailing = 0;
  let received = 0;
  let state: 'open' | 'done' | 'failed' = 'open';

  function begin(h: GgufHeader): void {
    const p = planSplit(h, maxShardBytes);
    header = h;
    plan = p;
    routes = routesOf(h, p);
    pos = h.headerByteLength;
    options.onPlan?.(p, h);
    if (routes.length === 0) {
      options.onShardStart(0, buildShardHeader(h, p, 0));
      options.onShardEnd(0);
    }
  }

  function feed(chunk: Uint8Array): void {
    const h = header as GgufHeader;
    const p = plan as SplitPlan;
    let off = 0;
    while (next < routes.length) {
      const r = routes[next] as Route;
      if (pos < r.start) {
        const skip = Math.min(r.start - pos, chunk.length - off); // alignment padding or a gap
        pos += skip;
        off += skip;
        if (pos < r.start) return;
      }
      if (!started) {
        if (r.first) options.onShardStart(r.shard, buildShardHeader(h, p, r.shard));
        started = true;
      }
      const take = Math.min(r.end - pos, chunk.length - off);
      if (take > 0) {
        options.onShardData(r.shard, chunk.subarray(off, off + take));
        pos += take;
        off += take;
      }
      if (pos < r.end) return;
      if (r.padding > 0) options.onShardData(r.shard, new Uint8Array(r.padding));
      if (r.last) options.onShardEnd(r.shard);
      next++;
      started = false;
    }
    trailing += chunk.length - off;
    pos += chunk.length - off;
    if (trailing > p.alignment) {
      throw new GgufError('corrupt', `${trailing} unexpected bytes follow the last tensor of the GGUF file.`);
    }
  }

  function guarded(fn: () => void): void {
    if (state !== 'open') throw new GgufError('invalid-state', `The GGUF splitter is ${state === 'done' ? 'finished' : 'in a failed state'}.`);
    try {
      fn();
    } catch (err) {
      state = 'failed';
      throw err;
    }
  }

  return {
    get plan() {
      return plan;
    },
    get header() {
      return header;
    },
    get bytesReceived() {
      return received;
    },
    get done() {
      return state === 'done';
    },
    push(chunk) {
      guarded(() => {
        received += chunk.length;
        if (header) return feed(chunk);
        const status = reader.push(chunk);
        if (!status.done) return;
        begin(status.header);
        for (const rest of status.rest) feed(rest);
      });
    },
    startFrom(h, shardIndex) {
      guarded(() => {
        if (header || received > 0) throw new GgufError('invalid-state', 'startFrom must be called before any bytes are pushed.');
        begin(h);
        const first = routes.findIndex((r) => r.shard === shardIndex);
        if (first < 0) throw new GgufError('invalid-options', `There is no shard ${shardIndex} to resume from.`);
        next = first;
        pos = (routes[first] as Route).start;
      });
      return pos;
    },
    end() {
      guarded(() => {
        if (!header) begin(reader.end());
        feed(new Uint8Array(0));
        if (next < routes.length) {
          const missing = (routes[routes.length - 1] as Route).end - pos;
          throw new GgufError('truncated', `The GGUF file ended ${missing} bytes early (in tensor "${header?.tensors[next]?.name}").`);
        }
        state = 'done';
      });
    },
  };
}
