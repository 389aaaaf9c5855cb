/**
 * Export and import through the UI, in real Chromium: a seeded branchy
 * library goes out as JSON and into a fresh profile record for record; a
 * ChatGPT conversations.json comes in with its branches; bad files change
 * nothing and say exactly what is wrong.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wordsOf } from '../../src/lib/search-words';
import { AppDriver } from '../support/app-driver';
import type { GuardedContext } from '../support/browser';
import { startFreshProfiles, type FreshProfiles } from '../support/fresh-profiles';
import { normalised, putRows, readStores, type Row } from '../support/library-database';
import { jsonFile as json, TransferDriver, type Upload } from '../support/transfer-driver';

type Library = { conversations: Row[]; messages: Row[] };

const SETTINGS = { systemPrompt: 'Be brief.', temperature: 0.7, topP: 0.95, maxTokens: 512, repetitionPenalty: 1.1, stop: ['</s>'] };
const STATS = { promptTokens: 12, completionTokens: 30, timeToFirstTokenMs: 81.5, prefillTokensPerSecond: 147.25, decodeTokensPerSecond: 21.75, totalMs: 1480 };

/** Three conversations: regenerations and an edit (branches), a stopped reply with an error, pinning, tags, an empty one. */
function libraryRecords(): Library {
  const t = Date.UTC(2026, 10, 20, 9);
  const m = (conversationId: string, id: string, parentId: string | null, role: string, content: string, at: number, extra: object = {}) => ({
    id, conversationId, parentId, role, content, createdAt: t + at * 1000, status: 'complete', words: wordsOf(content), ...extra,
  });
  const reply = { modelId: 'WizardVicuna-7B-q4f16_1-MLC', modelName: 'WizardVicuna 7B', stats: STATS, settings: SETTINGS, finishReason: 'stop' };
  const messages = [
    m('conv-rome', 'r1', null, 'user', 'Plan three days in Rome <b>please</b>', 1),
    m('conv-rome', 'r2', 'r1', 'assistant', 'Day 1: the Colosseum…', 2, reply),
    m('conv-rome', 'r2b', 'r1', 'assistant', 'Regenerated: start at the Vatican.', 3, { ...reply, droppedMessages: 2 }),
    m('conv-rome', 'r3', 'r2b', 'user', 'And food?', 4),
    m('conv-rome', 'r4', 'r3', 'assistant', 'Try cacio e pepe 🍝', 5, { ...reply, status: 'stopped', finishReason: 'abort' }),
    m('conv-rome', 'r1e', null, 'user', 'Plan two days in Rome', 6),
    m('conv-rome', 'r2e', 'r1e', 'assistant', '', 7, { ...reply, status: 'error', finishReason: 'error', error: { code: 'device-lost', message: 'The GPU stopped.' } }),
    m('conv-code', 'c1', null, 'user', 'Write fizzbuzz in Python', 10),
    m('conv-code', 'c2', 'c1', 'assistant', '```python\nfor i in range(1, 16):\n    print(i)\n```', 11, reply),
  ];
  const conversation = (id: string, title: string, leafId: string | null, extra: object = {}) => ({
    id, title, createdAt: t, updatedAt: t + 60_000, pinned: 0, tags: [], leafId, modelId: 'WizardVicuna-7B-q4f16_1-MLC', settings: SETTINGS, ...extra,
  });
  return {
    conversations: [
      conversation('conv-rome', 'Trip to Rome', 'r4', { pinned: 1, tags: ['travel', 'italy'] }),
      conversation('conv-code', 'Fizzbuzz', 'c2', { updatedAt: t + 120_000, modelId: null }),
      conversation('conv-empty', 'Nothing yet', null),
    ],
    messages,
  };
}

/** Every conversation and message as stored, sorted by id (JSON-normalised: a missing field and an undefined one are the same). */
const readLibrary = (page: Page): Promise<Library> => readStores(page, ['conversations', 'messages']);

/** Screenshots of the panel, to look at (not compared). */
const SHOTS = process.env.TRANSFER_E2E_SHOTS ?? join(tmpdir(), 'wv-transfer-screenshots');

describe('export and import', () => {
  let profiles: FreshProfiles;
  let contexts: GuardedContext[];
  let source: Page;
  let target: Page;
  let exported: { name: string; text: string };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    profiles = await startFreshProfiles(process.env.TRANSFER_E2E_DIST);
    ({ contexts } = profiles);
    source = await profiles.freshPage();
    await putRows(source, libraryRecords());
    target = await profiles.freshPage();
  });

  afterAll(() => profiles?.close());

  it('exports the whole library as JSON and imports it into a fresh profile, record for record', async () => {
    expect(await new AppDriver(source).conversationTitles()).toEqual(['📌 Trip to Rome', 'Fizzbuzz', 'Nothing yet']);
    exported = await new TransferDriver(source).export('json');
    expect(exported.name).toMatch(/^wizardvicuna-library-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(exported.text);
    expect(doc).toMatchObject({ format: 'wizardvicuna-chat-export', version: 1 });
    expect(doc.conversations.map((c: { messages: unknown[] }) => c.messages.length).sort()).toEqual([0, 2, 7]);

    const transfer = new TransferDriver(target);
    await transfer.choose([json(exported.name, exported.text)]);
    expect(await transfer.preview()).toMatchObject({ added: '3', copied: null, skipped: null });
    expect((await transfer.preview()).text).toContain('Add 3 conversations (9 messages)');
    expect(await transfer.confirm()).toBe('Imported 3 conversations (9 messages).');

    const imported = await readLibrary(target);
    expect(imported).toEqual(await readLibrary(source));
    expect(imported).toEqual(normalised(libraryRecords()));
    await expect.poll(() => new AppDriver(target).conversationTitles()).toEqual(['📌 Trip to Rome', 'Fizzbuzz', 'Nothing yet']);
  });

  it('skips everything when the same file is imported again', async () => {
    const transfer = new TransferDriver(target);
    const before = await readLibrary(target);
    await transfer.choose([json(exported.name, exported.text)]);
    const preview = await transfer.preview();
    expect(preview).toMatchObject({ added: '0', skipped: '3' });
    expect(await target.getByRole('button', { name: 'Nothing new to import' }).isDisabled()).toBe(true);
    await target.getByRole('region', { name: 'Import preview' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await readLibrary(target)).toEqual(before);
  });

  it('imports a ChatGPT conversations.json with its branches, showing the branch at current_node', async () => {
    const transfer = new TransferDriver(target);
    await transfer.choose([json('conversations.json', chatgptExport())]);
    const preview = await transfer.preview();
    expect(preview.added).toBe('1');
    expect(preview.text).toContain('Add 1 conversation (5 messages)');
    expect(preview.text).toContain('Left out (no place for them here): code interpreter output: 1, code sent to tools: 1, images: 1.');
    await transfer.panel().screenshot({ path: join(SHOTS, 'transfer-panel-preview.png') });
    expect(await transfer.confirm()).toBe('Imported 1 conversation (5 messages).');

    const app = new AppDriver(target);
    await app.openConversation('Packing list');
    await expect.poll(async () => (await app.messages()).map((m) => m.text)).toEqual(['What should I pack?', 'A raincoat.', 'And for the beach?', 'Sunscreen.']);
    expect(await app.versionOf(1)).toBe('2/2');
    await app.previousVersion(1);
    await expect.poll(async () => (await app.messages()).map((m) => m.text)).toEqual(['What should I pack?', 'An umbrella.']);
    const stored = (await readLibrary(target)).conversations.find((c) => c.id === 'chatgpt-pack')!;
    expect((stored.settings as { systemPrompt: string }).systemPrompt).toBe('About me:\nI live in Bergen.');
  });

  it('leaves the library unchanged and says exactly what is wrong with a bad file', async () => {
    const transfer = new TransferDriver(target);
    const before = await readLibrary(target);
    const bad = chatgptExport();
    bad.push({ ...bad[0]!, id: 'second', title: 'Second' }, { ...bad[0]!, id: 'third', title: 'Trip plans' });
    bad[2]!.mapping = { ...bad[2]!.mapping, abc: { id: 'abc', parent: 'u1', children: [], message: { author: { role: 'user' }, content: { content_type: 'text', parts: [7] } } } };
    const cases: [Upload, string][] = [
      [json('conversations.json', bad), 'conversations.json: conversation 3 ("Trip plans"): mapping["abc"].message.content.parts[0] must be a string'],
      [json('backup.json', exported.text.slice(0, 500)), 'backup.json ends in the middle of the data: it looks cut off. Was the download complete?'],
      [{ name: 'export.zip', mimeType: 'application/zip', buffer: Buffer.from('this is not a zip') }, 'export.zip is not a zip archive, although its name ends in .zip.'],
    ];
    for (const [file, message] of cases) {
      await transfer.choose([file]);
      expect(await transfer.error()).toContain(message);
      expect(await readLibrary(target)).toEqual(before);
    }
    await target.getByTestId('import-limits').scrollIntoViewIfNeeded();
    await transfer.panel().screenshot({ path: join(SHOTS, 'transfer-panel-error.png') });
  });

  it('exports one conversation from its menu as a web page that runs nothing', async () => {
    await source.getByLabel('Actions for Trip to Rome', { exact: true }).first().click();
    const transfer = new TransferDriver(source);
    await source.getByRole('group', { name: 'Actions for Trip to Rome' }).getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => transfer.panel().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await transfer.panel().getByRole('checkbox', { name: 'Trip to Rome' }).isChecked()).toBe(true);
    expect(await transfer.panel().getByRole('checkbox', { name: 'Fizzbuzz' }).isChecked()).toBe(false);
    await transfer.panel().getByLabel('Format').selectOption('html');
    await transfer.panel().screenshot({ path: join(SHOTS, 'transfer-panel-export.png') });
    const page = await transfer.download(() => transfer.panel().getByRole('button', { name: 'Export', exact: true }).click());
    expect(page.name).toMatch(/^wizardvicuna-\d{4}-\d{2}-\d{2}-trip-to-rome\.html$/);
    expect(page.text).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(page.text).not.toMatch(/<script/i);
    expect(page.text).toContain('Plan three days in Rome &lt;b&gt;please&lt;/b&gt;');
    expect(page.text).toContain('Try cacio e pepe 🍝');
    expect(page.text).not.toContain('Day 1: the Colosseum');

    // Opened as a file, the page shows the chat and nothing runs or loads.
    const viewer = await contexts[0]!.context.newPage();
    const errors: string[] = [];
    viewer.on('pageerror', (e) => errors.push(e.message));
    await viewer.setContent(page.text);
    expect(await viewer.locator('.message').count()).toBe(4);
    await viewer.screenshot({ path: join(SHOTS, 'transfer-exported-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await viewer.close();
  });

  it('never reached beyond 127.0.0.1', () => {
    for (const guarded of contexts) expect(guarded.blocked).toEqual([]);
  });
});

/** A ChatGPT export with a regenerated reply, custom instructions, a code-interpreter detour and an image. */
function chatgptExport(): { id: string; title: string; current_node: string; mapping: Record<string, unknown>; create_time: number; update_time: number }[] {
  const t = 1_763_000_000;
  const msg = (role: string, parts: unknown[], at: number, extra: object = {}) => ({
    author: { role, name: null, metadata: {} }, create_time: at, content: { content_type: 'text', parts }, status: 'finished_successfully', metadata: {}, recipient: 'all', ...extra,
  });
  const nodes: [string, string | null, unknown][] = [
    ['root', null, null],
    ['ci', 'root', { ...msg('user', [], t), content: { content_type: 'user_editable_context', user_profile: 'x', user_instructions: '' }, metadata: { is_visually_hidden_from_conversation: true, user_context_message_data: { about_user_message: 'I live in Bergen.', about_model_message: '' } } }],
    ['u1', 'ci', msg('user', ['What should I pack?'], t + 1)],
    ['a1', 'u1', msg('assistant', ['An umbrella.'], t + 2, { metadata: { model_slug: 'gpt-4o' } })],
    ['a1b', 'u1', msg('assistant', ['A raincoat.'], t + 3, { metadata: { model_slug: 'gpt-4o' } })],
    ['u2', 'a1b', { ...msg('user', [{ content_type: 'image_asset_pointer', asset_pointer: 'file-service://x' }, 'And for the beach?'], t + 4), content: { content_type: 'multimodal_text', parts: [{ content_type: 'image_asset_pointer', asset_pointer: 'file-service://x' }, 'And for the beach?'] } }],
    ['code', 'u2', { ...msg('assistant', [], t + 5), recipient: 'python', content: { content_type: 'code', text: 'print(1)' } }],
    ['out', 'code', { ...msg('tool', [], t + 6), content: { content_type: 'execution_output', text: '1' } }],
    ['a2', 'out', msg('assistant', ['Sunscreen.'], t + 7, { metadata: { model_slug: 'gpt-4o' } })],
  ];
  const mapping: Record<string, { id: string; parent: string | null; children: string[]; message: unknown }> = {};
  for (const [id, parent, message] of nodes) mapping[id] = { id, parent, children: [], message };
  for (const [id, parent] of nodes) if (parent) mapping[parent]!.children.push(id);
  return [{ id: 'chatgpt-pack', title: 'Packing list', create_time: t, update_time: t + 7, current_node: 'a2', mapping }];
}
