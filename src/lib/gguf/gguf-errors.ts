/**
 * Typed errors for GGUF parsing, writing and splitting. Every failure carries
 * a stable `code` so callers can map it to a user-facing message.
 */

export type GgufErrorCode =
  /** The bytes do not start with the GGUF magic. */
  | 'not-gguf'
  /** GGUF v1, big-endian files, or versions newer than 3. */
  | 'unsupported-version'
  /** A count, length, offset or value that cannot be right (or exceeds a sanity limit). */
  | 'corrupt'
  /** A tensor uses a ggml type this code has no size table for. */
  | 'unsupported-tensor-type'
  /** The stream ended before the header (or a tensor's data) was complete. */
  | 'truncated'
  /** The input already is one shard of a split model. */
  | 'already-split'
  /** Bad arguments from the caller (e.g. a non-positive shard size). */
  | 'invalid-options'
  /** push()/end() called after end() or after an earlier failure. */
  | 'invalid-state';

export class GgufError extends Error {
  readonly code: GgufErrorCode;

  constructor(code: GgufErrorCode, message: string) {
    super(message);
    this.name = 'GgufError';
    this.code = code;
  }
}

export function isGgufError(err: unknown): err is GgufError {
  return err instanceof GgufError;
}
