/**
 * Launches Debian's Chromium (or CHROMIUM_PATH) with WebGPU on SwiftShader,
 * and blocks every request that does not go to 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--use-angle=swiftshader',
];

export function findChromium(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) ' +
        'or set CHROMIUM_PATH to a Chrome/Chromium 137+ executable.',
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
}

export interface GuardedContext {
  context: BrowserContext;
  /** Requests that tried to leave 127.0.0.1 (each one was aborted). */
  blocked: string[];
}

/** A fresh profile whose requests may only reach 127.0.0.1. */
export async function newGuardedContext(browser: Browser): Promise<GuardedContext> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const blocked: string[] = [];
  await context.route(
    (url) => !isLocal(url),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return { context, blocked };
}

function isLocal(url: URL): boolean {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  return url.hostname === '127.0.0.1';
}
