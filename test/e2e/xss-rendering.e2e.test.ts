/**
 * Stored messages full of hostile text, rendered by the built app in real
 * Chromium: nothing runs, nothing loads from elsewhere, raw HTML shows as
 * text, and markdown (table, code with Copy, math) still renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { XSS_PAYLOADS } from '../../src/lib/markdown/xss-payloads';
import { launchBrowser, newGuardedContext, type GuardedContext } from '../support/browser';
import { startAppServer, type AppServer } from '../support/servers';

const CONVERSATION_ID = 'xss-rendering-check';
const CODE = 'def greet(name):\n    return f"hello <{name}>"';
const FEATURES = [
  '## Rendering check',
  '| Engine | Runs on | Notes |\n|:--|:--|--:|\n| GGUF | CPU (WebAssembly) | **threads** |\n| MLC | WebGPU | `f16` |',
  '- [x] tables\n- [ ] ~~nothing else~~\n\n1. first\n2. second',
  '```python\n' + CODE + '\n```',
  "Euler's identity $e^{i\\pi} + 1 = 0$ and \\(a^2 + b^2 = c^2\\).",
  '$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$',
  '> A quote with a [safe link](https://example.org/docs).',
].join('\n\n');

const half = Math.ceil(XSS_PAYLOADS.length / 2);
const texts = [
  XSS_PAYLOADS.slice(0, half).map((p) => p.text).join('\n\n'),
  FEATURES + '\n\n' + XSS_PAYLOADS.slice(half).map((p) => p.text).join('\n\n'),
  XSS_PAYLOADS.map((p) => p.text).join(' '),
  XSS_PAYLOADS.map((p) => p.text).join('\n'),
];

function seedRecords() {
  const now = Date.now();
  const messages = texts.map((content, i) => ({
    id: `${CONVERSATION_ID}-m${i}`,
    conversationId: CONVERSATION_ID,
    parentId: i === 0 ? null : `${CONVERSATION_ID}-m${i - 1}`,
    role: i % 2 === 0 ? 'user' : 'assistant',
    content,
    createdAt: now - (texts.length - i) * 1000,
    status: 'complete',
  }));
  const conversation = {
    id: CONVERSATION_ID,
    title: 'Rendering check <img src=x onerror="window.__xss=1">',
    createdAt: now - 10_000,
    updatedAt: now,
    pinned: 0,
    tags: [],
    leafId: messages.at(-1)!.id,
    modelId: null,
    settings: { systemPrompt: '', temperature: 0.7, topP: 0.9, maxTokens: 256, repetitionPenalty: 1.1, stop: [] },
  };
  return { conversation, messages };
}

/** Writes straight into the app's Dexie database with the raw IndexedDB API. */
async function seed(page: Page): Promise<void> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'wizardvicuna-chat'));
  await page.evaluate(async ({ conversation, messages }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wizardvicuna-chat');
      request.onupgradeneeded = () => reject(new Error('The app has not created its database yet.'));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['conversations', 'messages'], 'readwrite');
      tx.objectStore('conversations').put(conversation);
      for (const message of messages) tx.objectStore('messages').put(message);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, seedRecords());
}

describe('rendering hostile message text', () => {
  let server: AppServer;
  let browser: Browser;
  let guarded: GuardedContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    guarded = await newGuardedContext(browser);
    await guarded.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await guarded.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 2000 });
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(server.url);
    await page.getByTestId('device-summary').waitFor();
    await seed(page);
    await page.evaluate((id) => (location.hash = `#/c/${id}`), CONVERSATION_ID);
    await page.reload();
    await page.locator('[data-testid="message"]').nth(texts.length - 1).waitFor();
    // Renderer, highlighter and KaTeX are loaded on demand: wait for all three.
    await page.locator('.message .markdown table').first().waitFor();
    await page.locator('.message .markdown .katex').first().waitFor();
    await page.locator('.message .markdown pre code [class^="hljs-"]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no script from the text, even on hover and focus', async () => {
    const messages = page.locator('[data-testid="message"]');
    for (let i = 0; i < texts.length; i++) await messages.nth(i).hover();
    for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => typeof (window as { __xss?: unknown }).__xss)).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('leaves no live markup in the messages', async () => {
    const found = await page.evaluate(() => {
      const problems: string[] = [];
      const log = document.querySelector('[role="log"]')!;
      for (const el of log.querySelectorAll('script, iframe, object, embed, form, style, img, link, meta, base, details, noscript, textarea, select, video, audio')) problems.push(`<${el.localName}>`);
      for (const el of log.querySelectorAll('svg')) if (!el.closest('.katex')) problems.push('<svg> outside math');
      for (const el of log.querySelectorAll('input')) if (el.type !== 'checkbox' || !el.disabled) problems.push('live input');
      for (const el of log.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          if (attr.name.startsWith('on')) problems.push(`${el.localName}[${attr.name}]`);
          if (['src', 'srcdoc', 'action', 'formaction', 'xlink:href'].includes(attr.name)) problems.push(`${el.localName}[${attr.name}]`);
        }
      }
      for (const a of log.querySelectorAll('a')) {
        if (!/^(https?:|mailto:)/.test(a.href)) problems.push(`a[href=${a.getAttribute('href')}]`);
        if (a.target !== '_blank' || a.rel !== 'noopener noreferrer nofollow') problems.push(`a without target/rel: ${a.href}`);
      }
      return problems;
    });
    expect(found).toEqual([]);
  });

  it('shows raw HTML as the text that was written', async () => {
    const shown = await page.locator('[data-testid="message"]').first().innerText();
    for (const { visible } of XSS_PAYLOADS.slice(0, half)) if (visible) expect(shown).toContain(visible);
    await expect.poll(() => page.getByText('<script>window.__xss=1</script>').first().isVisible()).toBe(true);
  });

  it('loads nothing from elsewhere and no image at all', async () => {
    expect(guarded.blocked).toEqual([]);
    expect(await page.locator('.message .markdown-image', { hasText: '[image: tracking pixel]' }).count()).toBeGreaterThan(0);
    const paths = server.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/x' || p.startsWith('/javascript') || p.includes('pixel'))).toEqual([]);
  });

  it('renders the GFM table, task list and math', async () => {
    const reply = page.locator('[data-testid="message"]').nth(1);
    const table = reply.locator('table');
    expect(await table.locator('th').allInnerTexts()).toEqual(['Engine', 'Runs on', 'Notes']);
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await reply.locator('input[type="checkbox"]:checked').count()).toBe(1);
    const typeset = await reply.locator('.math-inline .katex-mathml annotation').allTextContents();
    expect(typeset).toEqual(expect.arrayContaining(['e^{i\\pi} + 1 = 0', 'a^2 + b^2 = c^2']));
    expect(await reply.locator('.math-display .katex-display annotation').allTextContents()).toContain('\\int_0^1 x^2\\,dx = \\frac{1}{3}');
  });

  it('copies a code block with its Copy button', async () => {
    const block = page.locator('[data-testid="message"]').nth(1).locator('.code-block', { hasText: 'def greet' });
    const button = block.locator('button.code-copy');
    expect(await block.getByRole('button', { name: 'Copy code' }).count()).toBe(1);
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await block.getByRole('button', { name: 'Code copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CODE);
    await page.locator('[data-testid="message"]').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/xss-rendering.png' });
    await expect.poll(() => button.textContent(), { timeout: 5000 }).toBe('Copy');
  });
});
