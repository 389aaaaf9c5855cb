/** Everything that can go wrong moving conversations in or out, as codes the UI can act on. */

export type TransferErrorCode =
  | 'too-large'
  | 'not-json'
  | 'invalid'
  | 'unsupported-format'
  | 'zip-invalid'
  | 'zip-bomb'
  | 'duplicate-id'
  | 'cycle'
  | 'nothing-to-import'
  | 'read-failed'
  | 'storage-failed'
  | 'not-found'
  | 'unexpected';

export class TransferError extends Error {
  override readonly name = 'TransferError';
  constructor(
    readonly code: TransferErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A problem at one field, before it is known which file and conversation it belongs to. */
export class FieldProblem extends Error {
  override readonly name = 'FieldProblem';
  constructor(
    readonly code: TransferErrorCode,
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path} ${problem}` : problem);
  }
}

/** Adds where the problem is (file, conversation) to a field problem. */
export function placeProblem(error: unknown, where: string): unknown {
  if (error instanceof FieldProblem) return new TransferError(error.code, `${where}: ${error.message}`);
  if (error instanceof TransferError && !error.message.startsWith(where)) return new TransferError(error.code, `${where}: ${error.message}`);
  return error;
}

export function isTransferError(error: unknown): error is TransferError {
  return error instanceof TransferError;
}
