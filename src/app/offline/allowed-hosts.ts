/**
 * The hosts the person chose to download models from (custom GGUF addresses,
 * the MLC weights location). The service worker adds them to the
 * Content-Security-Policy's connect-src of every page load and every engine
 * worker it starts; Hugging Face and web-llm's model libraries are always
 * allowed (scripts/content-security-policy.mjs).
 */

/** Shared with src/app/offline/service-worker.js. */
export const ALLOWED_HOSTS_CACHE = 'wv-allowed-hosts';
const ALLOWED_HOSTS_FILE = 'wv-allowed-hosts.json';
/** Same as ORIGIN_PATTERN in scripts/content-security-policy.mjs. */
const ORIGIN_PATTERN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

function hostsKey(): string {
  return new URL(ALLOWED_HOSTS_FILE, new URL(import.meta.env.BASE_URL, location.href)).href;
}

/** A bare host name, optionally with a port: taken as https. */
const BARE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/i;

/**
 * The origin (`https://host[:port]`) of an http(s) URL, an origin or a bare
 * host name, or null for anything else (such as the `local:` addresses of
 * imported files). Our own origin is null: it is always allowed.
 */
export function originOf(host: string): string | null {
  const text = host.trim();
  if (!text.includes('://') && !BARE_HOST.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.origin === location.origin || !ORIGIN_PATTERN.test(url.origin)) return null;
  return url.origin;
}

async function storedOrigins(cache: Cache): Promise<string[]> {
  const stored = await cache.match(hostsKey());
  return stored ? ((await stored.json()) as string[]) : [];
}

/**
 * Record the hosts models may be downloaded from (URLs, origins or host
 * names; the full list, not additions). Pages loaded and engine workers
 * started afterwards may contact them. Resolves to the origins that were not
 * allowed before (empty when nothing changed). Without Cache Storage (or a
 * service worker) this does nothing: the baseline policy applies.
 */
export async function updateAllowedHosts(hosts: string[]): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  const origins = [...new Set(hosts.map(originOf).filter((o): o is string => o !== null))].sort();
  try {
    const cache = await caches.open(ALLOWED_HOSTS_CACHE);
    const before = await storedOrigins(cache);
    if (JSON.stringify(before) === JSON.stringify(origins)) return [];
    await cache.put(hostsKey(), new Response(JSON.stringify(origins), { headers: { 'content-type': 'application/json' } }));
    return origins.filter((o) => !before.includes(o));
  } catch {
    return [];
  }
}
