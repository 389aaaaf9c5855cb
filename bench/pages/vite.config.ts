/**
 * Builds the benchmark pages into dist-bench/pages/:
 * - bare-engine.html: wllama driven directly in a worker (the engine-overhead baseline);
 * - replay-app.html: the real App with a replay engine behind provideEngines.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { webllmCatalogPlugin } from '../../scripts/webllm-catalog-plugin.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [react(), webllmCatalogPlugin()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../dist-bench/pages', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
    rolldownOptions: { input: { bare: `${here}bare-engine.html`, engine: `${here}engine-only.html`, replay: `${here}replay-app.html` } },
  },
});
