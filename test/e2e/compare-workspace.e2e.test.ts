/**
 * Compare side by side in real Chromium with the real tiny GGUF model at
 * temperature 0: templates, each column's own thread, the one-GPU queue,
 * stopping, the word diff, and the layout at 1280 px and on a narrow window.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppDriver } from '../support/app-driver';
import { startAppSession, type AppSession } from '../support/app-session';
import type { GuardedContext } from '../support/browser';
import type { AppServer } from '../support/servers';

const STORY_START = ', there was a little girl named Lily. She loved to play outside in the park.';
const LILY = '{input}, there was a little girl named Lily.';
const STATS = /^\d+ tokens · first token \d+ ms · decode [\d.]+ tok\/s · total [\d.]+ s$/;
const SHOTS = process.env.COMPARE_SCREENSHOTS ?? tmpdir();

describe('compare side by side', () => {
  let session: AppSession;
  let server: AppServer;
  let guarded: GuardedContext;
  let page: Page;
  let app: AppDriver;

  const labels = () => page.getByRole('textbox', { name: /^Name of column/ }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const activeLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

  beforeAll(async () => {
    session = await startAppSession();
    ({ server, guarded, page, app } = session);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf`, name: 'Tiny (plain)', format: 'plain' });
    await app.openCompare();
  });

  afterAll(() => session?.close());

  it('arranges columns from the keyboard and gives every column one seed', async () => {
    expect(await labels()).toEqual(['A', 'B']);
    await page.getByRole('button', { name: 'Move A right' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(labels).toEqual(['B', 'A']);
    // At the right edge focus moves to the button that still works.
    await expect.poll(activeLabel).toBe('Move A left');
    await page.keyboard.press('Enter');
    await expect.poll(labels).toEqual(['A', 'B']);

    // A template with a misspelt placeholder is refused, with the reason, before anything runs.
    await app.setupColumn(0, { template: 'Answer briefly: {inptu}' });
    expect(await app.compareColumn(0).getByLabel('Prompt template').getAttribute('aria-invalid')).toBe('true');
    await app.sendToAllColumns('Once upon a time');
    await expect.poll(() => app.compareWorkspace().getByRole('alert').textContent()).toContain('Column A: The template has {inptu}, which is not filled in. Use {input} where the input goes.');
    expect(await app.columnPhases()).toEqual(['idle', 'idle']);
    await app.setupColumn(0, { template: '{input}' });

    await app.compareWorkspace().getByRole('button', { name: 'Same seed for all columns' }).click();
    const seeds = await page.getByLabel('Seed (empty: random)').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(seeds).toHaveLength(2);
    expect(seeds[0]).toMatch(/^\d+$/);
    expect(seeds[1]).toBe(seeds[0]);
  });

  it('runs one input through two templates: each column gets its own templated prompt and deterministic reply', async () => {
    await app.setupColumn(0, { template: '{input}', temperature: 0, maxTokens: 40 });
    await app.setupColumn(1, { template: LILY, temperature: 0, maxTokens: 40 });
    await app.sendToAllColumns('Once upon a time');
    await app.waitForComparisonIdle();

    expect(await app.columnPhases()).toEqual(['done', 'done']);
    const stored = await app.storedComparison('Once upon a time');
    const [a, b] = stored.columns.map((c) => stored.threads[c.id]![0]!);
    expect(a!.prompt).toBe('Once upon a time');
    expect(a!.reply!.content.startsWith(STORY_START)).toBe(true);
    // The same story, picked up where column B's template left it.
    expect(b!.prompt).toBe('Once upon a time, there was a little girl named Lily.');
    expect(b!.reply!.content.startsWith(' She loved to play outside in the park.')).toBe(true);
    expect((await app.lastEngineRequest()).prompt).toBe('Once upon a time, there was a little girl named Lily.');
    expect((await app.columnReplies(0))[0]).toMatchObject({ status: 'complete' });
    expect((await app.columnReplies(0))[0]!.text.startsWith(STORY_START)).toBe(true);
    for (const stats of await page.getByTestId('reply-stats').allTextContents()) expect(stats).toMatch(STATS);

    // Word diff of the latest replies: the words only in A are marked in text, not only by colour.
    const diff = page.getByTestId('word-diff');
    expect(await diff.locator('del').first().textContent()).toContain('[only in A: , there was a little girl named Lily.');
    expect(await page.getByTestId('diff-summary').textContent()).toMatch(/^8 words only in A \(struck through\), \d+ only in B \(underlined\)\.$/);
  });

  it('carries each column’s own thread into a follow-up', async () => {
    await app.sendToAllColumns('Lily said');
    await app.waitForComparisonIdle();
    expect((await app.columnReplies(0)).map((r) => r.status)).toEqual(['complete', 'complete']);
    const stored = await app.storedComparison('Once upon a time');
    const threadB = stored.threads[stored.columns[1]!.id]!;
    expect(threadB.map((t) => t.prompt)).toEqual(['Once upon a time, there was a little girl named Lily.', 'Lily said, there was a little girl named Lily.']);
    // Plain format: the column's history as text, one turn a line.
    expect((await app.lastEngineRequest()).prompt).toBe([threadB[0]!.prompt, threadB[0]!.reply!.content, threadB[1]!.prompt].join('\n'));
    expect(stored.inputs).toEqual(['Once upon a time', 'Lily said']);
  });

  it('queues runs for the one GPU: B waits while A runs, then runs', async () => {
    await app.newComparison();
    await app.setupColumn(0, { temperature: 0, maxTokens: 400 });
    await app.setupColumn(1, { temperature: 0, maxTokens: 40 });
    await app.sendToAllColumns('Once upon a time');
    await expect.poll(app.columnPhases.bind(app), { timeout: 30_000, interval: 20 }).toEqual(['running', 'waiting']);
    expect((await app.columnStatusTexts())[1]).toContain('Waiting for the GPU');
    expect(await app.compareColumn(1).getByTestId('column-reply').getAttribute('data-status')).toBe('waiting');
    await page.screenshot({ path: join(SHOTS, 'compare-running-1280.png') });

    await app.waitForComparisonIdle();
    expect(await app.columnPhases()).toEqual(['done', 'done']);
    const [a, b] = [(await app.columnReplies(0))[0]!, (await app.columnReplies(1))[0]!];
    expect(a.text.startsWith(STORY_START)).toBe(true);
    expect(b.text.startsWith(STORY_START)).toBe(true);
    expect(a.text.length).toBeGreaterThan(b.text.length);
    expect(await app.compareColumn(0).getByTestId('reply-stats').textContent()).toMatch(/^400 tokens/);
  });

  it('stops a running column (its partial reply is kept) while the other completes', async () => {
    await app.setupColumn(0, { maxTokens: 1500 });
    await app.sendToAllColumns('Once upon a time');
    const live = app.compareColumn(0).locator('[data-testid="column-reply"][data-status="streaming"]');
    await expect.poll(async () => ((await live.textContent().catch(() => '')) ?? '').length, { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
    expect(await app.columnPhases()).toEqual(['running', 'waiting']);
    await app.stopColumn(0);
    await app.waitForComparisonIdle();

    expect(await app.columnPhases()).toEqual(['stopped', 'done']);
    const stoppedReply = (await app.columnReplies(0)).at(-1)!;
    expect(stoppedReply.status).toBe('stopped');
    expect(stoppedReply.text.length).toBeGreaterThan(0);
    expect((await app.columnReplies(1)).at(-1)!.status).toBe('complete');
    expect(await app.compareColumn(0).getByText('Stopped: this is what was written before stopping.').count()).toBe(1);
  });

  it('stops a waiting column: it leaves the queue without running', async () => {
    await app.sendToAllColumns('Once upon a time');
    await expect.poll(app.columnPhases.bind(app), { timeout: 30_000, interval: 20 }).toEqual(['running', 'waiting']);
    const requestBefore = await app.lastEngineRequest();
    await app.stopColumn(1);
    expect(await app.columnPhases()).toEqual(['running', 'stopped']);
    expect((await app.columnStatusTexts())[1]).toMatch(/Stopped — before it started/);
    await app.compareWorkspace().getByRole('button', { name: 'Stop all' }).first().click();
    await app.waitForComparisonIdle();
    expect((await app.columnReplies(1)).at(-1)).toEqual({ text: '', status: 'stopped' });
    expect(await app.compareColumn(1).getByText('Stopped before it wrote anything.').count()).toBe(1);
    // Column B was never sent to the engine: the last request is still column A's.
    expect((await app.lastEngineRequest()).prompt).toBe(requestBefore.prompt);
    expect(guarded.blocked).toEqual([]);
  });

  it('lays columns side by side at 1280 px and stacks them on a narrow window', async () => {
    const boxes = async () => Promise.all([0, 1].map(async (i) => (await app.compareColumn(i).boundingBox())!));
    const [wideA, wideB] = await boxes();
    expect(wideB!.x).toBeGreaterThan(wideA!.x + wideA!.width - 1);
    expect(Math.abs(wideA!.y - wideB!.y)).toBeLessThan(2);
    expect(wideA!.width).toBeGreaterThan(400);
    await page.evaluate(() => document.querySelector('section.compare')?.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'compare-1280.png') });

    await page.setViewportSize({ width: 420, height: 900 });
    const [narrowA, narrowB] = await boxes();
    expect(narrowB!.y).toBeGreaterThan(narrowA!.y + narrowA!.height - 1);
    expect(narrowA!.x + narrowA!.width).toBeLessThanOrEqual(420);
    await app.compareColumn(0).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'compare-narrow.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
