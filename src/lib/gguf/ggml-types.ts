/**
 * ggml tensor types: block size (elements per block) and type size (bytes per
 * block), as in ggml's `type_traits` table (ggml/src/ggml.c) and the block
 * structs of ggml/src/ggml-common.h. Ids 4, 5, 31-33 and 36-38 were removed
 * from GGUF files upstream and are rejected here too.
 */
import { GgufError } from './gguf-errors';

export interface GgmlTypeInfo {
  readonly id: number;
  readonly name: string;
  /** Elements per block. */
  readonly blockSize: number;
  /** Bytes per block. */
  readonly typeSize: number;
}

const QK_K = 256;

const TABLE: readonly (readonly [number, string, number, number])[] = [
  [0, 'F32', 1, 4],
  [1, 'F16', 1, 2],
  [2, 'Q4_0', 32, 18],
  [3, 'Q4_1', 32, 20],
  [6, 'Q5_0', 32, 22],
  [7, 'Q5_1', 32, 24],
  [8, 'Q8_0', 32, 34],
  [9, 'Q8_1', 32, 36],
  [10, 'Q2_K', QK_K, 84],
  [11, 'Q3_K', QK_K, 110],
  [12, 'Q4_K', QK_K, 144],
  [13, 'Q5_K', QK_K, 176],
  [14, 'Q6_K', QK_K, 210],
  [15, 'Q8_K', QK_K, 292],
  [16, 'IQ2_XXS', QK_K, 66],
  [17, 'IQ2_XS', QK_K, 74],
  [18, 'IQ3_XXS', QK_K, 98],
  [19, 'IQ1_S', QK_K, 50],
  [20, 'IQ4_NL', 32, 18],
  [21, 'IQ3_S', QK_K, 110],
  [22, 'IQ2_S', QK_K, 82],
  [23, 'IQ4_XS', QK_K, 136],
  [24, 'I8', 1, 1],
  [25, 'I16', 1, 2],
  [26, 'I32', 1, 4],
  [27, 'I64', 1, 8],
  [28, 'F64', 1, 8],
  [29, 'IQ1_M', QK_K, 56],
  [30, 'BF16', 1, 2],
  [34, 'TQ1_0', QK_K, 54],
  [35, 'TQ2_0', QK_K, 66],
  [39, 'MXFP4', 32, 17],
  [40, 'NVFP4', 64, 36],
  [41, 'Q1_0', 128, 18],
  [42, 'Q2_0', 64, 18],
];

const BY_ID = new Map<number, GgmlTypeInfo>(
  TABLE.map(([id, name, blockSize, typeSize]) => [id, { id, name, blockSize, typeSize }]),
);

/** ggml's GGML_MAX_DIMS. */
export const GGML_MAX_DIMS = 4;
/** ggml's GGML_MAX_NAME: tensor names must be shorter than this (in bytes). */
export const GGML_MAX_NAME = 64;

export function ggmlTypeInfo(id: number): GgmlTypeInfo | undefined {
  return BY_ID.get(id);
}

export function ggmlTypeName(id: number): string {
  return BY_ID.get(id)?.name ?? `unknown(${id})`;
}

/**
 * Bytes of a contiguous tensor of `type` with shape `dims` (ggml_nbytes).
 * Throws 'unsupported-tensor-type' for unknown types and 'corrupt' when the
 * row length is not a whole number of blocks or the size is not a safe integer.
 */
export function tensorByteSize(type: number, dims: readonly number[], name = 'tensor'): number {
  const info = BY_ID.get(type);
  if (!info) throw new GgufError('unsupported-tensor-type', `Tensor "${name}" uses unsupported ggml type ${type}.`);
  if (dims.length > GGML_MAX_DIMS) throw new GgufError('corrupt', `Tensor "${name}" has ${dims.length} dimensions (max ${GGML_MAX_DIMS}).`);
  const ne0 = dims[0] ?? 1;
  if (ne0 % info.blockSize !== 0) {
    throw new GgufError('corrupt', `Tensor "${name}" has ${ne0} elements per row, not a multiple of the ${info.name} block size ${info.blockSize}.`);
  }
  let bytes = BigInt(ne0 / info.blockSize) * BigInt(info.typeSize);
  for (let i = 1; i < dims.length; i++) bytes *= BigInt(dims[i] ?? 1);
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufError('corrupt', `Tensor "${name}" is impossibly large.`);
  return Number(bytes);
}

/** Round `n` up to a multiple of `alignment` (a power of two). */
export function alignUp(n: number, alignment: number): number {
  const rest = n % alignment;
  return rest === 0 ? n : n + (alignment - rest);
}
