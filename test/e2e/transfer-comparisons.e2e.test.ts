/**
 * Comparisons through export and import, in real Chromium: saved comparisons
 * seeded into the app's database go out in the JSON export (the whole library,
 * or chosen ones) and into a fresh profile record for record; a changed one
 * comes back as a copy; a bad one changes nothing and says what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wordsOf } from '../../src/lib/search-words';
import { AppDriver } from '../support/app-driver';
import type { GuardedContext } from '../support/browser';
import { startFreshProfiles, type FreshProfiles } from '../support/fresh-profiles';
import { normalised, putRows, readStores, type Row } from '../support/library-database';
import { jsonFile, TransferDriver } from '../support/transfer-driver';

type Library = { conversations: Row[]; messages: Row[]; comparisons: Row[] };

const STORES = ['conversations', 'messages', 'comparisons'] as const;
const SETTINGS = { systemPrompt: 'Be brief.', temperature: 0.7, topP: 0.95, maxTokens: 512, repetitionPenalty: 1.1, stop: ['</s>'] };
const T = Date.UTC(2026, 10, 20, 9);

/** One conversation and two comparisons: three columns, every reply status, speeds JSON cannot hold, a question set, votes and notes. */
function libraryRecords(): Library {
  const stats = (speed: number) => ({ promptTokens: 12, completionTokens: 30, timeToFirstTokenMs: 81.5, prefillTokensPerSecond: speed, decodeTokensPerSecond: 21.75, totalMs: 1480 });
  const reply = (content: string, extra: object = {}) => ({ content, status: 'complete', finishReason: 'stop', stats: stats(147.25), modelId: 'WizardVicuna-7B-q4f16_1-MLC', modelName: 'WizardVicuna 7B', ...extra });
  const column = (id: string, label: string, template: string, extra: object = {}) => ({ id, label, modelId: 'WizardVicuna-7B-q4f16_1-MLC', template, settings: SETTINGS, ...extra });
  const turn = (round: number, input: string, prompt: string, r: object | null, score?: number) => ({ round, input, prompt, reply: r, ...(score ? { score } : {}) });
  const inputs = ['Name a <b>city</b>', 'Why that one? 🏙️'];
  const prompt = {
    id: 'cmp-prompt', title: 'Prompt test', createdAt: T + 5000, updatedAt: T + 90_000,
    columns: [column('col-plain', 'A', '{input}'), column('col-brief', 'B', 'Briefly: {input}', { settings: { ...SETTINGS, seed: 42 } }), column('col-tiny', 'Tiny', '{input}', { modelId: null })],
    inputs,
    threads: {
      'col-plain': [turn(0, inputs[0]!, inputs[0]!, reply('Oslo.'), 7), turn(1, inputs[1]!, inputs[1]!, reply('Fjords', { status: 'stopped', finishReason: 'abort', stats: stats(NaN) }))],
      'col-brief': [turn(0, inputs[0]!, `Briefly: ${inputs[0]}`, reply('Rome', { stats: stats(Infinity), droppedMessages: 1 }), 9), turn(1, inputs[1]!, `Briefly: ${inputs[1]}`, reply('Because', { status: 'interrupted' }))],
      'col-tiny': [turn(0, inputs[0]!, inputs[0]!, { content: '', status: 'error', error: { code: 'cannot-run', message: 'Cannot run here: no model chosen' }, modelId: null }), turn(1, inputs[1]!, inputs[1]!, null)],
    },
    questions: [{ question: '2 + 2?', replies: { 'col-plain': reply('4'), 'col-brief': reply('Four') }, scores: { 'col-plain': 10 } }],
    votes: [{ round: 0, a: 'col-plain', b: 'col-brief', verdict: 'b' }, { round: 1, a: 'col-plain', b: 'col-brief', verdict: 'both-bad' }],
    notes: 'B is terser <script>alert(1)</script>',
    pair: { a: 'col-plain', b: 'col-brief' },
  };
  const story = {
    id: 'cmp-story', title: 'Story openings', createdAt: T, updatedAt: T + 1000,
    columns: [column('s-a', 'A', '{input}'), column('s-b', 'B', 'Once upon a time: {input}')],
    inputs: [], threads: { 's-a': [], 's-b': [] }, questions: [], votes: [], notes: '', pair: null,
  };
  const message = (id: string, parentId: string | null, role: string, content: string, at: number) => ({ id, conversationId: 'conv-1', parentId, role, content, createdAt: T + at, status: 'complete', words: wordsOf(content) });
  return {
    conversations: [{ id: 'conv-1', title: 'Trip to Rome', createdAt: T, updatedAt: T + 2000, pinned: 0, tags: [], leafId: 'm2', modelId: null, settings: SETTINGS }],
    messages: [message('m1', null, 'user', 'Plan a day in Rome', 1000), message('m2', 'm1', 'assistant', 'Start at the Colosseum.', 2000)],
    comparisons: [prompt, story],
  };
}

/** Writes straight into the app's database (Dexie schema 4 is IndexedDB version 40) and reloads so the app shows it. */
async function put(page: Page, rows: Partial<Library>): Promise<void> {
  expect(await putRows(page, rows)).toBe(40);
}

const readLibrary = (page: Page): Promise<Library> => readStores(page, STORES);

describe('comparisons in export and import', () => {
  let profiles: FreshProfiles;
  let contexts: GuardedContext[];
  let source: Page;
  let target: Page;
  let exported: { name: string; text: string };

  beforeAll(async () => {
    profiles = await startFreshProfiles(process.env.TRANSFER_E2E_DIST);
    ({ contexts } = profiles);
    source = await profiles.freshPage();
    await put(source, libraryRecords());
    target = await profiles.freshPage();
  });

  afterAll(() => profiles?.close());

  it('exports every comparison with the whole library and imports it into a fresh profile, record for record', async () => {
    expect(await readLibrary(source)).toEqual(normalised(libraryRecords()));
    exported = await new TransferDriver(source).export('json');
    const doc = JSON.parse(exported.text);
    expect(doc.comparisons.version).toBe(2);
    expect(doc.comparisons.items.map((c: { title: string }) => c.title)).toEqual(['Story openings', 'Prompt test']);
    expect(doc.comparisons.items[1].threads['col-plain'][1].reply.stats.prefillTokensPerSecond).toBe('NaN');

    const transfer = new TransferDriver(target);
    await transfer.choose([jsonFile(exported.name, exported.text)]);
    expect(await transfer.preview()).toMatchObject({ added: '1', 'comparisons-added': '2', 'comparisons-copied': null, button: 'Import 1 conversation and 2 comparisons' });
    expect(await transfer.confirm()).toBe('Imported 1 conversation (2 messages) and 2 comparisons.');
    expect(await readLibrary(target)).toEqual(await readLibrary(source));

    const app = new AppDriver(target);
    await app.openCompare();
    const saved = target.getByTestId('saved-comparison');
    await expect.poll(() => saved.allTextContents()).toEqual([expect.stringContaining('Prompt test'), expect.stringContaining('Story openings')]);
    expect(await app.compareWorkspace().getByRole('textbox', { name: 'Comparison title' }).inputValue()).toBe('Prompt test');
    await app.showChat();
    expect(await readLibrary(target)).toEqual(await readLibrary(source));
  });

  it('brings a comparison changed since in as a copy, never overwriting, and skips the unchanged one', async () => {
    const changed = { ...libraryRecords().comparisons.find((c) => c.id === 'cmp-prompt')!, notes: 'Changed in this profile' };
    await put(target, { comparisons: [changed] });
    const before = await readLibrary(target);
    const transfer = new TransferDriver(target);
    await transfer.choose([jsonFile(exported.name, exported.text)]);
    expect(await transfer.preview()).toMatchObject({ skipped: '1', 'comparisons-added': '0', 'comparisons-copied': '1', 'comparisons-skipped': '1', button: 'Import 1 comparison' });
    expect(await transfer.confirm()).toBe('Imported 1 comparison as copies; skipped 1 conversation (2 messages) and 1 comparison already in your library.');

    const after = await readLibrary(target);
    expect(after.comparisons).toHaveLength(3);
    for (const row of before.comparisons) expect(after.comparisons).toContainEqual(row);
    const copy = after.comparisons.find((c) => !before.comparisons.some((b) => b.id === c.id))!;
    const original = (await readLibrary(source)).comparisons.find((c) => c.id === 'cmp-prompt')!;
    expect(copy).toEqual({ ...original, id: copy.id, title: 'Prompt test (imported copy)' });
  });

  it('exports chosen comparisons on their own', async () => {
    const chosen = await new TransferDriver(source).export('json', { comparisons: ['Story openings'] });
    expect(chosen.name).toMatch(/^wizardvicuna-\d{4}-\d{2}-\d{2}-story-openings\.json$/);
    const doc = JSON.parse(chosen.text);
    expect(doc.conversations).toEqual([]);
    expect(doc.comparisons.items).toEqual([JSON.parse(exported.text).comparisons.items[0]]);
  });

  it('leaves the library unchanged and names the file, comparison and field of a bad comparison', async () => {
    const before = await readLibrary(target);
    const doc = JSON.parse(exported.text);
    doc.comparisons.items[1].columns[1].settings.temperature = 'hot';
    const transfer = new TransferDriver(target);
    await transfer.choose([jsonFile('library.json', doc)]);
    expect(await target.getByTestId('import-error').textContent()).toBe('library.json: comparison 2 ("Prompt test"): columns[1].settings.temperature must be a number, not the text "hot"');
    expect(await readLibrary(target)).toEqual(before);
  });

  it('never reached beyond 127.0.0.1', () => {
    for (const guarded of contexts) expect(guarded.blocked).toEqual([]);
  });
});
