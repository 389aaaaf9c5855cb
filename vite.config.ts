import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/content-security-policy.mjs';
import { isolationHeaders } from './scripts/isolation-headers.mjs';
import { serviceWorkerPlugin } from './scripts/service-worker-plugin.mjs';
import { webllmCatalogPlugin } from './scripts/webllm-catalog-plugin.mjs';

// Cross-origin isolation lets wllama use threads (SharedArrayBuffer).
export default defineConfig({
  plugins: [react(), webllmCatalogPlugin(), serviceWorkerPlugin()],
  server: { host: '127.0.0.1', headers: isolationHeaders },
  preview: { host: '127.0.0.1', headers: { ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy() } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    assetsInlineLimit: 0,
  },
});
