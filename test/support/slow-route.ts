/** A server route that sends a file slowly, like a real model download. */
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Serves `<dir>/<name>` under `/slow/<name>` in 64 KB chunks every `intervalMs`,
 * honouring Range. `?drop=N` cuts the connection after N bytes (a network drop).
 */
export function slowRoute(dir: string, intervalMs = 60) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (!url.pathname.startsWith('/slow/')) return false;
    const file = join(dir, url.pathname.slice('/slow/'.length).replace(/[^\w.-]/g, ''));
    const size = statSync(file).size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const last = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.writeHead(range ? 206 : 200, {
      'content-type': 'application/octet-stream',
      'content-length': last - start + 1,
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${last}/${size}` } : {}),
    });
    const drop = Number(url.searchParams.get('drop') ?? Infinity);
    let sent = 0;
    const stream = createReadStream(file, { start, end: last, highWaterMark: 64 * 1024 });
    stream.on('data', (chunk) => {
      stream.pause();
      res.write(chunk);
      sent += chunk.length;
      if (sent >= drop) {
        stream.destroy();
        res.destroy();
        return;
      }
      setTimeout(() => stream.resume(), intervalMs);
    });
    stream.on('end', () => res.end());
    req.on('close', () => stream.destroy());
    return true;
  };
}
