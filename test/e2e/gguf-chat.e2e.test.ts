/**
 * The core flow in real Chromium with the real GGUF engine in its worker and
 * real IndexedDB: add the tiny model by URL, load it, chat, stop, reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatVicunaPrompt, VICUNA_SYSTEM_MESSAGE } from '../../src/models/vicuna';
import type { AppDriver } from '../support/app-driver';
import { startAppSession, type AppSession } from '../support/app-session';
import type { GuardedContext } from '../support/browser';
import type { AppServer } from '../support/servers';

const STORY_START = ', there was a little girl named Lily. She loved to play outside in the park.';

describe('chat with a GGUF model', () => {
  let session: AppSession;
  let server: AppServer;
  let guarded: GuardedContext;
  let page: Page;
  let app: AppDriver;

  beforeAll(async () => {
    session = await startAppSession();
    ({ server, guarded, page, app } = session);
  });

  afterAll(() => session?.close());

  it('loads the model from the UI and streams the deterministic reply', async () => {
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf`, name: 'Tiny stories (plain)', format: 'plain' });
    await app.setGeneration({ temperature: 0, maxTokens: 40 });
    const status = await app.loadModel();
    expect(status).toMatch(/Ready · CPU \(WebAssembly\)/);
    // One check of the address when it was added (4 bytes), one download.
    expect(server.requests.filter((r) => r.path === '/models/stories260K.gguf').map((r) => r.range ?? 'whole')).toEqual(['bytes=0-3', 'whole']);

    await app.send('Once upon a time');
    const reply = await app.waitForReply();
    expect(reply.status).toBe('complete');
    expect(reply.text.startsWith(STORY_START)).toBe(true);
    expect(await app.conversationTitles()).toEqual(['Once upon a time']);
    expect((await app.lastEngineRequest()).prompt).toBe('Once upon a time');
  });

  it('stops mid-reply and keeps what was written', async () => {
    await app.newConversation();
    await app.setGeneration({ temperature: 0, maxTokens: 1500 });
    await app.send('Once upon a time');
    // The reply is visible while it is being written (streamed), then stopped.
    const streaming = page.locator('[data-testid="message"][data-status="streaming"] .message-content');
    await expect.poll(async () => ((await streaming.textContent().catch(() => '')) ?? '').length, { timeout: 30_000 }).toBeGreaterThan(0);
    await app.stop();
    const reply = await app.waitForReply();
    expect(reply.status).toBe('stopped');
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.text.startsWith(STORY_START.slice(0, Math.min(reply.text.length, STORY_START.length)))).toBe(true);
    await expect.poll(() => page.getByText('Stopped by you').count()).toBe(1);
  });

  it('follows a reply being written while the view is at the end, and stays put once the person scrolls up', async () => {
    const log = page.getByRole('log', { name: 'Messages' });
    /** Distance from the view to the end of the log, read after the next frame (the view follows before painting). */
    const view = () =>
      log.evaluate(async (el) => {
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        return { toEnd: el.scrollHeight - el.scrollTop - el.clientHeight, top: el.scrollTop, overflow: el.scrollHeight - el.clientHeight };
      });
    const streamingReply = page.locator('[data-testid="message"][data-status="streaming"]');

    await app.newConversation();
    await app.setGeneration({ temperature: 0, maxTokens: 1500 });
    await app.send('Once upon a time');
    await app.waitForReply();
    const followed = await view();
    expect(followed.overflow).toBeGreaterThan(500); // the reply is far taller than the view
    expect(followed.toEnd).toBeLessThan(2);

    await app.send('Once upon a time');
    await expect.poll(async () => (await streamingReply.count()) && (await view()).overflow > followed.overflow + 300, { timeout: 30_000 }).toBe(true);
    await log.evaluate((el) => el.scrollTo({ top: 200 }));
    expect(await streamingReply.count()).toBe(1); // scrolled up while the reply was still being written
    await app.waitForReply();
    const stayed = await view();
    expect(stayed.top).toBe(200);
    expect(stayed.toEnd).toBeGreaterThan(500);
  });

  it('finds the conversation after a reload and carries the first turn into the second', async () => {
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf`, name: 'Tiny stories (Vicuna)', format: 'vicuna-v1.1' });
    await app.newConversation();
    await app.setGeneration({ temperature: 0, maxTokens: 24 });
    await app.loadModel();
    await app.send('Tell me a story about a cat.');
    const first = await app.waitForReply();
    expect(first.status).toBe('complete');
    const firstStored = (await app.storedMessages())[1]!.content;

    await page.reload();
    await app.page.getByTestId('device-summary').waitFor();
    expect(await app.conversationTitles()).toContain('Tell me a story about a cat.');
    expect((await app.storedMessages()).map((m) => m.content)).toEqual(['Tell me a story about a cat.', firstStored]);
    await expect.poll(async () => (await app.messages()).map((m) => m.text)).toEqual(['Tell me a story about a cat.', first.text]);

    // The engine starts empty after a reload: the model loads again from storage, not the network.
    const fetchesBefore = server.requests.filter((r) => r.path.endsWith('.gguf')).length;
    await app.loadModel();
    expect(server.requests.filter((r) => r.path.endsWith('.gguf')).length).toBe(fetchesBefore);
    await app.send('What was the cat called?');
    const second = await app.waitForReply();
    expect(second.status).toBe('complete');
    const { prompt } = await app.lastEngineRequest();
    expect(prompt).toBe(
      formatVicunaPrompt(VICUNA_SYSTEM_MESSAGE, [
        { role: 'user', content: 'Tell me a story about a cat.' },
        { role: 'assistant', content: firstStored },
        { role: 'user', content: 'What was the cat called?' },
      ]),
    );
    expect(guarded.blocked).toEqual([]);
  });
});
