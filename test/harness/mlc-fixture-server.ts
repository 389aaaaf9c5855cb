/**
 * Serves the built harness (dist-harness/) and the fake MLC files from
 * 127.0.0.1, logging requests; params shards can be slowed down on demand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer, type RequestLogEntry } from '../../scripts/static-server.mjs';
import type { FakeMlcFixtures } from './fake-mlc-model';

export interface Throttle {
  chunk: number;
  delayMs: number;
}

export interface MlcFixtureServer {
  url: string;
  requests: RequestLogEntry[];
  /** Paths of model folder and model library requests, in order. */
  modelFileRequests(): string[];
  /** When set, params shards are sent `chunk` bytes every `delayMs`. */
  throttle: Throttle | null;
  close(): Promise<void>;
}

export async function startMlcFixtureServer(harnessDir: string, fixtures: FakeMlcFixtures): Promise<MlcFixtureServer> {
  const requests: RequestLogEntry[] = [];
  const state: MlcFixtureServer = {
    url: '',
    requests,
    modelFileRequests: () => requests.filter((r) => r.path.startsWith('/models/') || r.path.startsWith('/libs/')).map((r) => r.path),
    throttle: null,
    close: async () => undefined,
  };
  const server = await startStaticServer({
    root: harnessDir,
    mounts: { '/models/': fixtures.modelsDir, '/libs/': fixtures.libsDir },
    onRequest: (entry) => requests.push(entry),
    handle: (_req, res, url) => {
      const throttle = state.throttle;
      if (!throttle || !/\/params_shard_\d+\.bin$/.test(url.pathname)) return false;
      const data = readFileSync(join(fixtures.modelsDir, decodeURIComponent(url.pathname.slice('/models/'.length))));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
      let offset = 0;
      const timer = setInterval(() => {
        res.write(data.subarray(offset, (offset += throttle.chunk)));
        if (offset >= data.length) {
          clearInterval(timer);
          res.end();
        }
      }, throttle.delayMs);
      res.on('close', () => clearInterval(timer));
      return true;
    },
  });
  state.url = server.url;
  state.close = server.close;
  return state;
}
