/**
 * Importing an MLC model folder from disk puts every file under the Cache
 * Storage key web-llm 0.2.86 reads, with no network request for them.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeFakeMlcFixtures, type FakeMlcFixtures } from '../harness/fake-mlc-model';
import { launchBrowser, newGuardedContext, type GuardedContext } from '../support/browser';
import { startAppServer, type AppServer } from '../support/servers';

const FOLDER = 'WizardVicuna-legacy-q4f32_1-MLC';

describe('MLC folder import', () => {
  let server: AppServer;
  let browser: Browser;
  let guarded: GuardedContext;
  let page: Page;
  let fixtures: FakeMlcFixtures;
  let folder: string;

  beforeAll(async () => {
    fixtures = writeFakeMlcFixtures();
    // An older conversion (ndarray-cache.json), as a folder named like a real build.
    folder = join(fixtures.root, FOLDER);
    cpSync(join(fixtures.modelsDir, fixtures.legacyModel.folder, 'resolve', 'main'), folder, { recursive: true });
    server = await startAppServer();
    browser = await launchBrowser();
    guarded = await newGuardedContext(browser);
    page = await guarded.context.newPage();
    await page.goto(`${server.url}/#/models`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (fixtures) rmSync(fixtures.root, { recursive: true, force: true });
  });

  const section = () => page.getByRole('region', { name: 'Import an MLC model folder' });

  it('asks for the model library when the folder has none', async () => {
    await section().getByLabel('Model folder').setInputFiles(folder);
    await section().getByRole('button', { name: 'Import folder' }).click();
    await expect.poll(() => section().getByRole('alert').textContent()).toMatch(/Choose the model library \(\.wasm\)/);
  });

  it('stores config, index (ndarray-cache.json as tensor-cache.json), tokenizer, shards and library under web-llm keys', async () => {
    const before = server.requests.length;
    await section().getByLabel(/Model library/).setInputFiles(join(fixtures.libsDir, fixtures.libs.stub.file));
    await section().getByRole('button', { name: 'Import folder' }).click();
    await expect.poll(() => section().getByRole('status').textContent()).toMatch(new RegExp(`Imported “${FOLDER}”`));

    const keys = await page.evaluate(async () => {
      const out: Record<string, string[]> = {};
      for (const name of ['webllm/config', 'webllm/model', 'webllm/wasm']) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url).sort();
      return out;
    });
    const base = `${server.url}/local-models/${FOLDER}/resolve/main/`;
    expect(keys['webllm/config']).toEqual([`${base}mlc-chat-config.json`]);
    expect(keys['webllm/model']).toEqual([...fixtures.legacyModel.shards.map((s) => base + s), `${base}tensor-cache.json`, `${base}tokenizer.json`].sort());
    expect(keys['webllm/wasm']).toEqual([`${server.url}/local-models/${FOLDER}/${fixtures.libs.stub.file}`]);
    // Stored whole: the stored index is the file's own content.
    const index = await page.evaluate(async (url) => (await (await caches.open('webllm/model')).match(url))!.json(), `${base}tensor-cache.json`);
    expect(index.records.map((r: { dataPath: string }) => r.dataPath)).toEqual(fixtures.legacyModel.shards);

    const row = page.locator('tr[data-testid="model-row"]').filter({ has: page.getByRole('rowheader', { name: FOLDER }) });
    await expect.poll(() => row.getAttribute('data-status')).toBe('ready');
    expect(await row.locator('td').nth(0).textContent()).toBe('MLC');
    expect(server.requests.slice(before).filter((r) => r.path.includes('local-models'))).toEqual([]);
    expect(guarded.blocked).toEqual([]);
  });
});
