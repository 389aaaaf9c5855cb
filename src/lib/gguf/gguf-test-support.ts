/**
 * Small pure helpers shared by the gguf unit tests (not used by app code).
 */
import { GgufError } from './gguf-errors';
import type { GgufKv } from './gguf-format';

/** Seeded PRNG (mulberry32) in [0, 1), so random chunkings are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The code of the GgufError that `fn` throws (anything else is rethrown). */
export function errorCodeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof GgufError) return err.code;
    throw err;
  }
  throw new Error('expected a GgufError');
}

/** A KV without its `raw` bytes, to compare decoded values. */
export function withoutRaw(kv: GgufKv): GgufKv {
  const copy = { ...kv };
  delete copy.raw;
  return copy;
}

/** Byte equality (much faster than a deep equality on large arrays). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
