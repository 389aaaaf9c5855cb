/** Our JSON export, built as many small strings (one per conversation) so a large library never becomes one giant string. */
import { EXPORT_FORMAT, EXPORT_VERSION, exportConversation, type ConversationWithMessages } from './export-format';

export function exportJsonParts(conversations: readonly ConversationWithMessages[], exportedAt: Date): string[] {
  const head = `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"conversations":[`;
  const parts = [head];
  conversations.forEach((c, i) => parts.push(`${i ? ',' : ''}\n${JSON.stringify(exportConversation(c))}`));
  // Comparisons are not stored yet; the section is left out until there is something to put in it.
  parts.push('\n]}\n');
  return parts;
}
