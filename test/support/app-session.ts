/**
 * One browser test session: the built app (and, if asked, the tiny model) served
 * from 127.0.0.1, a fresh guarded Chromium profile, a page and its app driver.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { StaticServerOptions } from '../../scripts/static-server.mjs';
import { AppDriver } from './app-driver';
import { launchBrowser, newGuardedContext, type GuardedContext } from './browser';
import { fixtureDir, startAppServer, type AppServer } from './servers';

export interface AppSession {
  server: AppServer;
  browser: Browser;
  guarded: GuardedContext;
  page: Page;
  app: AppDriver;
  /** Folder served under /models/ holding a copy of the tiny model (when asked for). */
  fixtures: string;
  close(): Promise<void>;
}

export async function startAppSession(
  options: { withModel?: boolean; handle?: (fixtures: string) => StaticServerOptions['handle']; path?: string } = {},
): Promise<AppSession> {
  const fixtures = options.withModel === false ? '' : await fixtureDir();
  const server = await startAppServer({
    mounts: fixtures ? { '/models/': fixtures } : {},
    handle: fixtures ? options.handle?.(fixtures) : undefined,
  });
  const browser = await launchBrowser();
  const guarded = await newGuardedContext(browser);
  const page = await guarded.context.newPage();
  const app = new AppDriver(page);
  if (options.path) await page.goto(`${server.url}${options.path}`);
  else await app.open(server.url);
  return {
    server, browser, guarded, page, app, fixtures,
    async close() {
      await browser.close();
      await server.close();
      if (fixtures) rmSync(fixtures, { recursive: true, force: true });
    },
  };
}
