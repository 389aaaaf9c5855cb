/** Serves the built app and test fixtures from 127.0.0.1, logging requests. */
import { existsSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer, type RequestLogEntry, type StaticServerOptions } from '../../scripts/static-server.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const TINY_MODEL_SOURCE = resolve(ROOT, '../shared/fixtures/models/stories260K.gguf');
export const TINY_MODEL_SHA256 = '270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d';

/** A temp folder holding a copy of the tiny model (never committed). */
export function fixtureDir(): string {
  if (!existsSync(TINY_MODEL_SOURCE)) {
    throw new Error(
      `Missing ${TINY_MODEL_SOURCE}. Download stories260K.gguf from ` +
        `https://huggingface.co/ggml-org/models/resolve/main/tinyllamas/stories260K.gguf and check sha256 ${TINY_MODEL_SHA256}.`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'wv-fixtures-'));
  copyFileSync(TINY_MODEL_SOURCE, join(dir, 'stories260K.gguf'));
  return dir;
}

export interface AppServer {
  url: string;
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

export async function startAppServer(options: Partial<StaticServerOptions> = {}): Promise<AppServer> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const requests: RequestLogEntry[] = [];
  const server = await startStaticServer({
    root: DIST,
    ...options,
    onRequest: (entry) => requests.push(entry),
  });
  return { url: server.url, requests, close: server.close };
}
