import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComparisonsRepoError, createComparisonsRepo } from './comparisons-repo';
import { openDatabase, type ChatDatabase } from './database';
import type { ComparisonVariant, ConversationSettings } from './records';

const settings: ConversationSettings = { systemPrompt: 'S', temperature: 0, topP: 1, maxTokens: 8, repetitionPenalty: 1, stop: [] };
const column = (id: string, template = '{input}'): ComparisonVariant => ({ id, label: id.toUpperCase(), modelId: 'm', template, settings });

describe('comparisons repository (fake-indexeddb)', () => {
  let db: ChatDatabase;
  let repo: ReturnType<typeof createComparisonsRepo>;

  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    repo = createComparisonsRepo(db);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('creates a comparison with an empty thread per column and the first two columns paired', async () => {
    const created = await repo.create({ title: '  Two   templates ', columns: [column('a'), column('b', 'Briefly: {input}')], now: 5 });
    expect(created).toMatchObject({ title: 'Two templates', createdAt: 5, updatedAt: 5, threads: { a: [], b: [] }, inputs: [], votes: [], notes: '', pair: { a: 'a', b: 'b' } });
    expect(await repo.get(created.id)).toEqual(created);
  });

  it('saves the whole comparison, threads, questions and judging included, and lists newest first', async () => {
    const first = await repo.create({ title: 'First', columns: [column('a'), column('b')], now: 1 });
    const second = await repo.create({ title: 'Second', columns: [column('a'), column('b')], now: 2 });
    const reply = { content: ', there was a girl', status: 'complete' as const, modelId: 'm', stats: { promptTokens: 4, completionTokens: 9, timeToFirstTokenMs: 12, prefillTokensPerSecond: 100, decodeTokensPerSecond: 50, totalMs: 200 } };
    const saved = await repo.save(
      {
        ...first,
        inputs: ['Once upon a time'],
        threads: { a: [{ round: 0, input: 'Once upon a time', prompt: 'Once upon a time', reply, score: 8 }], b: [] },
        questions: [{ question: 'Q1', replies: { a: reply }, scores: { a: 3 } }],
        votes: [{ round: 0, a: 'a', b: 'b', verdict: 'tie' }],
        notes: 'A is better',
      },
      10,
    );
    expect(saved.updatedAt).toBe(10);
    expect(await repo.get(first.id)).toEqual(saved);
    expect((await repo.list()).map((c) => c.id)).toEqual([first.id, second.id]);
  });

  it('renames (refusing empty titles) and deletes', async () => {
    const c = await repo.create({ title: 'Old', columns: [column('a'), column('b')] });
    await repo.rename(c.id, ' New name ');
    expect((await repo.get(c.id))!.title).toBe('New name');
    await expect(repo.rename(c.id, '   ')).rejects.toMatchObject({ code: 'empty-title' });
    await expect(repo.rename('missing', 'x')).rejects.toBeInstanceOf(ComparisonsRepoError);
    await repo.remove(c.id);
    expect(await repo.get(c.id)).toBeUndefined();
    expect(await repo.list()).toEqual([]);
  });
});
