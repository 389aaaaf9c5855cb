/** Why a comparison action could not be done, in a sentence a person can act on. */
export type CompareErrorCode = 'empty-input' | 'invalid-template' | 'busy' | 'no-inputs' | 'no-questions' | 'no-turns' | 'not-found';

export class CompareError extends Error {
  constructor(
    readonly code: CompareErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CompareError';
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
