/**
 * Fills the app's database with a library of conversations, written with the
 * raw IndexedDB API in the app's schema (src/db/database.ts, records.ts):
 * each conversation is a linear path of messages ending at its leafId.
 */
import { DB_NAME } from '../../src/db/database';
import type { StoredConversation, StoredMessage } from '../../src/db/records';
import { wordsOf } from '../../src/lib/search-words';
import { DEFAULT_CONVERSATION_SETTINGS } from '../../src/store/settings-store';
import { random, topicOf, writer } from './library-text';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function write(db: IDBDatabase, conversations: StoredConversation[], messages: StoredMessage[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['conversations', 'messages'], 'readwrite');
    conversations.forEach((c) => tx.objectStore('conversations').put(c));
    messages.forEach((m) => tx.objectStore('messages').put(m));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export interface SeededConversation {
  id: string;
  title: string;
  messages: number;
}

/** One conversation per entry of `sizes`, each with that many messages; the first is the most recent. */
export async function seedLibrary(sizes: number[], seed = 1): Promise<SeededConversation[]> {
  const db = await openDb();
  const rand = random(seed);
  const now = Date.now();
  const seeded: SeededConversation[] = [];
  const batch: StoredMessage[] = [];
  for (const [index, size] of sizes.entries()) {
    const topic = topicOf(index);
    const text = writer(rand, topic.words);
    const id = `seed-${seed}-${index}`;
    const start = now - (index + 1) * 86_400_000;
    let parentId: string | null = null;
    const messages: StoredMessage[] = [];
    for (let i = 0; i < size; i++) {
      const role = i % 2 === 0 ? 'user' : 'assistant';
      const content = role === 'user' ? text.question() : text.answer();
      const message: StoredMessage = { id: `${id}-m${i}`, conversationId: id, parentId, role, content, createdAt: start + i * 1000, status: 'complete', words: wordsOf(content) };
      if (role === 'assistant') {
        Object.assign(message, { modelId: 'seed-model', modelName: 'WizardVicuna 7B', settings: DEFAULT_CONVERSATION_SETTINGS, finishReason: 'stop' });
        message.stats = { promptTokens: 120, completionTokens: Math.round(content.length / 4), timeToFirstTokenMs: 350, prefillTokensPerSecond: 180, decodeTokensPerSecond: 24, totalMs: 4000 };
      }
      messages.push(message);
      parentId = message.id;
    }
    const title = `${topic.title} (${index + 1})`;
    const conversation: StoredConversation = {
      id, title, createdAt: start, updatedAt: now - index * 60_000, pinned: 0, tags: [], leafId: parentId, modelId: 'seed-model', settings: DEFAULT_CONVERSATION_SETTINGS,
    };
    batch.push(...messages);
    await write(db, [conversation], []);
    while (batch.length >= 500) await write(db, [], batch.splice(0, 500));
    seeded.push({ id, title, messages: size });
  }
  await write(db, [], batch);
  db.close();
  return seeded;
}
