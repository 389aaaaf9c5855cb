/* global BUILD */
// The app's service worker. scripts/service-worker-plugin.mjs prepends
// `const BUILD = { version, precache, policy, isolationHeaders }` and writes it
// to dist/sw.js. It makes the app start with no network: the files of this
// build are cached on install and served from the cache; pages get the latest
// index.html when online and the cached one otherwise. Model files are not
// its business (the app stores them itself): cross-origin requests, Range
// requests and anything not in the build pass straight through.

const CACHE = `wv-app-${BUILD.version}`;
const CACHE_PREFIX = 'wv-app-';
// Written by the app (src/app/offline/allowed-hosts.ts): the origins the person chose.
const HOSTS_CACHE = 'wv-allowed-hosts';
const HOSTS_KEY = new URL('wv-allowed-hosts.json', self.registration.scope).href;
const ORIGIN_PATTERN = new RegExp(BUILD.originPattern);
const NAVIGATION_TIMEOUT_MS = 4000;

const scope = new URL(self.registration.scope);
const precached = new Set(BUILD.precache.map((path) => new URL(path, scope).pathname));
const indexPath = new URL('index.html', scope).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([...precached].map((path) => new Request(path, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || request.headers.has('range')) return;
  if (request.mode === 'navigate') return event.respondWith(navigation(request));
  const isWorker = request.destination === 'worker' || request.destination === 'sharedworker';
  if (!precached.has(url.pathname) && !isWorker) return;
  event.respondWith(
    (async () => {
      const response = (await caches.match(url.pathname, { cacheName: CACHE })) ?? (await fetch(request));
      return isWorker ? withPolicy(response) : response;
    })(),
  );
});

/** Network first (a new version shows up at once), the cached index.html when offline or slow. */
async function navigation(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null));
  const fresh = await Promise.race([network.catch(() => null), timeout]);
  if (fresh && fresh.type !== 'opaqueredirect' && fresh.status < 500) return withPolicy(fresh);
  const cached = await caches.match(indexPath, { cacheName: CACHE });
  if (cached) return withPolicy(cached);
  return fresh ?? network;
}

/**
 * Documents and worker scripts get the policy with the person's hosts, plus
 * the cross-origin isolation headers (without them a page served from here
 * would lose `crossOriginIsolated`, and with it wasm threads).
 */
async function withPolicy(response) {
  if (response.type !== 'basic' && response.type !== 'default') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(BUILD.isolationHeaders)) headers.set(name, value);
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  headers.set('Content-Security-Policy', policyWith(await chosenOrigins()));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function chosenOrigins() {
  try {
    const stored = await caches.match(HOSTS_KEY, { cacheName: HOSTS_CACHE });
    const origins = stored ? await stored.json() : [];
    return Array.isArray(origins) ? origins.filter((o) => typeof o === 'string' && ORIGIN_PATTERN.test(o)) : [];
  } catch {
    return [];
  }
}

function policyWith(origins) {
  return Object.entries(BUILD.policy)
    .map(([name, values]) => [name, ...values, ...(name === 'connect-src' ? origins : [])].join(' '))
    .join('; ');
}
