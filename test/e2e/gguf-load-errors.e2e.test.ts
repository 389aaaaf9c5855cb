/**
 * Bad input while loading: missing file, broken file, cancel and resume,
 * offline mid-download, no WebGPU. Each ends in a clear message and a usable
 * app, and stored conversations are untouched.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AppDriver } from '../support/app-driver';
import { startAppSession, type AppSession } from '../support/app-session';
import type { GuardedContext } from '../support/browser';
import type { AppServer } from '../support/servers';
import { slowRoute } from '../support/slow-route';

describe('loading a GGUF model that cannot load', () => {
  let session: AppSession;
  let server: AppServer;
  let guarded: GuardedContext;
  let page: Page;
  let app: AppDriver;
  let fixtures: string;

  beforeAll(async () => {
    session = await startAppSession({ handle: slowRoute });
    ({ server, guarded, page, app, fixtures } = session);
    writeFileSync(join(fixtures, 'broken.gguf'), randomBytes(200_000));
    // A conversation that must survive every failure below.
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf`, name: 'Tiny', format: 'plain' });
    await app.setGeneration({ temperature: 0, maxTokens: 8 });
    await app.loadModel();
    await app.send('Once upon a time');
    await app.waitForReply();
  });

  afterAll(() => session?.close());

  const errorText = () => page.getByRole('alert').first().textContent();

  const addForm = () => page.getByRole('form', { name: 'Add a model by URL' });

  it('checks an address before saving it: a missing file (404) or a file that is not a model is refused', async () => {
    await page.getByRole('button', { name: 'Add a model by URL' }).click();
    await addForm().getByLabel(/GGUF address/).fill(`${server.url}/models/missing.gguf`);
    await addForm().getByRole('button', { name: 'Add model' }).click();
    await expect.poll(() => addForm().getByRole('alert').textContent()).toMatch(/"missing\.gguf" was not found .*\(404\)/);
    await addForm().getByLabel(/GGUF address/).fill(`${server.url}/models/broken.gguf`);
    await addForm().getByRole('button', { name: 'Add model' }).click();
    await expect.poll(() => addForm().getByRole('alert').textContent()).toMatch(/is reachable but is not a GGUF file/);
    await addForm().getByRole('button', { name: 'Cancel' }).click();
    expect(await app.conversationTitles()).toEqual(['Once upon a time']);
  });

  it('says a file that vanished from its host (404) was not found when loading', async () => {
    copyFileSync(join(fixtures, 'stories260K.gguf'), join(fixtures, 'gone.gguf'));
    await app.addGgufModel({ url: `${server.url}/models/gone.gguf`, name: 'Gone', format: 'vicuna-v1.1' });
    rmSync(join(fixtures, 'gone.gguf'));
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(errorText).toMatch(/"gone\.gguf" was not found .*\(404\)/);
    await expect.poll(() => app.conversationTitles()).toEqual(['Once upon a time']);
  });

  it('says a file that is not a model could not be loaded', async () => {
    // Starts like a GGUF file (passes the address check), then is garbage.
    writeFileSync(join(fixtures, 'corrupt.gguf'), Buffer.concat([Buffer.from('GGUF'), randomBytes(200_000)]));
    await app.addGgufModel({ url: `${server.url}/models/corrupt.gguf`, name: 'Corrupt', format: 'vicuna-v1.1' });
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(errorText, { timeout: 30_000 }).toMatch(/could not be loaded as a GGUF model/);
    expect(await page.getByRole('button', { name: 'Load', exact: true }).isEnabled()).toBe(true);
  });

  it('shows bytes, percent and speed, cancels, then resumes only what is missing', async () => {
    await app.addGgufModel({ url: `${server.url}/slow/stories260K.gguf`, name: 'Slow', format: 'plain' });
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Model download' });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow').catch(() => 0)), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/KB of 1\.2 MB · \d+% · [\d.]+ (KB|MB)\/s/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Load', exact: true }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    const before = server.requests.length;
    await app.loadModel();
    const resumed = server.requests.slice(before).filter((r) => r.path === '/slow/stories260K.gguf');
    expect(resumed).toHaveLength(1);
    expect(resumed[0]!.range).toMatch(/^bytes=[1-9]\d*-$/);
    await app.send('Once upon a time');
    expect((await app.waitForReply()).text).toMatch(/^, there was a little girl/);
  });

  it('says so when the connection drops mid-download, keeps the app usable', async () => {
    await app.addGgufModel({ url: `${server.url}/slow/stories260K.gguf?drop=400000`, name: 'Dropped', format: 'plain' });
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(errorText, { timeout: 30_000 }).toMatch(/Could not reach 127\.0\.0\.1.*downloaded parts are kept/);
    await app.openConversation('Once upon a time');
    expect((await app.messages()).map((m) => m.role)).toEqual(['You', 'Assistant', 'You', 'Assistant']);
  });

  it('says the browser is offline when there is no network at all', async () => {
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf?never-downloaded`, name: 'Offline', format: 'plain' });
    await guarded.context.setOffline(true);
    try {
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      await expect.poll(errorText, { timeout: 30_000 }).toMatch(/You are offline/);
    } finally {
      await guarded.context.setOffline(false);
    }
    expect(await app.conversationTitles()).toEqual(['Once upon a time']);
  });

  it('without WebGPU, refuses MLC builds before downloading and points to GGUF', async () => {
    const noGpu = await guarded.context.newPage();
    await noGpu.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined }));
    const other = new AppDriver(noGpu);
    await other.open(server.url);
    await other.selectModel('WizardVicuna 7B (q4f32_1, MLC)');
    await expect.poll(() => noGpu.getByRole('status').filter({ hasText: 'WebGPU' }).first().textContent()).toMatch(/no WebGPU.*GGUF/);
    expect(await noGpu.getByRole('button', { name: 'Load', exact: true }).isDisabled()).toBe(true);
    await noGpu.close();
  });

  it('on a GPU without shader-f16, points from the f16 build to q4f32_1', async () => {
    await app.selectModel('WizardVicuna 7B (q4f16_1, MLC)');
    await expect.poll(() => page.getByText(/lacks shader-f16/).textContent()).toMatch(/q4f32_1/);
    expect(await page.getByRole('button', { name: 'Load', exact: true }).isDisabled()).toBe(true);
    expect(server.requests.some((r) => r.path.includes('WizardVicuna'))).toBe(false);
    expect(guarded.blocked).toEqual([]);
  });
});
