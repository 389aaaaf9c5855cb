/** The one Dexie database of the app, with dated schema versions. */
import Dexie, { type EntityTable } from 'dexie';
import type { StoredConversation, StoredCustomModel, StoredMessage } from './records';

export const DB_NAME = 'wizardvicuna-chat';

export type ChatDatabase = Dexie & {
  conversations: EntityTable<StoredConversation, 'id'>;
  messages: EntityTable<StoredMessage, 'id'>;
  customModels: EntityTable<StoredCustomModel, 'id'>;
};

/** Index only what is queried. */
export function defineSchema(db: Dexie): void {
  // 2026-11-24 v1: conversations (sidebar order, pins, tags), messages (by conversation, by parent), custom models.
  db.version(1).stores({
    conversations: 'id, updatedAt, pinned, *tags',
    messages: 'id, conversationId, parentId, [conversationId+createdAt]',
    customModels: 'id, createdAt',
  });
}

export function openDatabase(name = DB_NAME): ChatDatabase {
  const db = new Dexie(name) as ChatDatabase;
  defineSchema(db);
  return db;
}

export const db: ChatDatabase = openDatabase();
