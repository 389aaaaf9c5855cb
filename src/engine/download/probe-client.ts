/** Runs an address check in a short-lived worker (see probe.worker.ts). */
import { EngineError, type SerializedEngineError } from '../errors';

export type ProbeRequest = { kind: 'gguf'; url: string } | { kind: 'mlc'; modelUrl: string; modelLibUrl: string };

type ProbeResult<R extends ProbeRequest> = R extends { kind: 'gguf' } ? { bytes: number } : { quantization?: string; contextWindow?: number };

export function probeInWorker<R extends ProbeRequest>(request: R): Promise<ProbeResult<R>> {
  const worker = new Worker(new URL('./probe.worker.ts', import.meta.url), { type: 'module', name: 'model-address-check' });
  return new Promise<ProbeResult<R>>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<{ ok: true; result: ProbeResult<R> } | { ok: false; error: SerializedEngineError }>) => {
      const answer = event.data;
      if (answer.ok) resolve(answer.result);
      else reject(new EngineError(answer.error.code, answer.error.message));
    });
    worker.addEventListener('error', () => reject(new EngineError('unknown', 'The address could not be checked. Try again.')));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
