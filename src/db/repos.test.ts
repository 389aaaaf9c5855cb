import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationsRepo } from './conversations-repo';
import { createCustomModelsRepo } from './custom-models-repo';
import { openDatabase, type ChatDatabase } from './database';
import { createMessagesRepo } from './messages-repo';
import type { ConversationSettings } from './records';

const settings: ConversationSettings = { systemPrompt: 'S', temperature: 0, topP: 1, maxTokens: 8, repetitionPenalty: 1, stop: [] };

describe('repositories (fake-indexeddb)', () => {
  let db: ChatDatabase;
  let conversations: ReturnType<typeof createConversationsRepo>;
  let messages: ReturnType<typeof createMessagesRepo>;

  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    conversations = createConversationsRepo(db);
    messages = createMessagesRepo(db);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('creates conversations and lists the most recent first', async () => {
    const a = await conversations.create({ title: 'A', modelId: null, settings, now: 1 });
    const b = await conversations.create({ title: 'B', modelId: null, settings, now: 2 });
    expect((await conversations.listForSidebar()).map((c) => c.id)).toEqual([b.id, a.id]);
    await messages.append({ conversationId: a.id, parentId: null, role: 'user', content: 'hi', status: 'complete', createdAt: 3 });
    expect((await conversations.listForSidebar()).map((c) => c.id)).toEqual([a.id, b.id]);
  });

  it('records the model of a conversation, writing only when it changes', async () => {
    const c = await conversations.create({ title: 'T', modelId: 'a', settings });
    let writes = 0;
    db.conversations.hook('updating', () => {
      writes++;
    });
    await conversations.setModel(c.id, 'a');
    expect(writes).toBe(0);
    await conversations.setModel(c.id, 'b');
    expect(writes).toBe(1);
    expect((await conversations.get(c.id))!.modelId).toBe('b');
  });

  it('appends messages as a tree and follows the shown leaf', async () => {
    const c = await conversations.create({ title: 'T', modelId: 'm', settings });
    const q = await messages.append({ conversationId: c.id, parentId: null, role: 'user', content: 'q', status: 'complete', createdAt: 10 });
    const a1 = await messages.append({ conversationId: c.id, parentId: q.id, role: 'assistant', content: 'a1', status: 'complete', createdAt: 11 });
    const a2 = await messages.append({ conversationId: c.id, parentId: q.id, role: 'assistant', content: 'a2', status: 'complete', createdAt: 12 });
    expect((await conversations.get(c.id))!.leafId).toBe(a2.id);
    expect((await messages.visiblePath(c.id, a2.id)).map((m) => m.content)).toEqual(['q', 'a2']);
    expect((await messages.visiblePath(c.id, a1.id)).map((m) => m.content)).toEqual(['q', 'a1']);
  });

  it('checkpoints a reply and marks dead streaming replies interrupted', async () => {
    const c = await conversations.create({ title: 'T', modelId: 'm', settings });
    const live = await messages.append({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    const dead = await messages.append({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    await messages.update(dead.id, { content: 'partial' });
    expect(await messages.markInterrupted((id) => id === live.id)).toBe(1);
    expect(await db.messages.get(dead.id)).toMatchObject({ status: 'interrupted', content: 'partial' });
    expect(await db.messages.get(live.id)).toMatchObject({ status: 'streaming' });
  });

  it('renames (refusing empty titles) and deletes a conversation with its messages', async () => {
    const c = await conversations.create({ title: 'T', modelId: null, settings });
    await messages.append({ conversationId: c.id, parentId: null, role: 'user', content: 'x', status: 'complete' });
    await conversations.rename(c.id, '  New  ');
    expect((await conversations.get(c.id))!.title).toBe('New');
    await expect(conversations.rename(c.id, '   ')).rejects.toThrow(/empty/);
    const deleted = await conversations.remove(c.id);
    expect(await conversations.get(c.id)).toBeUndefined();
    expect(await messages.listForConversation(c.id)).toEqual([]);
    await conversations.restore(deleted!);
    expect(await conversations.get(c.id)).toEqual(deleted!.conversation);
    expect(await messages.listForConversation(c.id)).toEqual(deleted!.messages);
  });

  it('lists pinned conversations first and keeps clean tags', async () => {
    const a = await conversations.create({ title: 'A', modelId: null, settings, now: 1 });
    const b = await conversations.create({ title: 'B', modelId: null, settings, now: 2 });
    await conversations.setPinned(a.id, true);
    expect((await conversations.listForSidebar()).map((c) => c.title)).toEqual(['A', 'B']);
    await conversations.setTags(b.id, [' Work ', 'work', '', 'ideas']);
    expect((await conversations.get(b.id))!.tags).toEqual(['work', 'ideas']);
    expect(await conversations.allTags()).toEqual(['ideas', 'work']);
  });

  it('stores custom models', async () => {
    const repo = createCustomModelsRepo(db);
    const m = await repo.add({ name: 'Tiny', urls: ['http://127.0.0.1/x.gguf'], promptFormat: 'plain', contextWindow: 512 });
    expect(m.id).toMatch(/^custom:/);
    expect(await repo.list()).toHaveLength(1);
  });
});
