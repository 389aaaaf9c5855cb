/** Conversations: create, list, rename, delete (with their messages). */
import type { ChatDatabase } from './database';
import type { ConversationSettings, StoredConversation } from './records';

export function createConversationsRepo(db: ChatDatabase) {
  return {
    async create(input: { title: string; modelId: string | null; settings: ConversationSettings; now?: number }): Promise<StoredConversation> {
      const now = input.now ?? Date.now();
      const conversation: StoredConversation = {
        id: crypto.randomUUID(),
        title: input.title,
        createdAt: now,
        updatedAt: now,
        pinned: 0,
        tags: [],
        leafId: null,
        modelId: input.modelId,
        settings: input.settings,
      };
      await db.conversations.add(conversation);
      return conversation;
    },

    get: (id: string) => db.conversations.get(id),

    /** Most recently updated first. */
    listRecent: (limit = 500) => db.conversations.orderBy('updatedAt').reverse().limit(limit).toArray(),

    async rename(id: string, title: string): Promise<void> {
      const clean = title.trim().slice(0, 200);
      if (!clean) throw new Error('A title cannot be empty.');
      await db.conversations.update(id, { title: clean });
    },

    setLeaf: (id: string, leafId: string | null, now = Date.now()) => db.conversations.update(id, { leafId, updatedAt: now }),

    setModel: (id: string, modelId: string) => db.conversations.update(id, { modelId }),

    /** Deletes the conversation and all its messages in one transaction. */
    remove: (id: string) =>
      db.transaction('rw', db.conversations, db.messages, async () => {
        await db.messages.where('conversationId').equals(id).delete();
        await db.conversations.delete(id);
      }),
  };
}

export type ConversationsRepo = ReturnType<typeof createConversationsRepo>;
