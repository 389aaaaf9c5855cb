import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wordsOf } from '../lib/search-words';
import { createConversationsRepo } from './conversations-repo';
import { openDatabase, type ChatDatabase } from './database';
import { createMessagesRepo } from './messages-repo';
import { createSearchRepo } from './search-repo';

const settings = { systemPrompt: '', temperature: 0, topP: 1, maxTokens: 8, repetitionPenalty: 1, stop: [] };

describe('search', () => {
  let db: ChatDatabase;
  beforeEach(() => {
    db = openDatabase(`search-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('finds messages by word prefixes (all terms) and titles, newest first', async () => {
    const conversations = createConversationsRepo(db);
    const messages = createMessagesRepo(db);
    const search = createSearchRepo(db);
    const c = await conversations.create({ title: 'Pirate stories', modelId: null, settings });
    const a = await messages.append({ conversationId: c.id, parentId: null, role: 'user', content: 'Where is the treasure buried?', status: 'complete', createdAt: 1 });
    const b = await messages.append({ conversationId: c.id, parentId: a.id, role: 'assistant', content: 'The TREASURE is under the old oak tree.', status: 'complete', createdAt: 2 });
    expect((await search.search('treas')).map((h) => h.messageId)).toEqual([b.id, a.id]);
    expect((await search.search('treasure oak')).map((h) => h.messageId)).toEqual([b.id]);
    expect(await search.search('pirate')).toMatchObject([{ conversationId: c.id, messageId: null }]);
    expect(await search.search('   ')).toEqual([]);
    const [hit] = await search.search('oak');
    expect(hit!.snippet).toContain('old oak tree');
    expect(hit!.conversationTitle).toBe('Pirate stories');
  });

  it('updates the index when a streamed reply is checkpointed', async () => {
    const conversations = createConversationsRepo(db);
    const messages = createMessagesRepo(db);
    const c = await conversations.create({ title: 'T', modelId: null, settings });
    const m = await messages.append({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    await messages.update(m.id, { content: 'partial zebra' });
    expect((await createSearchRepo(db).search('zebra')).map((h) => h.messageId)).toEqual([m.id]);
  });

  it('with a very common word, still returns the newest matches of every term', async () => {
    const conversations = createConversationsRepo(db);
    const c = await conversations.create({ title: 'Notes', modelId: null, settings });
    // 1500 messages share "common" (more than are read through the word index); every 7th also has "rare";
    // times are stored out of order.
    const times = Array.from({ length: 1500 }, (_, i) => (i * 263) % 1500);
    await db.messages.bulkAdd(
      times.map((t) => {
        const content = `common words ${t}${t % 7 === 0 ? ' rare' : ''}`;
        return { id: `m${t}`, conversationId: c.id, parentId: null, role: 'user' as const, content, status: 'complete' as const, createdAt: 1000 + t, words: wordsOf(content) };
      }),
    );
    const search = createSearchRepo(db);
    expect((await search.search('comm', 10)).map((h) => h.createdAt)).toEqual(Array.from({ length: 10 }, (_, i) => 2499 - i));
    expect((await search.search('common rare', 5)).map((h) => h.createdAt)).toEqual([2498, 2491, 2484, 2477, 2470]);
    expect(await search.search('common absent')).toEqual([]);
  });

  it('finds common words that are rare together, newest first', async () => {
    const c = await createConversationsRepo(db).create({ title: 'Notes', modelId: null, settings });
    const row = (i: number, content: string) => ({ id: `r${i}`, conversationId: c.id, parentId: null, role: 'user' as const, content, status: 'complete' as const, createdAt: i, words: wordsOf(content) });
    // Three old messages have both words; the 2,400 newer ones have one of them each.
    await db.messages.bulkAdd([
      ...[1, 2, 3].map((i) => row(i, `alpha beta ${i}`)),
      ...Array.from({ length: 2400 }, (_, k) => row(10 + k, k % 2 ? `alpha only ${k}` : `beta only ${k}`)),
    ]);
    const hits = await createSearchRepo(db).search('alpha beta');
    expect(hits.map((h) => h.messageId)).toEqual(['r3', 'r2', 'r1']);
  });

  it('finds a common word that the newest messages lack, newest first', async () => {
    const c = await createConversationsRepo(db).create({ title: 'Notes', modelId: null, settings });
    const row = (i: number, content: string) => ({ id: `g${i}`, conversationId: c.id, parentId: null, role: 'user' as const, content, status: 'complete' as const, createdAt: i, words: wordsOf(content) });
    await db.messages.bulkAdd([...Array.from({ length: 1200 }, (_, i) => row(i, `gamma ${i}`)), ...Array.from({ length: 1600 }, (_, i) => row(5000 + i, `delta ${i}`))]);
    const hits = await createSearchRepo(db).search('gamma', 5);
    expect(hits.map((h) => h.messageId)).toEqual(['g1199', 'g1198', 'g1197', 'g1196', 'g1195']);
  });
});
