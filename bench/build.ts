/** Builds the app (with its manifest) and the benchmark pages, each into dist-bench/. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../test/support/servers';

export const APP_DIST = join(ROOT, 'dist-bench/app');
export const PAGES_DIST = join(ROOT, 'dist-bench/pages');

function vite(args: string[]): void {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error', ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

export function buildAll(): void {
  vite(['--outDir', APP_DIST, '--emptyOutDir', '--manifest']);
  vite(['-c', join(ROOT, 'bench/pages/vite.config.ts')]);
}
