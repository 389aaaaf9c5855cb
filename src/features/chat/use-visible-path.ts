/** The messages on screen for a conversation: its path from the root to the shown leaf. */
import { useLiveQuery } from 'dexie-react-hooks';
import { conversationsRepo, messagesRepo, type StoredConversation, type StoredMessage } from '../../db';

export function useConversation(id: string | null): StoredConversation | undefined {
  return useLiveQuery(() => (id ? conversationsRepo.get(id) : undefined), [id]);
}

export function useVisiblePath(conversation: StoredConversation | undefined): StoredMessage[] | undefined {
  return useLiveQuery(
    () => (conversation ? messagesRepo.visiblePath(conversation.id, conversation.leafId) : []),
    [conversation?.id, conversation?.leafId],
  );
}
