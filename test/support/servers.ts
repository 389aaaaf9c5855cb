/** Serves the built app and test fixtures from 127.0.0.1, logging requests. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer, type RequestLogEntry, type StaticServerOptions } from '../../scripts/static-server.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const TINY_MODEL_SOURCE = resolve(ROOT, '../shared/fixtures/models/stories260K.gguf');
export const TINY_MODEL_SHA256 = '270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d';

const TINY_MODEL_URL = 'https://huggingface.co/ggml-org/models/resolve/main/tinyllamas/stories260K.gguf';
const DOWNLOAD_CACHE = join(ROOT, 'node_modules/.cache/wv-fixtures/stories260K.gguf');

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * The tiny model: TINY_MODEL_PATH, the workplace copy, or (elsewhere) a
 * one-time download from its public source, checked by sha256.
 */
async function tinyModelPath(): Promise<string> {
  for (const candidate of [process.env.TINY_MODEL_PATH, TINY_MODEL_SOURCE, DOWNLOAD_CACHE]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const response = await fetch(TINY_MODEL_URL).catch(() => null);
  if (!response?.ok) {
    throw new Error(`The tiny test model is missing. Download ${TINY_MODEL_URL} (sha256 ${TINY_MODEL_SHA256}) and set TINY_MODEL_PATH to it.`);
  }
  mkdirSync(join(DOWNLOAD_CACHE, '..'), { recursive: true });
  writeFileSync(DOWNLOAD_CACHE, Buffer.from(await response.arrayBuffer()));
  return DOWNLOAD_CACHE;
}

/** A temp folder holding a checked copy of the tiny model (never committed). */
export async function fixtureDir(): Promise<string> {
  const source = await tinyModelPath();
  if (sha256(source) !== TINY_MODEL_SHA256) throw new Error(`${source} does not match sha256 ${TINY_MODEL_SHA256}.`);
  const dir = mkdtempSync(join(tmpdir(), 'wv-fixtures-'));
  copyFileSync(source, join(dir, 'stories260K.gguf'));
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
