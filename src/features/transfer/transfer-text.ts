/** Small pieces of wording shared by the export and import sections. */
import { isTransferError } from '../../lib/transfer/transfer-error';
import type { Tally } from '../../lib/transfer/import-plan';

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function tallyText({ conversations, messages }: Tally): string {
  return `${conversations} conversation${conversations === 1 ? '' : 's'} (${messages} message${messages === 1 ? '' : 's'})`;
}

/** A failure as something to show, or null when the person cancelled. */
export function describeFailure(error: unknown): { kind: 'failed'; message: string } | null {
  if (error instanceof DOMException && error.name === 'AbortError') return null;
  if (isTransferError(error)) return { kind: 'failed', message: error.message };
  return { kind: 'failed', message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}` };
}
