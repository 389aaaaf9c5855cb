/** The one Dexie database of the app, with dated schema versions. */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { wordsOf } from '../lib/search-words';
import type { StoredComparison, StoredConversation, StoredCustomModel, StoredMessage } from './records';

export const DB_NAME = 'wizardvicuna-chat';

export type ChatDatabase = Dexie & {
  conversations: EntityTable<StoredConversation, 'id'>;
  messages: EntityTable<StoredMessage, 'id'>;
  customModels: EntityTable<StoredCustomModel, 'id'>;
  comparisons: EntityTable<StoredComparison, 'id'>;
};

/** Version 1 of the schema (2026-11-24): conversations, messages as a tree, custom models. */
export const SCHEMA_V1 = {
  conversations: 'id, updatedAt, pinned, *tags',
  messages: 'id, conversationId, parentId, [conversationId+createdAt]',
  customModels: 'id, createdAt',
};

/** Version 2 (2026-11-24): a multi-entry word index on messages for full-text search. */
export const SCHEMA_V2 = { ...SCHEMA_V1, messages: `${SCHEMA_V1.messages}, *words` };

/** Version 3 (2026-11-24): side-by-side comparisons, listed newest first. */
export const SCHEMA_V3 = { ...SCHEMA_V2, comparisons: 'id, updatedAt' };

/** Version 4 (2026-11-25): messages by time, so a search for a common word reads only the newest matches. */
export const SCHEMA_V4 = { ...SCHEMA_V3, messages: `${SCHEMA_V3.messages}, createdAt` };

/** Fills `words` for messages stored before version 2. */
export async function addSearchWords(tx: Transaction): Promise<void> {
  await tx
    .table<StoredMessage, string>('messages')
    .toCollection()
    .modify((m) => {
      m.words = wordsOf(m.content);
    });
}

/** Index only what is queried. */
export function defineSchema(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(addSearchWords);
  // A new table only: nothing stored before needs changing.
  db.version(3).stores(SCHEMA_V3);
  // A new index only: IndexedDB builds it from the stored messages.
  db.version(4).stores(SCHEMA_V4);
}

export function openDatabase(name = DB_NAME): ChatDatabase {
  const db = new Dexie(name) as ChatDatabase;
  defineSchema(db);
  return db;
}

export const db: ChatDatabase = openDatabase();
