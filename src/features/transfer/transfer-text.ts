/** Small pieces of wording shared by the export and import sections. */
import { isTransferError } from '../../lib/transfer/transfer-error';
import type { Tally } from '../../lib/transfer/import-plan';

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function conversationsText({ conversations, messages }: Pick<Tally, 'conversations' | 'messages'>): string {
  return `${plural(conversations, 'conversation')} (${plural(messages, 'message')})`;
}

/** "3 conversations (9 messages)", "1 comparison", "3 conversations (9 messages) and 1 comparison". */
export function tallyText(t: Tally): string {
  if (!t.comparisons) return conversationsText(t);
  if (!t.conversations) return plural(t.comparisons, 'comparison');
  return `${conversationsText(t)} and ${plural(t.comparisons, 'comparison')}`;
}

export function importedText({ added, copied, skipped }: { added: Tally; copied: Tally; skipped: Tally }): string {
  const any = (t: Tally) => t.conversations + t.comparisons > 0;
  const brought = [...(any(added) ? [tallyText(added)] : []), ...(any(copied) ? [`${tallyText(copied)} as copies`] : [])];
  return `Imported ${brought.join(', and ') || 'nothing new'}${any(skipped) ? `; skipped ${tallyText(skipped)} already in your library` : ''}.`;
}

/** A failure as something to show, or null when the person cancelled. */
export function describeFailure(error: unknown): { kind: 'failed'; message: string } | null {
  if (error instanceof DOMException && error.name === 'AbortError') return null;
  if (isTransferError(error)) return { kind: 'failed', message: error.message };
  return { kind: 'failed', message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}` };
}
