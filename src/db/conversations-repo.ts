/** Conversations: create, list, rename, delete (with their messages). */
import type { ChatDatabase } from './database';
import type { ConversationSettings, StoredConversation, StoredMessage } from './records';

/** What a delete removed, so it can be undone. */
export interface DeletedConversation {
  conversation: StoredConversation;
  messages: StoredMessage[];
}

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

    /** Pinned first, then most recently updated first. */
    async listForSidebar(limit = 2000): Promise<StoredConversation[]> {
      const recent = await db.conversations.orderBy('updatedAt').reverse().limit(limit).toArray();
      return [...recent.filter((c) => c.pinned), ...recent.filter((c) => !c.pinned)];
    },

    setPinned: (id: string, pinned: boolean) => db.conversations.update(id, { pinned: pinned ? 1 : 0 }),

    async setTags(id: string, tags: string[]): Promise<void> {
      const clean = [...new Set(tags.map((t) => t.trim().toLowerCase().slice(0, 40)).filter(Boolean))].slice(0, 20);
      await db.conversations.update(id, { tags: clean });
    },

    /** Every tag in use, alphabetically. */
    allTags: async (): Promise<string[]> => ((await db.conversations.orderBy('tags').uniqueKeys()) as string[]).sort(),

    updateSettings: (id: string, settings: ConversationSettings) => db.conversations.update(id, { settings }),

    async rename(id: string, title: string): Promise<void> {
      const clean = title.trim().slice(0, 200);
      if (!clean) throw new Error('A title cannot be empty.');
      await db.conversations.update(id, { title: clean });
    },

    /** Which branch is shown; does not move the conversation up the list. */
    setLeaf: (id: string, leafId: string | null) => db.conversations.update(id, { leafId }),

    /** Writes only when the model changed: every write wakes the views that watch conversations. */
    setModel: (id: string, modelId: string) =>
      db.conversations
        .where('id')
        .equals(id)
        .and((c) => c.modelId !== modelId)
        .modify({ modelId }),

    /** Deletes the conversation and its messages in one transaction; returns them for undo. */
    remove: (id: string): Promise<DeletedConversation | null> =>
      db.transaction('rw', db.conversations, db.messages, async () => {
        const conversation = await db.conversations.get(id);
        if (!conversation) return null;
        const messages = await db.messages.where('conversationId').equals(id).toArray();
        await db.messages.where('conversationId').equals(id).delete();
        await db.conversations.delete(id);
        return { conversation, messages };
      }),

    /** Puts a deleted conversation back exactly as it was. */
    restore: (deleted: DeletedConversation) =>
      db.transaction('rw', db.conversations, db.messages, async () => {
        await db.conversations.put(deleted.conversation);
        await db.messages.bulkPut(deleted.messages);
      }),
  };
}

export type ConversationsRepo = ReturnType<typeof createConversationsRepo>;
