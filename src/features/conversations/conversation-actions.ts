/** Sidebar actions on whole conversations, with undo for deletes. */
import { conversationsRepo, messagesRepo, type DeletedConversation } from '../../db';
import { latestLeaf } from '../../lib/message-tree';
import { useSessionStore } from '../../store/session-store';

export async function deleteConversation(id: string): Promise<DeletedConversation | null> {
  const deleted = await conversationsRepo.remove(id);
  if (useSessionStore.getState().conversationId === id) useSessionStore.getState().open(null);
  return deleted;
}

export async function undoDelete(deleted: DeletedConversation): Promise<void> {
  await conversationsRepo.restore(deleted);
  useSessionStore.getState().open(deleted.conversation.id);
}

/** Open a conversation on the branch that contains `messageId`, and point at it. */
export async function openAtMessage(conversationId: string, messageId: string | null): Promise<void> {
  if (messageId) {
    const all = await messagesRepo.listForConversation(conversationId);
    if (all.some((m) => m.id === messageId)) await conversationsRepo.setLeaf(conversationId, latestLeaf(all, messageId));
  }
  useSessionStore.getState().open(conversationId, messageId);
}
