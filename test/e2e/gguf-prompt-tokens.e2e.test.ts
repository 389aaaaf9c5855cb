/**
 * The Vicuna prompt is sent as text, so llama.cpp must read "</s>" as the
 * end-of-sequence token (one token), not as five characters. Checked in the
 * real GGUF worker with the tiny model (a Llama SentencePiece vocabulary with
 * BOS 1 and EOS 2, like WizardVicuna).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { formatVicunaPrompt } from '../../src/models/vicuna';
import { launchBrowser, newGuardedContext } from '../support/browser';
import { fixtureDir, ROOT } from '../support/servers';

const HARNESS = join(ROOT, 'dist-harness');

describe('Vicuna special tokens in the GGUF engine', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(HARNESS, 'index.html'))) throw new Error('dist-harness/ is missing: run `npx vite build -c test/harness/vite.config.ts` first.');
    server = await startStaticServer({ root: HARNESS, mounts: { '/models/': await fixtureDir() } });
    browser = await launchBrowser();
    page = await (await newGuardedContext(browser)).context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByText('ready').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads </s> as one token', async () => {
    const prompts = ['Hi', 'Hi</s>', 'Hi</s></s>', 'Hi</ s>', formatVicunaPrompt('S', [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }])];
    const [hi, oneEos, twoEos, notEos, vicuna] = await page.evaluate(
      ([url, list]) => window.harness.ggufPromptTokens(url, list),
      [`${server.url}/models/stories260K.gguf`, prompts] as const,
    );
    // Each "</s>" adds exactly one token; a look-alike is several.
    expect(oneEos).toBe(hi! + 1);
    expect(twoEos).toBe(hi! + 2);
    expect(notEos! - hi!).toBeGreaterThan(1);
    // The two-turn prompt holds one EOS: the same text with "</s>" spelled out costs more.
    const spelled = await page.evaluate(
      ([url, p]) => window.harness.ggufPromptTokens(url, [p]),
      [`${server.url}/models/stories260K.gguf`, prompts[4]!.replace('</s>', '</ s>')] as const,
    );
    expect(spelled[0]! - vicuna!).toBeGreaterThan(1);
  });
});
