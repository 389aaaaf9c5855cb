/**
 * The real App, with a replay engine (replay.worker.ts, spoken to through the
 * app's own worker protocol) provided instead of the real engines, plus
 * helpers the benchmarks call through `window.bench`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/app/App';
import '../../src/app/app.css';
import { searchRepo } from '../../src/db';
import { checkDevice } from '../../src/engine/device-check';
import { createWorkerEngine } from '../../src/engine/worker-client';
import { recoverInterruptedReplies } from '../../src/features/chat/chat-controller';
import { provideEngines } from '../../src/features/models/engine-registry';
import { useEngineStore } from '../../src/store/engine-store';
import { seedLibrary } from './seed-library';

declare global {
  interface Window {
    bench: {
      seedLibrary: typeof seedLibrary;
      /** The search repository alone, timed in the page: [milliseconds, hits]. */
      search(query: string): Promise<[number, number]>;
    };
  }
}

const replayEngine = () =>
  createWorkerEngine('gguf', () => new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module', name: 'replay-engine' }));

provideEngines({ mlc: replayEngine(), gguf: replayEngine() });
void checkDevice().then((device) => useEngineStore.getState().setDevice(device));
void recoverInterruptedReplies();

window.bench = {
  seedLibrary,
  async search(query) {
    const started = performance.now();
    const hits = await searchRepo.search(query);
    return [performance.now() - started, hits.length];
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
