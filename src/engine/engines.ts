/**
 * The engine workers. Each engine library is bundled only into its worker;
 * the UI thread loads it the first time a model of that kind is used.
 */
import type { ChatEngine } from './port';
import { createWorkerEngine } from './worker-client';

export function createMlcEngine(): ChatEngine {
  return createWorkerEngine('mlc', () => new Worker(new URL('./mlc/mlc.worker.ts', import.meta.url), { type: 'module', name: 'mlc-engine' }));
}

export function createGgufEngine(): ChatEngine {
  return createWorkerEngine('gguf', () => new Worker(new URL('./gguf/gguf.worker.ts', import.meta.url), { type: 'module', name: 'gguf-engine' }));
}
