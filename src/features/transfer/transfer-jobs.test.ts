import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransferRepo } from '../../db';
import { openDatabase, type ChatDatabase } from '../../db/database';
import { handmadeComparison } from '../../lib/transfer/comparison-test-support';
import { chatgptMapping, chatgptMessage, handmadeConversation, SETTINGS } from '../../lib/transfer/transfer-test-support';
import { previewOf, runCommit, runExport, runPreview } from './transfer-jobs';

let db: ChatDatabase;
const quiet = () => undefined;
const file = (name: string, text: string) => new File([text], name);

afterEach(() => db?.delete());

describe('transfer jobs (what the worker runs)', () => {
  it('exports the library, previews it into another library, and imports it', async () => {
    db = openDatabase(`jobs-${crypto.randomUUID()}`);
    const repo = createTransferRepo(db);
    const a = handmadeConversation('a', [null, 0, 0, 2], 3);
    await db.conversations.add(a.conversation);
    await db.messages.bulkAdd(a.messages.map((m) => ({ ...m, conversationId: 'a' })));
    const exported = await runExport(repo, { kind: 'all' }, 'json', new Date(2026, 10, 24), quiet);
    expect(exported).toMatchObject({ fileName: 'wizardvicuna-library-2026-11-24.json', conversations: 1, messages: 4 });
    expect(exported.file.type).toBe('application/json');

    const chatgpt = [{ id: 'g1', title: 'From ChatGPT', current_node: 'b', mapping: chatgptMapping([['u', null, chatgptMessage('user', ['Hi'])], ['b', 'u', chatgptMessage('assistant', ['Hello'])]]) }];
    const files = [file('backup.json', await exported.file.text()), file('conversations.json', JSON.stringify(chatgpt))];
    const { read, plan, ms } = await runPreview(repo, files, SETTINGS, quiet);
    const { preview } = previewOf(1, read, plan, ms);
    expect(preview.added).toEqual({ conversations: 1, messages: 2, comparisons: 0 });
    expect(preview.skipped).toEqual({ conversations: 1, messages: 4, comparisons: 0 });
    expect(preview.items.map((i) => [i.title, i.action])).toEqual([['Conversation a', 'skip'], ['From ChatGPT', 'add']]);

    const result = await runCommit(repo, read, quiet);
    expect(result).toMatchObject({ added: { conversations: 1, messages: 2 }, copied: { conversations: 0, messages: 0 }, skipped: { conversations: 1, messages: 4 } });
    expect((await db.conversations.get('g1'))!.leafId).toBe('b');
    expect((await db.messages.get('b'))!.words).toEqual(['hello']);
  });

  it('exports one conversation as Markdown, text or a web page under its title', async () => {
    db = openDatabase(`jobs-${crypto.randomUUID()}`);
    const repo = createTransferRepo(db);
    const a = handmadeConversation('a', [null, 0], 1);
    await db.conversations.add({ ...a.conversation, title: 'Weekend in Rome' });
    await db.messages.bulkAdd(a.messages.map((m) => ({ ...m, conversationId: 'a' })));
    const now = new Date(2026, 10, 24);
    const md = await runExport(repo, { kind: 'ids', ids: ['a'] }, 'markdown', now, quiet);
    expect(md.fileName).toBe('wizardvicuna-2026-11-24-weekend-in-rome.md');
    expect(await md.file.text()).toContain('# Weekend in Rome');
    expect((await runExport(repo, { kind: 'ids', ids: ['a'] }, 'html', now, quiet)).fileName).toBe('wizardvicuna-2026-11-24-weekend-in-rome.html');
    expect((await runExport(repo, { kind: 'ids', ids: ['a'] }, 'text', now, quiet)).file.type).toBe('text/plain;charset=utf-8');
  });

  it('puts comparisons into JSON exports (the whole library or chosen ones), previews and imports them', async () => {
    db = openDatabase(`jobs-${crypto.randomUUID()}`);
    const repo = createTransferRepo(db);
    const a = handmadeConversation('a', [null, 0], 1);
    await db.conversations.add(a.conversation);
    await db.messages.bulkAdd(a.messages.map((m) => ({ ...m, conversationId: 'a' })));
    await db.comparisons.bulkAdd([handmadeComparison('k2', 'Second'), { ...handmadeComparison('k1', 'Prompt test'), createdAt: 1 }]);
    const now = new Date(2026, 10, 24);

    const all = await runExport(repo, { kind: 'all' }, 'json', now, quiet);
    expect(all).toMatchObject({ conversations: 1, messages: 2, comparisons: 2 });
    expect(JSON.parse(await all.file.text()).comparisons.items.map((c: { id: string }) => c.id)).toEqual(['k1', 'k2']);
    const markdown = await runExport(repo, { kind: 'all' }, 'markdown', now, quiet);
    expect(markdown.comparisons).toBe(0);
    expect(await markdown.file.text()).not.toContain('Prompt test');
    const one = await runExport(repo, { kind: 'ids', ids: [], comparisonIds: ['k1'] }, 'json', now, quiet);
    expect(one.fileName).toBe('wizardvicuna-2026-11-24-prompt-test.json');
    const mixed = await runExport(repo, { kind: 'ids', ids: ['a'], comparisonIds: ['k1', 'k2'] }, 'json', now, quiet);
    expect(mixed.fileName).toBe('wizardvicuna-2026-11-24-1-conversation-2-comparisons.json');

    await db.comparisons.update('k2', { notes: 'changed since the export' });
    const { read, plan, ms } = await runPreview(repo, [file(all.fileName, await all.file.text())], SETTINGS, quiet);
    const { preview } = previewOf(1, read, plan, ms);
    expect(preview.sources).toEqual([{ label: all.fileName, kind: 'wizardvicuna', conversations: 1, comparisons: 2 }]);
    expect(preview.skipped).toEqual({ conversations: 1, messages: 2, comparisons: 1 });
    expect(preview.copied).toEqual({ conversations: 0, messages: 0, comparisons: 1 });
    expect(preview.comparisonItems).toEqual([
      { title: 'Prompt test', action: 'skip', reason: 'already-present' },
      { title: 'Second', action: 'copy', reason: 'id-taken' },
    ]);
    const result = await runCommit(repo, read, quiet);
    expect(result.copied).toEqual({ conversations: 0, messages: 0, comparisons: 1 });
    expect((await db.comparisons.toArray()).map((c) => c.title).sort()).toEqual(['Prompt test', 'Second', 'Second (imported copy)']);
    expect((await db.comparisons.get('k2'))!.notes).toBe('changed since the export');
  });
});
