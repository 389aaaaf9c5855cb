/**
 * The engine-overhead baseline: the page times each token as it arrives from
 * its worker, exactly as the app's page does (bench/probes.ts).
 */
import type { BareSampling, FromBareWorker, ToBareWorker } from './bare-engine-protocol';

export interface BareRun {
  tokens: number;
  /** Tokens in the first message the page received (the rate counts those after it). */
  firstTokens: number;
  /** Messages the tokens came in. */
  messages: number;
  /** performance.now() of the first and last message with tokens seen by the page. */
  firstMs: number;
  lastMs: number;
  text: string;
  predictedPerSecond: number | null;
}

declare global {
  interface Window {
    bare: {
      load(url: string, nCtx: number, nGpuLayers?: number): Promise<number>;
      run(prompt: string, sampling: BareSampling): Promise<BareRun>;
    };
  }
}

const worker = new Worker(new URL('./bare-engine.worker.ts', import.meta.url), { type: 'module', name: 'bare-engine' });

function request<T>(msg: ToBareWorker, onMessage: (reply: FromBareWorker, settle: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = (event: MessageEvent<FromBareWorker>) => {
      if (event.data.type === 'failed') {
        worker.removeEventListener('message', listener);
        reject(new Error(event.data.message));
        return;
      }
      onMessage(event.data, (value) => {
        worker.removeEventListener('message', listener);
        resolve(value);
      });
    };
    worker.addEventListener('message', listener);
    worker.postMessage(msg);
  });
}

window.bare = {
  load: (url, nCtx, nGpuLayers) => request<number>({ type: 'load', url, nCtx, nGpuLayers }, (reply, settle) => reply.type === 'loaded' && settle(reply.nCtx)),
  run(prompt, sampling) {
    const run: BareRun = { messages: 0, tokens: 0, firstTokens: 1, firstMs: 0, lastMs: 0, text: '', predictedPerSecond: null };
    return request<BareRun>({ type: 'run', prompt, sampling }, (reply, settle) => {
      if (reply.type === 'token') {
        const now = performance.now();
        if (!run.tokens) run.firstMs = now;
        run.lastMs = now;
      run.messages++;
        run.tokens++;
        run.text += reply.text;
      } else if (reply.type === 'done') {
        run.predictedPerSecond = reply.predictedPerSecond;
        settle(run);
      }
    });
  },
};
document.getElementById('status')!.textContent = 'ready';
