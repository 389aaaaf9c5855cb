/** A conversation's messages as a tree: the visible path and each message's siblings. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { conversationsRepo, messagesRepo, type StoredConversation, type StoredMessage } from '../../db';
import { pathToLeaf, siblingGroups } from '../../lib/message-tree';

export interface SiblingInfo {
  index: number;
  count: number;
  previousId: string | null;
  nextId: string | null;
}

export interface ConversationTree {
  path: StoredMessage[];
  siblings: Map<string, SiblingInfo>;
}

export function useConversation(id: string | null): StoredConversation | null | undefined {
  return useLiveQuery(async () => (id ? ((await conversationsRepo.get(id)) ?? null) : undefined), [id]);
}

export function useConversationTree(conversation: StoredConversation | null | undefined): ConversationTree | undefined {
  const all = useLiveQuery(() => (conversation ? messagesRepo.listForConversation(conversation.id) : []), [conversation?.id]);
  const leafId = conversation?.leafId ?? null;
  return useMemo(() => {
    if (!all) return undefined;
    const path = pathToLeaf(all, leafId);
    const groups = siblingGroups(all);
    const siblings = new Map<string, SiblingInfo>();
    for (const m of path) {
      const group = groups.get(m.parentId) ?? [m];
      const index = group.findIndex((g) => g.id === m.id);
      siblings.set(m.id, { index, count: group.length, previousId: group[index - 1]?.id ?? null, nextId: group[index + 1]?.id ?? null });
    }
    return { path, siblings };
  }, [all, leafId]);
}
