/**
 * What the page itself loads, read from the build manifest: the entry chunk
 * and its static imports (gzipped, against the budget), the lazy chunks
 * reachable by dynamic import, and a check that no engine library is in any
 * of them (engine workers are separate entries the page never imports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_DIST } from '../build';
import type { Metric } from '../report';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const SUITE = 'bundle';
/** Strings only web-llm (MLCEngine, tvmjs) or wllama (wllama, WllamaError) contain. */
const ENGINE_SIGNATURES = ['MLCEngine', 'tvmjs', 'wllama', 'WllamaError'];

const gzipKb = (file: string) => gzipSync(readFileSync(join(APP_DIST, file))).length / 1000;
const chunkName = (file: string) => file.replace(/^assets\//, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1');

function closure(manifest: Record<string, ManifestChunk>, start: string[], follow: (c: ManifestChunk) => string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const key = queue.shift()!;
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    queue.push(...follow(manifest[key]));
  }
  return seen;
}

export async function bundleSuite(): Promise<Metric[]> {
  const manifest = JSON.parse(readFileSync(join(APP_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('The build manifest has no entry.');
  const initial = closure(manifest, [entry], (c) => c.imports ?? []);
  const reachable = closure(manifest, [entry], (c) => [...(c.imports ?? []), ...(c.dynamicImports ?? [])]);
  const lazy = [...reachable].filter((k) => !initial.has(k));
  const fileOf = (k: string) => manifest[k]!.file;

  const initialFiles = [...initial].map(fileOf);
  const initialKb = initialFiles.reduce((sum, f) => sum + gzipKb(f), 0);
  const metrics: Metric[] = [
    { suite: SUITE, name: 'main-thread JS at start (entry + static imports, gzip)', value: initialKb, unit: 'kB', budget: { op: '<=', limit: 150 }, note: initialFiles.map(chunkName).join(', ') },
  ];
  for (const key of lazy) {
    const chunk = manifest[key]!;
    metrics.push({ suite: SUITE, name: `lazy chunk ${chunkName(chunk.file)} (gzip)`, value: gzipKb(chunk.file), unit: 'kB' });
  }
  const initialCss = new Set([...initial].flatMap((k) => manifest[k]!.css ?? []));
  metrics.push({ suite: SUITE, name: 'style sheets at start (gzip)', value: [...initialCss].reduce((sum, f) => sum + gzipKb(f), 0), unit: 'kB' });
  const lazyCss = new Set(Object.values(manifest).flatMap((c) => [...(c.css ?? []), ...(c.file.endsWith('.css') ? [c.file] : [])]).filter((f) => !initialCss.has(f)));
  for (const css of lazyCss) metrics.push({ suite: SUITE, name: `lazy style ${chunkName(css)} (gzip)`, value: gzipKb(css), unit: 'kB' });

  const pageFiles = [...reachable].map(fileOf);
  const workers = readdirSync(join(APP_DIST, 'assets')).filter((f) => /\.worker-.*\.js$/.test(f));
  const leaks = pageFiles.flatMap((file) => {
    const text = readFileSync(join(APP_DIST, file), 'utf8');
    return ENGINE_SIGNATURES.filter((s) => text.includes(s)).map((s) => `${chunkName(file)} contains "${s}"`);
  });
  metrics.push({
    suite: SUITE,
    name: 'page chunks containing web-llm or wllama code',
    value: leaks.length,
    unit: '',
    budget: { op: '=', limit: 0 },
    note: leaks.length ? leaks.join('; ') : `${pageFiles.length} chunks checked; workers, which the page never imports: ${workers.map((f) => chunkName(`assets/${f}`)).join(', ')}`,
  });
  return metrics;
}
