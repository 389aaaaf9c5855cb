/**
 * Merging imported conversations into a library without duplicates: an
 * unchanged conversation already present is skipped, one whose ids are taken
 * by different content comes in as a copy with new ids, the rest is added.
 * Comparisons follow the same rules (comparison-plan.ts).
 */
import type { SkippedCounts } from './chatgpt-message';
import type { TransferComparison } from './comparison-format';
import type { ComparisonReason, PlannedComparison } from './comparison-plan';
import { exportConversation, type ConversationWithMessages } from './export-format';
import type { ImportSource } from './read-import-files';

export type ImportAction = 'add' | 'copy' | 'skip';
export type ImportReason = 'new' | 'already-present' | 'id-taken' | 'message-ids-taken';

export interface PlannedConversation {
  action: ImportAction;
  reason: ImportReason;
  incoming: ConversationWithMessages;
}

/** What the library holds that the import touches. */
export interface LibraryState {
  /** Stored conversations (with their messages) whose ids the import uses. */
  conversations: ReadonlyMap<string, ConversationWithMessages>;
  /** Message ids the import uses that are already stored -> their conversation. */
  messageOwners: ReadonlyMap<string, string>;
}

/** What one import brings in (or would). */
export interface ImportBundle {
  conversations: readonly ConversationWithMessages[];
  comparisons: readonly TransferComparison[];
}

export interface ImportPlan {
  conversations: PlannedConversation[];
  comparisons: PlannedComparison[];
}

export interface Tally {
  conversations: number;
  messages: number;
  comparisons: number;
}

export interface ImportPreview {
  sources: ImportSource[];
  added: Tally;
  copied: Tally;
  skipped: Tally;
  /** The first conversations, with what will happen to each. */
  items: { title: string; action: ImportAction; reason: ImportReason; messages: number }[];
  moreItems: number;
  /** The first comparisons, with what will happen to each. */
  comparisonItems: { title: string; action: ImportAction; reason: ComparisonReason }[];
  moreComparisonItems: number;
  /** Content that has no place here (ChatGPT images, tool output…), by kind. */
  leftOut: { label: string; count: number }[];
  /** Comparisons in a format this version does not read. */
  comparisonsLeftOut: number;
}

export const REASON_TEXT: Record<ImportReason, string> = {
  new: 'new',
  'already-present': 'already in your library, unchanged',
  'id-taken': 'a different conversation with the same id is in your library, so it comes in as a copy',
  'message-ids-taken': 'its message ids belong to another conversation in your library, so it comes in as a copy',
};

/** Equal when every stored field matches (message order and the search index do not count). */
export function sameConversation(a: ConversationWithMessages, b: ConversationWithMessages): boolean {
  return JSON.stringify(exportConversation(a)) === JSON.stringify(exportConversation(b));
}

export function planImport(incoming: readonly ConversationWithMessages[], library: LibraryState): PlannedConversation[] {
  return incoming.map((c): PlannedConversation => {
    const stored = library.conversations.get(c.conversation.id);
    if (stored) return sameConversation(stored, c) ? { action: 'skip', reason: 'already-present', incoming: c } : { action: 'copy', reason: 'id-taken', incoming: c };
    if (c.messages.some((m) => library.messageOwners.has(m.id))) return { action: 'copy', reason: 'message-ids-taken', incoming: c };
    return { action: 'add', reason: 'new', incoming: c };
  });
}

/** The same conversation under new ids, with parent links and the shown leaf following along. */
export function withNewIds({ conversation, messages }: ConversationWithMessages, newId: () => string): ConversationWithMessages {
  const ids = new Map(messages.map((m) => [m.id, newId()]));
  const remap = (id: string | null) => (id === null ? null : (ids.get(id) ?? null));
  return {
    conversation: { ...conversation, id: newId(), title: `${conversation.title} (imported copy)`, leafId: remap(conversation.leafId) },
    messages: messages.map((m) => ({ ...m, id: ids.get(m.id)!, parentId: remap(m.parentId) })),
  };
}

export function summarizePlan(plan: ImportPlan, read: { sources: ImportSource[]; skipped: SkippedCounts; comparisonsLeftOut: number }, shown = 50): ImportPreview {
  const tally = (action: ImportAction): Tally => {
    const of = plan.conversations.filter((p) => p.action === action);
    const comparisons = plan.comparisons.filter((p) => p.action === action).length;
    return { conversations: of.length, messages: of.reduce((n, p) => n + p.incoming.messages.length, 0), comparisons };
  };
  return {
    sources: read.sources,
    added: tally('add'),
    copied: tally('copy'),
    skipped: tally('skip'),
    items: plan.conversations.slice(0, shown).map((p) => ({ title: p.incoming.conversation.title, action: p.action, reason: p.reason, messages: p.incoming.messages.length })),
    moreItems: Math.max(0, plan.conversations.length - shown),
    comparisonItems: plan.comparisons.slice(0, shown).map((p) => ({ title: p.incoming.title, action: p.action, reason: p.reason })),
    moreComparisonItems: Math.max(0, plan.comparisons.length - shown),
    leftOut: [...read.skipped].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    comparisonsLeftOut: read.comparisonsLeftOut,
  };
}
