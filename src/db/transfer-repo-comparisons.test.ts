import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { handmadeComparison } from '../lib/transfer/comparison-test-support';
import { exportJsonParts } from '../lib/transfer/export-json';
import { handmadeConversation } from '../lib/transfer/transfer-test-support';
import { createTransferRepo } from './transfer-repo';
import { asStored, AT, deleteOpenedDbs, exportText, freshDb, importText, newId, readText, rows, seed } from './transfer-repo-test-support';

afterEach(deleteOpenedDbs);

/** The export of a library holding these, with one change applied to its parsed form. */
function fileWith(comparisons: ReturnType<typeof handmadeComparison>[], change: (doc: { comparisons: { items: Record<string, unknown>[] } }) => void = () => undefined): string {
  const doc = JSON.parse(exportJsonParts([handmadeConversation('conv', [null, 0], 1)], AT, comparisons).join(''));
  change(doc);
  return JSON.stringify(doc);
}

describe('comparisons through the database', () => {
  it('skips a comparison already present and unchanged, even when its tables list columns in another order', async () => {
    const db = freshDb();
    const stored = handmadeComparison('k1');
    await seed(db, { comparisons: [stored] });
    const before = await rows(db);
    const reordered = structuredClone(stored);
    reordered.threads = Object.fromEntries(Object.entries(stored.threads).reverse());
    const plan = await importText(db, fileWith([reordered]));
    expect(plan.comparisons.map((p) => [p.action, p.reason])).toEqual([['skip', 'already-present']]);
    expect((await rows(db)).comparisons).toEqual(before.comparisons);
  });

  it('brings a conflicting comparison (same id, different content) in as a copy with a new id, never overwriting', async () => {
    const db = freshDb();
    const original = asStored(handmadeComparison('k1', 'Prompt test'));
    await seed(db, { comparisons: [original] });
    const changed = structuredClone(original);
    changed.notes = 'B was better after all';
    changed.threads['k1-a']![0]!.score = 3;
    const plan = await importText(db, fileWith([changed]));
    expect(plan.comparisons.map((p) => [p.action, p.reason])).toEqual([['copy', 'id-taken']]);

    const all = await db.comparisons.toArray();
    expect(all).toHaveLength(2);
    expect(all.find((c) => c.id === 'k1')).toEqual(original);
    const copy = all.find((c) => c.id !== 'k1')!;
    expect(copy).toEqual({ ...changed, id: copy.id, title: 'Prompt test (imported copy)' });
    expect(copy.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes comparisons and conversations in one transaction: a failure later in the write leaves neither', async () => {
    const db = freshDb();
    await seed(db, { conversations: [handmadeConversation('keep', [null], 0)], comparisons: [handmadeComparison('kept')] });
    const before = await rows(db);
    const read = await readText(fileWith([handmadeComparison('k1'), handmadeComparison('k2')]));
    const repo = createTransferRepo(db);
    await expect(
      repo.commitImport(read, {
        newId,
        onProgress: () => {
          throw new Error('disk unplugged');
        },
      }),
    ).rejects.toMatchObject({ code: 'storage-failed', message: expect.stringContaining('Nothing was imported') });
    expect(await rows(db)).toEqual(before);
  });

  it('refuses a file with a bad comparison before writing anything, naming the file, comparison and field', async () => {
    const db = freshDb();
    await seed(db, { comparisons: [handmadeComparison('kept')] });
    const before = await rows(db);
    const bad = fileWith([handmadeComparison('k1'), handmadeComparison('k2', 'Prompt test')], (d) => {
      ((d.comparisons.items[1]!.columns as Record<string, Record<string, unknown>>[])[1]!.settings!).temperature = 'hot';
    });
    await expect(importText(db, bad, 'file.json')).rejects.toMatchObject({
      code: 'invalid',
      message: 'file.json: comparison 2 ("Prompt test"): columns[1].settings.temperature must be a number, not the text "hot"',
    });
    expect(await rows(db)).toEqual(before);
  });

  it('exports chosen comparisons in the order asked, only those, and says when one has gone', async () => {
    const db = freshDb();
    await seed(db, { conversations: [handmadeConversation('a', [null], 0)], comparisons: [handmadeComparison('k1'), handmadeComparison('k2'), handmadeComparison('k3')] });
    const repo = createTransferRepo(db);
    const chosen = await repo.readForExport({ kind: 'ids', ids: [], comparisonIds: ['k3', 'k1'] });
    expect(chosen.conversations).toEqual([]);
    expect(chosen.comparisons.map((c) => c.id)).toEqual(['k3', 'k1']);
    expect((await repo.readForExport({ kind: 'ids', ids: ['a'] })).comparisons).toEqual([]);
    await expect(repo.readForExport({ kind: 'ids', ids: ['a'], comparisonIds: ['gone'] })).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('A comparison chosen for export') });
  });

  it('still imports files written before comparisons were exported, and files with the first reserved section', async () => {
    const source = freshDb();
    await seed(source, { conversations: [handmadeConversation('a', [null, 0], 1)] });
    const current = JSON.parse(await exportText(source));
    expect(current.comparisons).toEqual({ version: 2, items: [] });
    delete current.comparisons;
    const older = freshDb();
    expect((await importText(older, JSON.stringify(current))).conversations.map((p) => p.action)).toEqual(['add']);
    expect(await rows(older)).toEqual(await rows(source));

    const reserved = { ...current, comparisons: { version: 1, items: [{ anything: 'goes' }] } };
    const read = await readText(JSON.stringify(reserved));
    expect(read).toMatchObject({ comparisons: [], comparisonsLeftOut: 1 });
    const target = freshDb();
    await createTransferRepo(target).commitImport(read, { newId });
    expect(await rows(target)).toEqual(await rows(source));
  });
});
