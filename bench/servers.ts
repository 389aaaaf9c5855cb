/** The built app and the benchmark pages, each served from 127.0.0.1 with the tiny model under /models/. */
import { rmSync } from 'node:fs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { fixtureDir } from '../test/support/servers';
import { APP_DIST, PAGES_DIST } from './build';

export interface BenchServers {
  app: string;
  pages: string;
  close(): Promise<void>;
}

export async function startBenchServers(): Promise<BenchServers> {
  const fixtures = await fixtureDir();
  const app = await startStaticServer({ root: APP_DIST, mounts: { '/models/': fixtures } });
  const pages = await startStaticServer({ root: PAGES_DIST, mounts: { '/models/': fixtures } });
  return {
    app: app.url,
    pages: pages.url,
    async close() {
      await Promise.all([app.close(), pages.close()]);
      rmSync(fixtures, { recursive: true, force: true });
    },
  };
}
