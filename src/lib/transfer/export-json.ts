/** Our JSON export, built as many small strings (one per conversation or comparison) so a large library never becomes one giant string. */
import { COMPARISONS_VERSION, exportComparison, type TransferComparison } from './comparison-format';
import { EXPORT_FORMAT, EXPORT_VERSION, exportConversation, type ConversationWithMessages } from './export-format';

export function exportJsonParts(conversations: readonly ConversationWithMessages[], exportedAt: Date, comparisons: readonly TransferComparison[] = []): string[] {
  const head = `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"conversations":[`;
  const parts = [head];
  conversations.forEach((c, i) => parts.push(`${i ? ',' : ''}\n${JSON.stringify(exportConversation(c))}`));
  // Written even when empty: the file then says the library had no comparisons.
  parts.push(`\n],"comparisons":{"version":${COMPARISONS_VERSION},"items":[`);
  comparisons.forEach((c, i) => parts.push(`${i ? ',' : ''}\n${JSON.stringify(exportComparison(c))}`));
  parts.push('\n]}}\n');
  return parts;
}
