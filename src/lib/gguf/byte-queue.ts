/**
 * A FIFO of byte chunks with little-endian reads across chunk boundaries.
 * Pushed chunks are kept by reference (not copied); reads that fit in one
 * chunk return views. Callers check `available` before reading.
 */
const EMPTY = new Uint8Array(0);

export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private head = 0; // index into chunks
  private offset = 0; // read offset inside chunks[head]
  private size = 0;
  private total = 0;
  /** While recording: the finished pieces, and where recording began in the head chunk. */
  private recording: Uint8Array[] | null = null;
  private recordFrom = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  /** Bytes pushed but not read yet. */
  get available(): number {
    return this.size;
  }

  /** Bytes read so far (an absolute stream position). */
  get consumed(): number {
    return this.total;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** Next `n` bytes (n <= available): a view when possible, else a copy. */
  take(n: number): Uint8Array {
    if (n > this.size) throw new RangeError(`ByteQueue: ${n} bytes requested, ${this.size} available`);
    let out: Uint8Array;
    const first = this.chunks[this.head];
    if (n === 0 || !first) {
      out = new Uint8Array(0);
    } else if (first.length - this.offset >= n) {
      out = first.subarray(this.offset, this.offset + n);
      this.advance(n);
    } else {
      out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const cur = this.chunks[this.head] as Uint8Array;
        const part = Math.min(cur.length - this.offset, n - filled);
        out.set(cur.subarray(this.offset, this.offset + part), filled);
        filled += part;
        this.advance(part);
      }
    }
    return out;
  }

  u8(): number {
    return this.take(1)[0] as number;
  }

  u16(): number {
    const b = this.take(2);
    return (b[0] as number) | ((b[1] as number) << 8);
  }

  u32(): number {
    const b = this.take(4);
    return ((b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16) | ((b[3] as number) << 24)) >>> 0;
  }

  u64(): bigint {
    const b = this.take(8);
    const lo = ((b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16) | ((b[3] as number) << 24)) >>> 0;
    const hi = ((b[4] as number) | ((b[5] as number) << 8) | ((b[6] as number) << 16) | ((b[7] as number) << 24)) >>> 0;
    return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** A view of the next `n` bytes through a DataView (copied, so alignment never matters). */
  view(n: 1 | 2 | 4 | 8): DataView {
    const b = this.take(n);
    for (let i = 0; i < n; i++) this.scratch.setUint8(i, b[i] as number);
    return this.scratch;
  }

  /** Start collecting every byte read; `stopRecording()` returns a copy of them. */
  startRecording(): void {
    this.recording = [];
    this.recordFrom = this.offset;
  }

  stopRecording(): Uint8Array {
    const parts = this.recording ?? [];
    const head = this.chunks[this.head];
    if (head && this.offset > this.recordFrom) parts.push(head.subarray(this.recordFrom, this.offset));
    this.recording = null;
    return concatBytes(parts);
  }

  /** Remove and return everything not read yet. */
  drain(): Uint8Array[] {
    const rest: Uint8Array[] = [];
    for (let i = this.head; i < this.chunks.length; i++) {
      const c = this.chunks[i] as Uint8Array;
      rest.push(i === this.head ? c.subarray(this.offset) : c);
    }
    this.total += this.size;
    this.chunks = [];
    this.head = 0;
    this.offset = 0;
    this.size = 0;
    return rest.filter((c) => c.length > 0);
  }

  private advance(n: number): void {
    this.offset += n;
    this.size -= n;
    this.total += n;
    const cur = this.chunks[this.head];
    if (cur && this.offset >= cur.length) {
      if (this.recording) {
        this.recording.push(cur.subarray(this.recordFrom));
        this.recordFrom = 0;
      }
      this.chunks[this.head] = EMPTY; // let the consumed chunk be collected
      this.head++;
      this.offset = 0;
      if (this.head > 64 && this.head * 2 > this.chunks.length) {
        this.chunks = this.chunks.slice(this.head);
        this.head = 0;
      }
    }
  }
}

/** A new buffer holding `parts` back to back (always a copy). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return (parts[0] as Uint8Array).slice();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
