/**
 * Living with conversations, with the real tiny model: branches (regenerate,
 * edit, switch) and what the model receives, search, delete + undo, a tab
 * closed mid-reply, two tabs, and IME composition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatVicunaPrompt, VICUNA_SYSTEM_MESSAGE, type Turn } from '../../src/models/vicuna';
import { AppDriver } from '../support/app-driver';
import { startAppSession, type AppSession } from '../support/app-session';
import type { GuardedContext } from '../support/browser';
import type { AppServer } from '../support/servers';

const prompt = (turns: Turn[]) => formatVicunaPrompt(VICUNA_SYSTEM_MESSAGE, turns);
const user = (content: string): Turn => ({ role: 'user', content });
const bot = (content: string): Turn => ({ role: 'assistant', content });

describe('conversation library', () => {
  let session: AppSession;
  let server: AppServer;
  let guarded: GuardedContext;
  let page: Page;
  let app: AppDriver;

  const openTab = async () => {
    const tab = new AppDriver(await guarded.context.newPage());
    await tab.open(`${server.url}/`);
    return tab;
  };

  beforeAll(async () => {
    session = await startAppSession();
    ({ server, guarded, page, app } = session);
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf`, name: 'Tiny', format: 'vicuna-v1.1' });
    await app.setGeneration({ temperature: 0, maxTokens: 12 });
    await app.loadModel();
  });

  afterAll(() => session?.close());

  it('regenerates and edits as branches, and the model receives exactly the visible path', async () => {
    await app.send('Tell me about a dog');
    const a1 = (await app.waitForReply()).text;
    const a1Stored = (await app.storedMessages())[1]!.content;

    // A different seed and temperature give a different second version.
    await app.setGeneration({ temperature: 1.5, maxTokens: 12 });
    await app.regenerate(1);
    const a1b = (await app.waitForReply()).text;
    expect(await app.versionOf(1)).toBe('2/2');
    expect((await app.lastEngineRequest()).prompt).toBe(prompt([user('Tell me about a dog')]));

    await app.previousVersion(1);
    await expect.poll(() => app.versionOf(1)).toBe('1/2');
    expect((await app.messages())[1]!.text).toBe(a1);

    await app.setGeneration({ temperature: 0, maxTokens: 12 });
    await app.send('And a cat?');
    const a2 = (await app.waitForReply()).text;
    expect((await app.lastEngineRequest()).prompt).toBe(prompt([user('Tell me about a dog'), bot(a1Stored), user('And a cat?')]));

    await app.editMessage(0, 'Tell me about a horse');
    await app.waitForReply();
    expect(await app.versionOf(0)).toBe('2/2');
    expect((await app.lastEngineRequest()).prompt).toBe(prompt([user('Tell me about a horse')]));
    expect(await app.messages()).toHaveLength(2);

    // Back to the first version: the branch where the conversation continued is shown.
    await app.previousVersion(0);
    await expect.poll(async () => (await app.messages()).map((m) => m.text)).toEqual(['Tell me about a dog', a1, 'And a cat?', a2]);
    await page.reload();
    await page.getByTestId('device-summary').waitFor();
    await expect.poll(async () => (await app.messages()).map((m) => m.text)).toEqual(['Tell me about a dog', a1, 'And a cat?', a2]);
    expect(a1b).not.toBe(undefined);
    await app.loadModel();
  });

  it('finds messages by full-text search and jumps to them', async () => {
    const snippets = await app.search('cat');
    expect(snippets.some((s) => s.includes('And a cat?'))).toBe(true);
    await page.getByRole('list', { name: 'Search results' }).getByRole('button').filter({ hasText: 'And a cat?' }).click();
    await expect.poll(() => page.locator('[data-testid="message"][data-focused]').textContent()).toContain('And a cat?');
    await page.getByLabel('Search conversations').fill('');
  });

  it('deletes a conversation and brings it back with undo', async () => {
    await app.conversationAction('Tell me about a dog', 'Delete');
    await expect.poll(() => app.conversationTitles()).toEqual([]);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => app.conversationTitles()).toEqual(['Tell me about a dog']);
    await app.openConversation('Tell me about a dog');
    await expect.poll(async () => (await app.messages()).length).toBe(4);
  });

  it('keeps a reply cut off by closing the tab, marked as interrupted; other tabs see it live', async () => {
    const watcher = await openTab();
    await app.newConversation();
    await app.setGeneration({ temperature: 0, maxTokens: 1500 });
    await app.send('Once upon a time');
    await watcher.openConversation('Once upon a time');
    // The other tab sees the reply's checkpoints (about once a second) while it is written.
    const shown = watcher.page.locator('[data-testid="message"][data-status="streaming"] .message-content');
    await expect.poll(async () => ((await shown.textContent().catch(() => '')) ?? '').length, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.close();

    const returning = await openTab();
    await returning.openConversation('Once upon a time');
    await expect.poll(async () => (await returning.messages()).at(-1)?.status, { timeout: 30_000 }).toBe('interrupted');
    expect((await returning.messages()).at(-1)!.text.length).toBeGreaterThan(0);
    await expect.poll(async () => (await watcher.messages()).at(-1)?.status).toBe('interrupted');
    page = returning.page;
    app = returning;
    await watcher.page.close();
  });

  it('tells a second tab the model is busy instead of failing', async () => {
    const other = await openTab();
    await app.selectModel('Tiny');
    await app.loadModel();
    await other.selectModel('Tiny');
    await other.loadModel();
    await app.newConversation();
    await app.setGeneration({ temperature: 0, maxTokens: 1500 });
    await app.send('Once upon a time');
    await app.page.locator('[data-testid="message"][data-status="streaming"]').waitFor();
    await other.newConversation();
    await other.send('Hello from the other tab');
    await expect.poll(() => other.page.getByRole('alert').first().textContent()).toMatch(/busy writing a reply in another tab/);
    await app.stop();
    expect((await app.waitForReply()).status).toBe('stopped');
    await other.page.close();
  });

  it('never sends while an input method is composing', async () => {
    await app.newConversation();
    const input = page.getByLabel('Message', { exact: true });
    await input.fill('한국');
    await input.evaluate((el) => {
      el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing: true, keyCode: 229 } as KeyboardEventInit));
    });
    expect(await app.messages()).toEqual([]);
    expect(await input.inputValue()).toBe('한국');
    await input.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '한국' })));
    await input.press('Enter');
    await expect.poll(async () => (await app.messages())[0]?.text).toBe('한국');
    await app.waitForReply();
    expect(guarded.blocked).toEqual([]);
  });
});
