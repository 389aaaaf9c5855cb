import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fullLibraryArbitrary } from '../lib/transfer/comparison-test-support';
import { exportJsonParts } from '../lib/transfer/export-json';
import { handmadeConversation } from '../lib/transfer/transfer-test-support';
import type { StoredComparison } from './records';
import { createTransferRepo } from './transfer-repo';
import { AT, deleteOpenedDbs, exportText, freshDb, importText, newId, rows, seed } from './transfer-repo-test-support';

afterEach(deleteOpenedDbs);

describe('export and import through the database', () => {
  it('round-trips branchy libraries with comparisons: export -> import into an empty library -> export gives the same file and the same records', async () => {
    await fc.assert(
      fc.asyncProperty(fullLibraryArbitrary, async (library) => {
        const comparisons: StoredComparison[] = library.comparisons;
        const source = freshDb();
        await seed(source, { conversations: library.conversations, comparisons });
        const first = await exportText(source);
        expect(JSON.parse(first).comparisons).toMatchObject({ version: 2, items: { length: comparisons.length } });
        const target = freshDb();
        const plan = await importText(target, first);
        expect([...plan.conversations, ...plan.comparisons].every((p) => p.action === 'add')).toBe(true);
        expect(await exportText(target)).toBe(first);
        // Raw records match too, including the recomputed search words.
        expect(await rows(target)).toEqual(await rows(source));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('skips conversations already present and unchanged; importing twice changes nothing', async () => {
    const db = freshDb();
    await seed(db, { conversations: [handmadeConversation('a', [null, 0, 0, 1], 3), handmadeConversation('b', [null, 0], 1)] });
    const file = await exportText(db);
    const before = await rows(db);
    const plan = await importText(db, file);
    expect(plan.conversations.map((p) => [p.action, p.reason])).toEqual([['skip', 'already-present'], ['skip', 'already-present']]);
    expect(await rows(db)).toEqual(before);
  });

  it('brings a conflicting conversation (same id, different content) in as a copy with new ids, parents and leaf remapped, never overwriting', async () => {
    const db = freshDb();
    const original = handmadeConversation('a', [null, 0, 0, 2], 3);
    await seed(db, { conversations: [original] });
    const changed = structuredClone(original);
    changed.messages[1]!.content = 'edited elsewhere';
    const source = freshDb();
    await seed(source, { conversations: [changed] });
    const plan = await importText(db, await exportText(source));
    expect(plan.conversations.map((p) => [p.action, p.reason])).toEqual([['copy', 'id-taken']]);

    const all = await db.conversations.toArray();
    expect(all).toHaveLength(2);
    expect(all.find((c) => c.id === 'a')).toEqual(original.conversation);
    const copy = all.find((c) => c.id !== 'a')!;
    expect(copy.title).toBe('Conversation a (imported copy)');
    const copied = await db.messages.where('conversationId').equals(copy.id).toArray();
    expect(copied).toHaveLength(4);
    expect(copied.some((m) => m.id.startsWith('a-'))).toBe(false);
    const byContent = new Map(copied.map((m) => [m.content, m]));
    expect(byContent.get('message 3 of a')!.parentId).toBe(byContent.get('message 2 of a')!.id);
    expect(byContent.get('edited elsewhere')!.parentId).toBe(byContent.get('message 0 of a')!.id);
    expect(copy.leafId).toBe(byContent.get('message 3 of a')!.id);
    expect((await db.messages.where('conversationId').equals('a').toArray()).map((m) => m.content)).not.toContain('edited elsewhere');
  });

  it('copies a new conversation whose message ids are used by another conversation', async () => {
    const db = freshDb();
    await seed(db, { conversations: [handmadeConversation('a', [null, 0], 1)] });
    const intruder = handmadeConversation('z', [null, 0], 1);
    intruder.messages = intruder.messages.map((m) => ({ ...m, id: m.id.replace('z-', 'a-'), parentId: m.parentId?.replace('z-', 'a-') ?? null }));
    intruder.conversation.leafId = 'a-m1';
    // No one library holds both, so the file is written directly.
    const file = exportJsonParts([intruder], AT).join('');
    const plan = await importText(db, file);
    expect(plan.conversations.map((p) => [p.action, p.reason])).toEqual([['copy', 'message-ids-taken']]);
    expect(await db.messages.count()).toBe(4);
    expect((await db.messages.get('a-m1'))!.conversationId).toBe('a');
  });

  it('writes all or nothing: a failure in the middle of the write leaves the library as it was', async () => {
    const db = freshDb();
    await seed(db, { conversations: [handmadeConversation('keep', [null, 0], 1)] });
    const before = await rows(db);
    const big = Array.from({ length: 5 }, (_, i) => handmadeConversation(`big${i}`, Array.from({ length: 1000 }, (_, j) => (j ? j - 1 : null)), 999));
    const repo = createTransferRepo(db);
    let calls = 0;
    await expect(
      repo.commitImport({ conversations: big, comparisons: [] }, {
        newId,
        onProgress: () => {
          calls += 1;
          if (calls === 2) throw new Error('disk unplugged');
        },
      }),
    ).rejects.toMatchObject({ code: 'storage-failed', message: expect.stringContaining('Nothing was imported') });
    expect(calls).toBe(2);
    expect(await rows(db)).toEqual(before);
  });

  it('exports chosen conversations in the order asked, and says when one has gone', async () => {
    const db = freshDb();
    await seed(db, { conversations: [handmadeConversation('a', [null], 0), handmadeConversation('b', [null], 0)] });
    const repo = createTransferRepo(db);
    expect((await repo.readForExport({ kind: 'ids', ids: ['b', 'a'] })).conversations.map((c) => c.conversation.id)).toEqual(['b', 'a']);
    await expect(repo.readForExport({ kind: 'ids', ids: ['gone'] })).rejects.toMatchObject({ code: 'not-found' });
  });
});
