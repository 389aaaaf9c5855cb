/** The built app served from 127.0.0.1, and fresh guarded Chromium profiles, each with the app open (a person's two browsers). */
import type { Browser, Page } from 'playwright-core';
import { AppDriver } from './app-driver';
import { launchBrowser, newGuardedContext, type GuardedContext } from './browser';
import { startAppServer, type AppServer } from './servers';

export interface FreshProfiles {
  server: AppServer;
  /** Every profile opened so far, in order, with the requests it tried to send elsewhere. */
  contexts: GuardedContext[];
  /** A new profile with the app open in a 1280×1000 page. */
  freshPage(): Promise<Page>;
  close(): Promise<void>;
}

/** `root`: a build to serve instead of dist/. */
export async function startFreshProfiles(root?: string): Promise<FreshProfiles> {
  const server = await startAppServer(root ? { root } : {});
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: GuardedContext[] = [];
  return {
    server,
    contexts,
    async freshPage() {
      const guarded = await newGuardedContext(browser);
      contexts.push(guarded);
      const page = await guarded.context.newPage();
      await page.setViewportSize({ width: 1280, height: 1000 });
      await new AppDriver(page).open(server.url);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
