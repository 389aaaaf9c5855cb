/**
 * Offline use in real Chromium: the service worker caches the app, the
 * manifest makes it installable, the Content-Security-Policy refuses hosts
 * that are not allowed, and with no network (and the server refusing every
 * request) the app starts, keeps its conversation, loads the stored model
 * and replies.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { AppDriver } from '../support/app-driver';
import { launchBrowser, newGuardedContext, type GuardedContext } from '../support/browser';
import { fixtureDir, startAppServer, type AppServer } from '../support/servers';

const MODEL = 'Tiny stories (offline)';

interface SeenRequest {
  url: string;
  /** service-worker: answered by our service worker; network: answered by a server; failed: no answer. */
  answer: 'service-worker' | 'network' | 'failed';
}

/** A fetch to `url` from the page or one of its workers, and the CSP violation it caused (if any). */
const tryFetch = (url: string) =>
  new Promise<{ fetched: boolean; violation: { blockedURI: string; directive: string } | null }>((resolve) => {
    let violation: { blockedURI: string; directive: string } | null = null;
    self.addEventListener('securitypolicyviolation', (e) => (violation = { blockedURI: e.blockedURI, directive: e.effectiveDirective }));
    fetch(url).then(
      () => resolve({ fetched: true, violation }),
      () => setTimeout(() => resolve({ fetched: false, violation }), 100),
    );
  });

describe('offline use', () => {
  let server: AppServer;
  let browser: Browser;
  let guarded: GuardedContext;
  let page: Page;
  let app: AppDriver;
  let fixtures: string;
  let refuse = false;
  /** Policy violations reported by the page or its workers. */
  const violations: string[] = [];
  const unexpectedViolations = (...expected: string[]) => violations.filter((v) => !expected.some((url) => v.includes(url)));

  beforeAll(async () => {
    fixtures = await fixtureDir();
    server = await startAppServer({
      mounts: { '/models/': fixtures },
      // Once "offline", the server cuts every connection it gets.
      handle: (req) => {
        if (refuse) req.socket.destroy();
        return refuse;
      },
    });
    browser = await launchBrowser();
    guarded = await newGuardedContext(browser);
    page = await guarded.context.newPage();
    const onConsole = (text: string) => /Content Security Policy/.test(text) && violations.push(text);
    page.on('console', (m) => onConsole(m.text()));
    page.on('worker', (w) => w.on('console', (m) => onConsole(m.text())));
    app = new AppDriver(page);
    await app.open(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  });

  it('is installable: the manifest is linked, valid, and its icons load', async () => {
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#4b3fa8');
    const manifest = await page.evaluate(async () => {
      const response = await fetch('/manifest.webmanifest');
      return { type: response.headers.get('content-type'), body: await response.json() };
    });
    expect(manifest.type).toBe('application/manifest+json');
    expect(manifest.body).toMatchObject({ name: 'WizardVicuna Chat', short_name: 'WizardVicuna', start_url: '/', display: 'standalone', theme_color: '#4b3fa8', background_color: '#f7f7fb' });
    const icons = manifest.body.icons as { src: string; sizes: string; type: string }[];
    expect(icons.map((i) => i.sizes)).toEqual(['192x192', '512x512', 'any']);
    const loaded = await page.evaluate(
      (list) =>
        Promise.all(
          list.map(async (icon) => {
            const response = await fetch(icon.src);
            const image = new Image();
            image.src = icon.src;
            await image.decode();
            return { sizes: icon.sizes, type: response.headers.get('content-type'), size: `${image.naturalWidth}x${image.naturalHeight}` };
          }),
        ),
      icons,
    );
    expect(loaded).toEqual([
      { sizes: '192x192', type: 'image/png', size: '192x192' },
      { sizes: '512x512', type: 'image/png', size: '512x512' },
      { sizes: 'any', type: 'image/svg+xml', size: expect.stringMatching(/^\d+x\d+$/) },
    ]);
  });

  it('sends a Content-Security-Policy that refuses hosts that are not allowed', async () => {
    const policy = (await page.reload())!.headers()['content-security-policy'] ?? '';
    for (const directive of [
      "script-src 'self' 'wasm-unsafe-eval'",
      "worker-src 'self' blob:",
      "connect-src 'self' https://huggingface.co https://*.huggingface.co https://*.hf.co https://raw.githubusercontent.com",
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
    await app.page.getByTestId('device-summary').waitFor();
    const attempt = await page.evaluate(tryFetch, 'https://example.com/');
    expect(attempt).toEqual({ fetched: false, violation: { blockedURI: 'https://example.com/', directive: 'connect-src' } });
    expect(guarded.blocked).toEqual([]); // refused by the page's policy, not by the test's network guard
  });

  it('caches the app in a service worker that controls the page', async () => {
    const state = await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      while (worker.state === 'activating') await new Promise((r) => worker.addEventListener('statechange', r, { once: true }));
      return worker.state;
    });
    expect(state).toBe('activated');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  it('chats with a model stored in the browser', async () => {
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf`, name: MODEL, format: 'plain' });
    await app.setGeneration({ temperature: 0, maxTokens: 16 });
    expect(await app.loadModel()).toMatch(/Ready/);
    await app.send('Once upon a time');
    expect((await app.waitForReply()).status).toBe('complete');
  });

  it('starts, loads the model and replies with no network', async () => {
    const seen: SeenRequest[] = [];
    guarded.context.on('requestfinished', (r: Request) => {
      void r.response().then((res) => seen.push({ url: r.url(), answer: res?.fromServiceWorker() ? 'service-worker' : 'network' }));
    });
    guarded.context.on('requestfailed', (r: Request) => seen.push({ url: r.url(), answer: 'failed' }));
    const reached = server.requests.length;
    refuse = true;
    await guarded.context.setOffline(true);
    for (const r of seen.splice(0)) expect(r.answer).not.toBe('network'); // nothing in flight got through

    const navigation = await page.reload();
    expect(navigation?.fromServiceWorker()).toBe(true);
    expect(navigation?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await app.page.getByTestId('device-summary').waitFor();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await app.conversationTitles()).toContain('Once upon a time');
    await expect.poll(async () => (await app.messages()).map((m) => m.role)).toEqual(['You', 'Assistant']);
    expect(await page.getByRole('combobox', { name: 'Model', exact: true }).locator('option', { hasText: MODEL }).count()).toBe(1);

    await app.selectModel(MODEL);
    expect(await app.loadModel()).toMatch(/Ready/);
    await app.send('The little dog');
    const reply = await app.waitForReply();
    expect(reply.status).toBe('complete');
    expect(reply.text.length).toBeGreaterThan(0);

    // The engine worker runs under the policy too.
    const worker = page.workers().find((w) => w.url().includes('gguf'));
    expect(await worker!.evaluate(tryFetch, 'https://example.com/')).toMatchObject({ fetched: false, violation: { directive: 'connect-src' } });

    // Only the browser's own update check of the service worker script may try (it ignores the offline switch); the page and its workers never do.
    expect(server.requests.slice(reached).filter((r) => r.path !== '/sw.js')).toEqual([]);
    expect(guarded.blocked).toEqual([]);
    for (const r of seen) {
      expect(new URL(r.url).hostname, r.url).toBe('127.0.0.1');
      expect(r.answer, r.url).not.toBe('network');
    }
    expect(unexpectedViolations('https://example.com/')).toEqual([]);
    const fromWorker = seen.filter((r) => r.answer === 'service-worker').map((r) => new URL(r.url).pathname);
    expect(fromWorker).toEqual(expect.arrayContaining(['/', expect.stringMatching(/gguf\.worker-.*\.js$/), expect.stringMatching(/wllama-.*\.wasm$/)]));
  });

  it('allows a host the person chose in pages loaded afterwards, and not before', async () => {
    refuse = false;
    await guarded.context.setOffline(false);
    const other = await startAppServer({ mounts: { '/models/': fixtures } });
    try {
      const url = `${other.url}/models/stories260K.gguf`;
      expect(await page.evaluate(tryFetch, url)).toMatchObject({ fetched: false, violation: { directive: 'connect-src' } });

      // The MLC weights location is one of the person's hosts.
      await page.locator('details.settings summary').click();
      await page.getByLabel('Where WizardVicuna MLC builds are hosted').fill(`${other.url}/mlc/`);
      await page.getByRole('form', { name: 'MLC model location' }).getByRole('button', { name: 'Save' }).click();
      const stored = () => page.evaluate(async () => (await caches.match(new URL('/wv-allowed-hosts.json', location.href).href))?.json());
      await expect.poll(stored).toEqual([other.url]);
      // The page already running keeps its policy.
      expect(await page.evaluate(tryFetch, url)).toMatchObject({ fetched: false });

      const policy = (await page.reload())!.headers()['content-security-policy'] ?? '';
      expect(policy).toMatch(new RegExp(`connect-src [^;]* ${other.url}(;|$)`));
      await app.page.getByTestId('device-summary').waitFor();
      expect(await page.evaluate(tryFetch, url)).toMatchObject({ fetched: true, violation: null });
      await app.addGgufModel({ url, name: 'Tiny stories (another host)', format: 'plain' });
      await app.selectModel('Tiny stories (another host)');
      expect(await app.loadModel()).toMatch(/Ready/);
      expect(other.requests.filter((r) => r.path === '/models/stories260K.gguf' && !r.range).length).toBeGreaterThanOrEqual(1);
      expect(guarded.blocked).toEqual([]);
      expect(unexpectedViolations('https://example.com/', url)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
