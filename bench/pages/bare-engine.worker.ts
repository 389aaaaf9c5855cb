/** wllama with nothing of the app around it: same wasm, same model file, same load and sampling options. */
import { Wllama } from '@wllama/wllama';
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import type { FromBareWorker, ToBareWorker } from './bare-engine-protocol';

interface Chunk {
  choices: { text?: string; finish_reason: string | null }[];
  timings?: { predicted_per_second: number };
}

let wllama: Wllama | null = null;
const post = (message: FromBareWorker) => self.postMessage(message);
const quiet = { debug() {}, log() {}, warn() {}, error: (...args: unknown[]) => console.error(...args) };

/** The model file as the app hands it to wllama: a File read from the origin's private file system. */
async function storedCopy(url: string): Promise<File> {
  const dir = await navigator.storage.getDirectory();
  const handle = await dir.getFileHandle('bare-engine-model.gguf', { create: true });
  const writable = await handle.createWritable();
  await (await fetch(url)).body!.pipeTo(writable);
  return handle.getFile();
}

async function handle(msg: ToBareWorker): Promise<void> {
  if (msg.type === 'load') {
    const file = await storedCopy(msg.url);
    wllama = new Wllama({ default: wasmUrl }, { logger: quiet, allowOffline: true });
    await wllama.loadModel([file], { n_ctx: msg.nCtx, n_gpu_layers: msg.nGpuLayers, n_parallel: 1 });
    return post({ type: 'loaded', nCtx: wllama.getLoadedContextInfo().n_ctx });
  }
  if (!wllama) throw new Error('Load the model first.');
  // As the app's adapter sends them (src/engine/gguf/gguf-adapter.ts).
  const options = { prompt: msg.prompt, stream: true as const, cache_prompt: true, ...msg.sampling };
  const stream = (await wllama.createCompletion(options)) as AsyncIterable<Chunk>;
  let predictedPerSecond: number | null = null;
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.text ?? '';
    if (text) post({ type: 'token', text });
    if (chunk.timings) predictedPerSecond = chunk.timings.predicted_per_second;
  }
  post({ type: 'done', predictedPerSecond });
}

self.addEventListener('message', (event: MessageEvent<ToBareWorker>) => {
  handle(event.data).catch((err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }));
});
