/**
 * The app's own GGUF engine (its worker, adapter and worker protocol, model
 * stored as the app stores it) without the UI, store or database: it tells
 * apart what the engine plumbing costs from what the rest of the app costs.
 */
import { createGgufEngine } from '../../src/engine/engines';
import type { CompletionRequest, GenerationSettings } from '../../src/engine/port';
import type { BareRun } from './bare-engine';

declare global {
  interface Window {
    engineOnly: {
      load(url: string, contextWindow: number, gpuLayers?: number): Promise<number>;
      run(prompt: string, settings: GenerationSettings): Promise<BareRun>;
    };
  }
}

const engine = createGgufEngine();

window.engineOnly = {
  async load(url, contextWindow, gpuLayers) {
    const spec = { modelId: 'bench', source: { kind: 'gguf' as const, urls: [url] }, contextWindow, gpuLayers };
    return (await engine.load(spec, () => {})).contextWindow;
  },
  async run(prompt, settings) {
    const run: BareRun = { messages: 0, tokens: 0, firstTokens: 0, firstMs: 0, lastMs: 0, text: '', predictedPerSecond: null };
    const request: CompletionRequest = { kind: 'prompt', prompt, settings };
    for await (const event of engine.complete(request)) {
      if (event.type === 'done') {
        run.predictedPerSecond = event.stats.decodeTokensPerSecond;
        break;
      }
      const now = performance.now();
      const tokens = event.tokens ?? 1;
      if (!run.tokens) [run.firstMs, run.firstTokens] = [now, tokens];
      run.lastMs = now;
      run.messages++;
      run.tokens += tokens;
      run.text += event.text;
    }
    return run;
  },
};
document.getElementById('status')!.textContent = 'ready';
