import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_V1 } from './database';

describe('schema upgrades', () => {
  it('v1 -> v2 adds search words to existing messages without changing them', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.table('conversations').add({ id: 'c', title: 'Old', createdAt: 1, updatedAt: 1, pinned: 0, tags: [], leafId: 'm', modelId: null, settings: {} });
    await old.table('messages').add({ id: 'm', conversationId: 'c', parentId: null, role: 'user', content: 'Hello Vicuna world', createdAt: 1, status: 'complete' });
    old.close();

    const db = openDatabase(name);
    const message = await db.messages.get('m');
    expect(message).toMatchObject({ content: 'Hello Vicuna world', status: 'complete', words: ['hello', 'vicuna', 'world'] });
    expect(await db.messages.where('words').startsWith('vic').count()).toBe(1);
    expect(await db.conversations.get('c')).toMatchObject({ title: 'Old', leafId: 'm' });
    await db.delete();
  });
});
