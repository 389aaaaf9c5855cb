import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
});
