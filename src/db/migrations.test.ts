import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './database';

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

  it('v2 -> v3 adds an empty comparisons table and keeps conversations, messages and search as they were', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.table('conversations').add({ id: 'c', title: 'Kept', createdAt: 1, updatedAt: 1, pinned: 1, tags: ['x'], leafId: 'm', modelId: 'mm', settings: {} });
    await old.table('messages').add({ id: 'm', conversationId: 'c', parentId: null, role: 'user', content: 'Hello again', createdAt: 1, status: 'complete', words: ['hello', 'again'] });
    await old.table('customModels').add({ id: 'custom:1', name: 'Tiny', urls: ['http://127.0.0.1/t.gguf'], promptFormat: 'plain', contextWindow: 2048, createdAt: 1 });
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.comparisons.count()).toBe(0);
    expect(await db.conversations.get('c')).toMatchObject({ title: 'Kept', pinned: 1, tags: ['x'] });
    expect(await db.messages.where('words').equals('again').count()).toBe(1);
    expect(await db.customModels.get('custom:1')).toMatchObject({ name: 'Tiny' });
    await db.comparisons.add({ id: 'k', title: 'New', createdAt: 2, updatedAt: 2, columns: [], inputs: [], threads: {}, questions: [], votes: [], notes: '', pair: null });
    expect((await db.comparisons.orderBy('updatedAt').first())?.id).toBe('k');
    await db.delete();
  });

  it('v3 -> v4 indexes messages by time, without changing them, and search reads the newest first', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    const stored = [3, 1, 2].map((t) => ({ id: `m${t}`, conversationId: 'c', parentId: null, role: 'user', content: `note ${t}`, createdAt: t, status: 'complete', words: ['note', String(t)] }));
    await old.table('messages').bulkAdd(stored);
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.messages.orderBy('createdAt').primaryKeys()).toEqual(['m1', 'm2', 'm3']);
    expect(await db.messages.get('m3')).toEqual(stored[0]);
    await db.delete();
  });
});
