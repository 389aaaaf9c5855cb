/**
 * The model manager with the real GGUF engine: download with progress,
 * cancel and resume, split storage that loads like the single file, import
 * from disk, delete, and a full disk.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppDriver } from '../support/app-driver';
import { startAppSession, type AppSession } from '../support/app-session';
import type { GuardedContext } from '../support/browser';
import type { AppServer } from '../support/servers';
import { slowRoute } from '../support/slow-route';

const STORY_40 = ', there was a little girl named Lily. She loved to play outside in the park.';

describe('model manager', () => {
  let session: AppSession;
  let server: AppServer;
  let guarded: GuardedContext;
  let page: Page;
  let app: AppDriver;
  let fixtures: string;

  const row = (name: string) => page.locator('tr[data-testid="model-row"]').filter({ has: page.getByRole('rowheader', { name }) });
  const manage = () => page.getByRole('button', { name: 'Manage models' }).click();
  const backToChat = () => page.getByRole('button', { name: 'Back to chat' }).click();
  /** Shard files stored in OPFS, per model folder. */
  const storedShards = () =>
    page.evaluate(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('gguf-models', { create: true });
      const out: string[][] = [];
      for await (const folder of (root as unknown as { values(): AsyncIterable<FileSystemDirectoryHandle> }).values()) {
        const names: string[] = [];
        for await (const f of (folder as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) names.push(f.name);
        out.push(names.filter((n) => n.endsWith('.gguf')).sort());
      }
      return out;
    });
  const storageUsage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

  beforeAll(async () => {
    session = await startAppSession({ handle: slowRoute });
    ({ server, guarded, page, app, fixtures } = session);
    await app.setGeneration({ temperature: 0, maxTokens: 40 });
  });

  afterAll(() => session?.close());

  it('downloads with bytes, percent, speed and time left; cancels; resumes only the missing bytes', async () => {
    await app.addGgufModel({ url: `${server.url}/slow/stories260K.gguf`, name: 'Slow tiny', format: 'plain' });
    await manage();
    await row('Slow tiny').getByRole('button', { name: 'Download' }).click();
    const bar = row('Slow tiny').getByRole('progressbar');
    await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow').catch(() => '0')) ?? 0), { timeout: 30_000 }).toBeGreaterThan(20);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/KB of 1\.2 MB · \d+% · [\d.]+ (KB|MB)\/s · \d+ s left/);
    await row('Slow tiny').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => row('Slow tiny').getByTestId('model-status').textContent()).toMatch(/^Partly downloaded · \d+ KB$/);

    const before = server.requests.length;
    await row('Slow tiny').getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => row('Slow tiny').getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    const requests = server.requests.slice(before).filter((r) => r.path === '/slow/stories260K.gguf');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(await row('Slow tiny').getByTestId('model-status').textContent()).toBe('Ready · 1.2 MB');
  });

  it('stores a file split into 3+ shards that loads and answers exactly like the single file', async () => {
    await backToChat();
    await app.selectModel('Slow tiny');
    await app.loadModel();
    await app.send('Once upon a time');
    const whole = (await app.waitForReply()).text;
    expect(whole.startsWith(STORY_40)).toBe(true);

    await page.evaluate(() => {
      const saved = JSON.parse(localStorage.getItem('wv-settings') ?? '{"state":{},"version":1}');
      saved.state.maxShardBytes = 300_000;
      localStorage.setItem('wv-settings', JSON.stringify(saved));
    });
    await page.reload();
    await page.getByTestId('device-summary').waitFor();
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf?split`, name: 'Split tiny', format: 'plain' });
    await app.newConversation();
    await app.loadModel();
    await app.send('Once upon a time');
    expect((await app.waitForReply()).text).toBe(whole);
    const shardSets = await storedShards();
    expect(shardSets.some((names) => names.length >= 3 && names[0] === `model-00001-of-0000${names.length}.gguf`)).toBe(true);
  });

  it('imports a GGUF file from disk and chats with it', async () => {
    await manage();
    await page.getByRole('region', { name: 'Import a GGUF file' }).getByLabel('Prompt format').selectOption('plain');
    await page.getByRole('region', { name: 'Import a GGUF file' }).getByLabel('GGUF file', { exact: true }).setInputFiles(join(fixtures, 'stories260K.gguf'));
    await expect.poll(() => page.getByText(/Imported “stories260K\.gguf”/).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => row('stories260K').getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');
    await backToChat();
    await app.newConversation();
    await app.loadModel();
    await app.send('Once upon a time');
    expect((await app.waitForReply()).text.startsWith(STORY_40)).toBe(true);
  });

  it('deletes a model completely and frees the space', async () => {
    await manage();
    const before = await storageUsage();
    const foldersBefore = (await storedShards()).length;
    await row('Split tiny').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => row('Split tiny').getAttribute('data-status'), { timeout: 15_000 }).toBe('none');
    expect((await storedShards()).length).toBe(foldersBefore - 1);
    await expect.poll(storageUsage).toBeLessThan(before - 1_000_000);
  });

  it('says so when the disk quota runs out, and leaves no model that looks ready', async () => {
    const cdp = await guarded.context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: (await storageUsage()) + 400_000 });
    await backToChat();
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf?quota`, name: 'Too big', format: 'plain' });
    await manage();
    await row('Too big').getByRole('button', { name: 'Download' }).click();
    await expect.poll(() => row('Too big').getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/ran out of storage/);
    expect(await row('Too big').getAttribute('data-status')).not.toBe('ready');
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
    expect(guarded.blocked).toEqual([]);
  });
});
