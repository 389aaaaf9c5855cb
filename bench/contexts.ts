/**
 * Browser profiles for the benchmarks, with the probes installed, service
 * workers off (no background caching while timing) and every request that
 * leaves 127.0.0.1 refused. Suites that read or write a large library use a
 * profile on disk, as a person's browser does: Chromium keeps an in-memory
 * profile's IndexedDB in memory, where writing a library of 20,000 indexed
 * messages takes minutes instead of seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../test/support/browser';
import { installProbes } from './probes';

export interface BenchContext {
  context: BrowserContext;
  /** Requests that tried to leave 127.0.0.1 (each one was refused). */
  blocked: string[];
  close(): Promise<void>;
}

const VIEWPORT = { width: 1280, height: 800 };

async function prepare(context: BrowserContext, close: () => Promise<void>): Promise<BenchContext> {
  const blocked: string[] = [];
  await context.route(
    (url) => !['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1',
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  // tsx keeps function names with a helper that does not exist in the page.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  await context.addInitScript(installProbes);
  return { context, blocked, close };
}

/** A fresh in-memory profile in the shared browser. */
export async function newBenchContext(browser: Browser): Promise<BenchContext> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: VIEWPORT });
  return prepare(context, () => context.close());
}

/** A fresh profile in a temporary folder: its own Chromium, same executable and flags as the tests'. */
export async function newOnDiskContext(): Promise<BenchContext> {
  const dir = mkdtempSync(join(tmpdir(), 'wv-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS, serviceWorkers: 'block', viewport: VIEWPORT });
  return prepare(context, async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });
}
