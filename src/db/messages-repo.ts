/** Messages of a conversation tree. */
import { pathToLeaf } from '../lib/message-tree';
import { wordsOf } from '../lib/search-words';
import type { ChatDatabase } from './database';
import type { StoredMessage } from './records';

export type NewMessage = Omit<StoredMessage, 'id' | 'createdAt'> & { createdAt?: number };

export function createMessagesRepo(db: ChatDatabase) {
  const listForConversation = (conversationId: string) =>
    db.messages.where('[conversationId+createdAt]').between([conversationId, -Infinity], [conversationId, Infinity]).toArray();

  return {
    listForConversation,

    /** Adds a message and makes it the shown leaf of its conversation, atomically. */
    async append(input: NewMessage): Promise<StoredMessage> {
      const message: StoredMessage = { ...input, id: crypto.randomUUID(), createdAt: input.createdAt ?? Date.now(), words: wordsOf(input.content) };
      await db.transaction('rw', db.messages, db.conversations, async () => {
        await db.messages.add(message);
        await db.conversations.update(message.conversationId, { leafId: message.id, updatedAt: message.createdAt });
      });
      return message;
    },

    /** Checkpoint or finish a streamed reply. */
    update: (id: string, changes: Partial<Pick<StoredMessage, 'content' | 'status' | 'error' | 'finishReason' | 'stats' | 'droppedMessages'>>) =>
      db.messages.update(id, changes.content === undefined ? changes : { ...changes, words: wordsOf(changes.content) }),

    async visiblePath(conversationId: string, leafId: string | null): Promise<StoredMessage[]> {
      return pathToLeaf(await listForConversation(conversationId), leafId);
    },

    /** Replies left 'streaming' by a tab that closed or crashed become 'interrupted'. */
    async markInterrupted(isLive: (id: string) => boolean): Promise<number> {
      const stale = (await db.messages.filter((m) => m.status === 'streaming').toArray()).filter((m) => !isLive(m.id));
      await Promise.all(stale.map((m) => db.messages.update(m.id, { status: 'interrupted' })));
      return stale.length;
    },
  };
}

export type MessagesRepo = ReturnType<typeof createMessagesRepo>;
