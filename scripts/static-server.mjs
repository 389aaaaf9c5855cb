// A small static file server for the built app: 127.0.0.1 only, correct MIME
// types, byte ranges (for resumable model downloads), cross-origin isolation
// headers, the app's Content-Security-Policy and a single-page-app fallback to
// index.html.
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './content-security-policy.mjs';
import { isolationHeaders } from './isolation-headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Resolve `urlPath` inside `root`, refusing anything that escapes it. */
function safeJoin(root, urlPath) {
  const full = resolve(join(root, normalize(decodeURIComponent(urlPath))));
  return full === root || full.startsWith(root + sep) ? full : null;
}

async function fileFor(mounts, pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const file = safeJoin(dir, pathname.slice(prefix.length));
    if (!file) return null;
    const stat = await fs.stat(file).catch(() => null);
    if (stat?.isFile()) return { file, stat };
    if (prefix === '/') {
      const index = join(dir, 'index.html');
      return { file: index, stat: await fs.stat(index) };
    }
    return null;
  }
  return null;
}

/**
 * Start a server. `mounts` maps URL prefixes to folders (longest first wins);
 * `onRequest` sees every request (tests count them); `handle` may answer a
 * request itself and return true.
 */
export async function startStaticServer({ root, mounts = {}, port = 0, onRequest, handle } = {}) {
  const table = Object.entries({ ...mounts, '/': root })
    .map(([p, d]) => [p, resolve(d)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    onRequest?.({ method: req.method, path: url.pathname, range: req.headers.range });
    for (const [k, v] of Object.entries(isolationHeaders)) res.setHeader(k, v);
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy());
    try {
      if (handle && (await handle(req, res, url))) return;
      const found = await fileFor(table, url.pathname);
      if (!found) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const { file, stat } = found;
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'accept-ranges': 'bytes', etag: `"${stat.size}-${stat.mtimeMs}"` };
      if (file.endsWith('index.html') || file.endsWith('sw.js')) headers['cache-control'] = 'no-cache';
      const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
        if (start >= stat.size) {
          res.writeHead(416, { 'content-range': `bytes */${stat.size}` }).end();
          return;
        }
        res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${stat.size}` });
        if (req.method === 'HEAD') return void res.end();
        createReadStream(file, { start, end }).pipe(res);
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': stat.size });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file).pipe(res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
